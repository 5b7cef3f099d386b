"""The report's labels in the reader's language (headings, column names, the notes around the
figures): the one list the templates (render/report.py) and the Word document (render/docx.py) read."""

from __future__ import annotations

from giaoviec import formats
from giaoviec.compute.reportview import Report
from giaoviec.i18n import Gettext


def texts(r: Report, _: Gettext) -> dict[str, str]:
    return {
        "title": _("Results of the assigned tasks, {year} — {unit}").format(year=r.year, unit=r.unit),
        "meta": _("As of {as_of} · scoring profile {profile} · prepared {generated}").format(
            as_of=r.as_of, profile=r.profile, generated=formats.day(r.generated, r.lang)),
        "public_note": _("Public version: {files} confidential assignments and {tasks} confidential tasks are left out.").format(
            files=r.hidden_files, tasks=r.hidden_tasks),
        "summary": _("Summary"), "cadres": _("Cadres"), "tasks": _("Tasks"), "tier": _("Tier"),
        "chart_units": _("Task status by unit"), "chart_tiers": _("Tiers"), "chart_quarters": _("Tasks completed by the end of each quarter"),
        "quota": _("Quota warnings"), "notes": _("Notes on the scoring"), "overdue": _("Overdue or not completed"), "due": _("due"), "contents": _("Cadres in this report"),
        "period": _("period"), "basis": _("Basis"), "monitor": _("Monitor"), "points": _("Points"), "self_rating": _("Self-rating"),
        "hidden_tasks": _("{n} confidential tasks are left out of this public version."),
        "unclear": _("Not clear on what (5 rõ), for the council to check first: tasks {ids}. Their points are counted as computed."),
        "what": _("Task (what)"), "who": _("Lead, support"), "when": _("When"), "result": _("Result, product"),
        "responsibility": _("Responsibility"), "target": _("Target"), "actual": _("Actual"), "status": _("Status"),
        "evidence": _("Evidence"), "timeline": _("Check-ins"), "date": _("Date"), "value": _("Value"), "note": _("Note"),
        "council": _("Council"), "council_score": _("Council's score"), "council_notes": _("The council's notes"),
        "general": _("General criteria"), "scored": _("tasks scored by the council"), "stale": _("Scores older than a later change"),
        "amendments": _("Amendments"), "decision": _("Decision"), "assessment": _("Strengths and shortcomings"),
        "draft_note": _("draft written from the task results, for the committee to complete"),
        "strengths": _("Strengths"), "shortcomings": _("Shortcomings"), "discipline": _("Discipline"),
        "head_report": _("The head's annual report"), "obstacles": _("Obstacles"), "proposals": _("Proposals"),
        "confidential": _("confidential"), "secret": _("CONFIDENTIAL"),
        "footer": _("Prepared with giaoviec from the assignment files; every figure can be explained with: giaoviec score {year} --explain").format(year=r.year),
    }

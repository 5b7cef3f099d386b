"""`giaoviec report --unit ID`: a unit's results as one Markdown or self-contained HTML document.

Gather first (scores, then the report data), then render once; the same data gives the same bytes
(the only date printed is the as-of date, or SOURCE_DATE_EPOCH when it is set)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from giaoviec import charts
from giaoviec.i18n import Gettext
from giaoviec.org import units_in_scope
from giaoviec.render import render
from giaoviec.report_data import BUCKET_NAMES, BUCKET_ORDER, Report, build
from giaoviec.score_year import UnknownUnit, score_year
from giaoviec.scoring import TIER_NAMES
from giaoviec.validation import validate


def default_year(root: Path, unit: str, today: dt.date) -> int:
    """The latest year (not after this one) with an assignment under the unit."""
    repo = validate(root, today=today).repo
    if unit not in repo.units:
        raise UnknownUnit(unit)
    scope = units_in_scope(repo, unit)
    years = [min(a.period.end.year, today.year) for a in repo.assignments if a.unit in scope and a.period.start.year <= today.year]
    return max(years, default=today.year)


def generated_on(as_of: dt.date) -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return as_of


def make(root: Path, unit: str, year: int | None, fmt: str, public: bool, _: Gettext, lang: str,
         today: dt.date | None = None) -> tuple[str, Report, list]:
    today = today or dt.date.today()
    year = year or default_year(root, unit, today)
    result = score_year(root, year, as_of=min(dt.date(year, 12, 31), today), unit=unit, today=today)
    data = build(result, unit, _, lang, public)
    texts = _texts(data, _, generated_on(result.as_of))
    chart_set = {
        "units": charts.stacked_bars(texts["chart_units"], data.by_unit, [(b, _(BUCKET_NAMES[b])) for b in BUCKET_ORDER]),
        "tiers": charts.columns(texts["chart_tiers"], [(_(TIER_NAMES[t]), n, t, str(n)) for t, n in data.tier_counts.items()]),
        "quarters": charts.columns(texts["chart_quarters"], [
            (q, (100 * done / total) if total else 0, "", f"{round(100 * done / total) if total else 0}") for q, done, total in data.by_quarter
        ], "%"),
    }
    text = render("report.html.j2" if fmt == "html" else "report.md.j2", r=data, t=texts, charts=chart_set)
    errors = [d for d in result.diagnostics if d.is_error]
    return text, data, errors


def _texts(r: Report, _: Gettext, generated: dt.date) -> dict[str, str]:
    return {
        "title": _("Results of the assigned tasks, {year} — {unit}").format(year=r.year, unit=r.unit),
        "meta": _("As of {as_of} · scoring profile {profile} · prepared {generated}").format(
            as_of=r.as_of, profile=r.profile, generated=generated.isoformat()),
        "public_note": _("Public version: {files} confidential assignments and {tasks} confidential tasks are left out.").format(
            files=r.hidden_files, tasks=r.hidden_tasks),
        "summary": _("Summary"), "cadres": _("Cadres"), "tasks": _("Tasks"), "tier": _("Tier"),
        "chart_units": _("Task status by unit"), "chart_tiers": _("Tiers"), "chart_quarters": _("Tasks completed by the end of each quarter"),
        "quota": _("Quota warnings"), "overdue": _("Overdue or not completed"), "due": _("due"), "contents": _("Cadres in this report"),
        "period": _("period"), "basis": _("Basis"), "monitor": _("Monitor"), "points": _("Points"), "self_rating": _("Self-rating"),
        "hidden_tasks": _("{n} confidential tasks are left out of this public version."),
        "what": _("Task (what)"), "who": _("Who"), "when": _("When"), "result": _("Result, product"),
        "responsibility": _("Responsibility"), "target": _("Target"), "actual": _("Actual"), "status": _("Status"),
        "evidence": _("Evidence"), "timeline": _("Check-ins"), "date": _("Date"), "value": _("Value"), "note": _("Note"),
        "assessment": _("Strengths and shortcomings"), "draft_note": _("draft written from the task results, for the committee to complete"),
        "strengths": _("Strengths"), "shortcomings": _("Shortcomings"),
        "head_report": _("The head's annual report"), "obstacles": _("Obstacles"), "proposals": _("Proposals"),
        "footer": _("Prepared with giaoviec from the assignment files; every figure can be explained with: giaoviec score {year} --explain").format(year=r.year),
    }

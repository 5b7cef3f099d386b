"""The rows of a cadre's section of the report: each task with its 5 rõ, target, status and points
(`row`), and the drafts of strengths and shortcomings written from the results (`strengths`,
`shortcomings`); a task of an earlier post of the year named with its unit (`label`)."""


from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from giaoviec import formats
from giaoviec.compute.reportview import TaskRow
from giaoviec.domain.scoring import Counts, TaskResult
from giaoviec.i18n import Gettext, Phrase, say
from giaoviec.model import Assignment
from giaoviec.model.assignment import Task
from giaoviec.model.values import Repository
from giaoviec.words import STATUS, fixed, measured, word

TaskIndex = dict[tuple[tuple[str, int] | None, str], Task]  # (the earlier post's file, or None for the row's own; task id) → task


def row(repo: Repository, t: Task, ts: TaskResult, m: Assignment, as_of: dt.date, _: Gettext, lang: str,
         unclear: Phrase | None = None) -> TaskRow:
    measure = t.result.measure if t.result else None
    lead = t.who.lead if t.who and isinstance(t.who.lead, str) else m.cadre
    support = [repo.name(x) for x in (t.who.support if t.who else ())]
    start = (t.when.start if t.when else None) or m.period.start
    due = t.when.due if t.when else None
    got = ts.achieved
    outcome = t.outcome if t.outcome and (t.outcome.done_on is None or t.outcome.done_on <= as_of) else None
    resp = t.responsibility
    note = ""
    if t.cancelled:
        note = _("cancelled by {decision}").format(decision=t.cancelled.decision)
    elif outcome and outcome.objective_cause:
        note = _("objective cause: {note}").format(note=outcome.objective_cause.note)
    if ts.stale and ts.council_date is not None:
        stale = _("⚠ the council's score ({day}) is older than a later change of this task").format(day=formats.day(ts.council_date, lang))
        note = f"{note}; {stale}" if note else stale
    if unclear is not None:  # the council checks the "5 rõ" first; the points are as computed
        vague = "⚠ " + say(unclear, _)
        note = f"{note}; {vague}" if note else vague
    if measure and got is not None and got.reported:
        actual = f"{measured(got.value, lang)} {measure.unit or ''}".strip()
    else:
        actual = "✓" if outcome and outcome.done_on and measure is None else "—"  # a measured task is done only by its value
    evidence = list(outcome.evidence) if outcome else []
    accountable = resp.accountable if resp and resp.accountable and resp.accountable != m.cadre else None
    return TaskRow(
        id=t.id, what=t.what, lead="" if lead == m.cadre else repo.name(lead),
        support=(_("support") + ": " + ", ".join(support)) if support else "",
        due=formats.day(due, lang), start=formats.day(start, lang),
        result=(t.result.product or "") if t.result else "",
        accountable=repo.name(accountable) if accountable else "", authority=repo.name(resp.authority) if resp and resp.authority else "",
        target=target(ts, measure, _, lang),
        actual=actual, status=ts.status, status_name=status_name(ts, _, lang),
        points=fixed(ts.points, 2, lang) if ts.points is not None else "—",
        council=formats.number(ts.council, lang) if ts.council is not None else "", council_note=ts.council_note or "",
        evidence=evidence, note=note, confidential=t.confidential,
    )


def target(ts: TaskResult, measure, _: Gettext, lang: str) -> str:
    """The target the status is judged on: a yearly checkpoint's (with its date) for a longer task."""
    j = ts.judgement
    if j.checkpoint:
        figure = f"{measured(j.target, lang)} {measure.unit or ''}".strip() if measure and j.target is not None else "—"
        return f"{figure} (" + _("checkpoint {date}").format(date=formats.day(j.due, lang)) + ")"
    return f"{measured(measure.target, lang)} {measure.unit or ''}".strip() if measure and measure.target is not None else "—"


def status_name(ts: TaskResult, _: Gettext, lang: str) -> str:
    """The status in words; a longer task's, judged on the year's checkpoint, says so ("exceeded the checkpoint …")."""
    name = word(STATUS, ts.status, _)
    if ts.judgement.checkpoint and ts.status != "cancelled":
        return _("{status} (checkpoint {date})").format(status=name, date=formats.day(ts.judgement.due, lang))
    return name


def label(ts: TaskResult, units: Mapping[tuple[str, int], str]) -> str:
    """A task as the draft names it: an earlier post's (a move) with its unit, as the task table does."""
    return f"{ts.id} ({units[ts.origin]})" if ts.origin is not None and ts.origin in units else ts.id


def strengths(visible: list[TaskResult], tasks: TaskIndex, _: Gettext, lang: str, units: Mapping[tuple[str, int], str]) -> list[str]:
    out = []
    counts = Counts.of(ts.status for ts in visible)
    if counts.on_time:
        out.append(_("Completed {n} of {total} tasks on time.").format(n=counts.on_time, total=counts.tasks))
    for ts in visible:
        if ts.status != "exceeded":
            continue
        t = tasks[(ts.origin, ts.id)]
        measure = t.result.measure if t.result else None
        got = ts.achieved
        detail = ""
        if measure and got is not None and got.source == "outcome":
            detail = f" ({measured(got.value, lang)}/{measured(measure.target, lang)} {measure.unit or ''})".replace(" )", ")")
        if ts.judgement.checkpoint:  # a longer task: this year's checkpoint was passed, not the whole task
            out.append(_("Passed the {date} checkpoint of task {task}: {what}{detail}.").format(
                date=formats.day(ts.judgement.due, lang), task=label(ts, units), what=t.what, detail=detail))
            continue
        out.append(_("Exceeded task {task}: {what}{detail}.").format(task=label(ts, units), what=t.what, detail=detail))
    return out


def shortcomings(visible: list[TaskResult], tasks: TaskIndex, _: Gettext, lang: str, units: Mapping[tuple[str, int], str]) -> list[str]:
    out = []
    for ts in visible:
        t = tasks[(ts.origin, ts.id)]
        j = ts.judgement
        if ts.status == "late":
            days = (j.done_on - j.due).days if j.done_on and j.due else 0
            cause = t.outcome.objective_cause if t.outcome else None
            reason = (" " + _("(objective cause: {note})").format(note=cause.note)) if cause else ""
            out.append(_("Task {task} finished {days} days late: {what}{reason}.").format(task=label(ts, units), days=days, what=t.what, reason=reason))
        elif ts.status in ("not-done", "overdue"):
            reached = ""
            if t.result and t.result.measure and ts.ratio is not None:
                share = fixed(100 * ts.ratio, 1, lang) + " %"
                if ts.achieved is not None and ts.achieved.source == "check-in":  # no final result: a check-in is not one
                    reached = " " + _("(no final result yet; the latest check-in reached {percent} of the target)").format(percent=share)
                else:
                    reached = " " + _("(reached {percent} of the target)").format(percent=share)
            out.append(_("Task {task} not completed: {what}{reached}.").format(task=label(ts, units), what=t.what, reached=reached))
    open_tasks = [ts for ts in visible if ts.status == "in-progress"]
    if open_tasks:
        out.append(_("{n} tasks still open within their term: {ids}.").format(n=len(open_tasks), ids=", ".join(label(ts, units) for ts in open_tasks)))
    return out

"""Everything a report shows, computed before rendering: summary, per-cadre sections with the
5 rõ, check-ins, tier and why, and a draft of strengths and shortcomings written from the results.
With `public`, confidential files and tasks (and their notes and evidence) are left out, and only
counted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from giaoviec.diagnostics import N_
from giaoviec.i18n import Gettext
from giaoviec.model import Assignment
from giaoviec.org import descendants
from giaoviec.model.assignment import Task
from giaoviec.reader import read_file
from giaoviec.score_report import STATUS_NAMES, render
from giaoviec.score_year import YearScore
from giaoviec.scoring import TIER_NAMES, AssignmentScore, TaskScore
from giaoviec.status import BUCKETS

BUCKET_ORDER = ("completed-on-time", "completed-late", "unfinished-within-term", "unfinished-overdue")
BUCKET_NAMES = {
    "completed-on-time": N_("Completed on time"), "completed-late": N_("Completed late"),
    "unfinished-within-term": N_("Unfinished, within term"), "unfinished-overdue": N_("Unfinished, overdue"),
}


@dataclass
class TaskRow:
    id: str
    what: str
    who: str
    when: str
    result: str
    responsibility: str
    target: str
    actual: str
    status: str
    status_name: str
    points: str
    evidence: list[str]
    note: str


@dataclass
class CadreSection:
    anchor: str
    name: str
    position: str
    unit: str
    unit_note: str
    program: str
    period: str
    basis: str
    monitor: str
    profile: str
    points: str
    tier: str
    tier_name: str
    tier_reason: str
    tasks: list[TaskRow]
    timeline: list[tuple[str, str, str, str]]  # date, task, value, note
    strengths: list[str]
    shortcomings: list[str]
    obstacles: list[str]
    proposals: list[str]
    self_rating: str
    hidden_tasks: int
    counts: dict[str, int]


@dataclass
class Report:
    lang: str
    organization: str
    unit: str
    year: int
    as_of: str
    profile: str
    public: bool
    cadres: list[CadreSection]
    buckets: list[tuple[str, int, str]]  # name, n, percent
    tiers: list[tuple[str, str, int]]  # tier, name, n
    tasks: int
    quota: list[str]
    overdue: list[tuple[str, str, str, str]]  # cadre, task, what, due
    hidden_files: int
    hidden_tasks: int
    by_unit: list[tuple[str, dict[str, int]]] = field(default_factory=list)  # sub-unit → bucket counts
    by_quarter: list[tuple[str, int, int]] = field(default_factory=list)  # quarter, finished, total
    tier_counts: dict[str, int] = field(default_factory=dict)


def number(value: float | None, lang: str, digits: int = 2) -> str:
    """A figure with a fixed number of decimals; Vietnamese writes the decimal comma."""
    if value is None:
        return "—"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "vi" else text


def _g(value: float | None, lang: str) -> str:
    """A measured value as written (12, 8,5)."""
    if value is None:
        return "—"
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "vi" else text


def _names(result: YearScore, ident: str | None) -> str:
    if not ident:
        return ""
    entry = result.repo.cadres.get(ident) or result.repo.units.get(ident)
    return entry.item.name if entry else ident


def _model(root: Path, s: AssignmentScore) -> Assignment | None:
    docs, _ = read_file(root, s.path)
    for d in docs:
        m = d.model
        if isinstance(m, Assignment) and m.cadre == s.assignment.cadre and m.program == s.assignment.program and m.period == s.assignment.period:
            return m
    return None


def build(result: YearScore, unit: str, _: Gettext, lang: str, public: bool) -> Report:
    repo = result.repo
    cadres: list[CadreSection] = []
    hidden_files = hidden_tasks = 0
    buckets = {b: 0 for b in BUCKET_ORDER}
    by_unit: dict[str, dict[str, int]] = {}
    quarters = [[0, 0] for _q in range(4)]
    overdue: list[tuple[str, str, str, str]] = []
    tier_counts = {t: 0 for t in (*TIER_NAMES,)}
    own = descendants(repo, unit)  # units reached only through succession are marked as former units
    for s in result.cadres:
        model = _model(repo.root, s)
        if model is None:
            continue
        if public and model.confidential:
            hidden_files += 1
            continue
        section, visible, hidden = _section(result, s, model, _, lang, public, model.unit not in own)
        hidden_tasks += hidden
        cadres.append(section)
        tier_counts[s.tier] = tier_counts.get(s.tier, 0) + 1
        unit_name = _names(result, _branch(repo, unit, model.unit))
        counts = by_unit.setdefault(unit_name, {b: 0 for b in BUCKET_ORDER})
        tasks = {t.id: t for t in model.tasks}
        for ts in visible:
            bucket = BUCKETS.get(ts.status)
            if bucket is None:
                continue
            buckets[bucket] += 1
            counts[bucket] += 1
            task = tasks[ts.id]
            done = task.outcome.done_on if task.outcome and task.outcome.done_on else None
            for q in range(4):
                quarters[q][1] += 1
                if done and ts.status in ("exceeded", "on-time", "late") and done <= dt.date(result.year, 3 * q + 3, 30 if q in (1, 2) else 31):
                    quarters[q][0] += 1
            if ts.status in ("overdue", "not-done") and task.when and task.when.due:
                overdue.append((section.name, ts.id, task.what, task.when.due.isoformat()))
    total = sum(buckets.values())
    return Report(
        lang=lang, organization=repo.config.organization, unit=_names(result, unit), year=result.year,
        as_of=result.as_of.isoformat(), profile=result.profile or "—", public=public, cadres=cadres,
        buckets=[(_(BUCKET_NAMES[b]), buckets[b], _pct(buckets[b], total, lang)) for b in BUCKET_ORDER],
        tiers=[(t, _(TIER_NAMES[t]), n) for t, n in tier_counts.items() if n],
        tasks=total, quota=[render(w.message, _) for w in result.warnings if not public or w.code == "score.quota"],
        overdue=overdue, hidden_files=hidden_files, hidden_tasks=hidden_tasks,
        by_unit=sorted(by_unit.items()), by_quarter=[(f"Q{q + 1}", quarters[q][0], quarters[q][1]) for q in range(4)],
        tier_counts=tier_counts,
    )


def _branch(repo, top: str, unit: str) -> str:
    """The sub-unit of `top` (a direct child) that `unit` lies under; `unit` itself otherwise
    (the report's own unit, or a former unit reached through succession)."""
    chain, current = [], unit
    while current is not None and current not in chain:
        chain.append(current)
        if current == top:
            return chain[-2] if len(chain) > 1 else unit
        entry = repo.units.get(current)
        current = entry.item.parent if entry else None
    return unit


def _pct(n: int, total: int, lang: str) -> str:
    return (number(100 * n / total, lang, 1) + " %") if total else "—"


def _section(result: YearScore, s: AssignmentScore, m: Assignment, _: Gettext, lang: str, public: bool, former: bool):
    tasks = {t.id: t for t in m.tasks}
    visible = [ts for ts in s.tasks if not (public and tasks[ts.id].confidential)]
    hidden = len(s.tasks) - len(visible)
    rows = [_row(result, tasks[ts.id], ts, m, _, lang) for ts in visible]
    timeline = sorted(
        (p.date.isoformat(), ts.id, _g(p.value, lang), p.note or "")
        for ts in visible for p in tasks[ts.id].progress if p.date <= result.as_of
    )
    unit_note = ""
    if former:
        unit_note = _("former unit, now {successor}").format(successor=", ".join(_names(result, u) for u in _successors(result, m.unit)))
    basis = ""
    if m.basis:
        basis = _("Decision {number} of {date}").format(number=m.basis.number, date=m.basis.date.isoformat())
        if m.basis.issued_by:
            basis += f" — {_names(result, m.basis.issued_by)}"
    counts = {k: sum(1 for ts in visible if ts.status == k) for k in STATUS_NAMES}
    return CadreSection(
        anchor=f"{m.cadre}-{m.program}", name=_names(result, m.cadre), position=m.position or "", unit=_names(result, m.unit),
        unit_note=unit_note, program=m.program, period=f"{m.period.start.isoformat()} – {m.period.end.isoformat()}",
        basis=basis, monitor=_names(result, m.monitor), profile=f"{s.profile.id}: {s.profile.title}",
        points=number(s.points if s.points is not None else s.provisional_points, lang) + ("" if s.points is not None else " " + _("(provisional)")),
        tier=s.tier, tier_name=_(TIER_NAMES[s.tier]), tier_reason=render(s.tier_reason, _), tasks=rows, timeline=timeline,
        strengths=_strengths(visible, tasks, _, lang), shortcomings=_shortcomings(visible, tasks, _, lang),
        obstacles=list(m.annual_report.obstacles) if m.annual_report else [],
        proposals=list(m.annual_report.proposals) if m.annual_report else [],
        self_rating=_(TIER_NAMES[m.self_rating]) if m.self_rating else "", hidden_tasks=hidden, counts=counts,
    ), visible, hidden


def _successors(result: YearScore, unit: str) -> list[str]:
    """The units that took over `unit`, following succession and then parents up to a unit that succeeded."""
    current: str | None = unit
    while current is not None:
        entry = result.repo.units.get(current)
        if entry is None:
            return []
        if entry.item.succeeded_by:
            return list(entry.item.succeeded_by)
        current = entry.item.parent
    return []


def _row(result: YearScore, t: Task, ts: TaskScore, m: Assignment, _: Gettext, lang: str) -> TaskRow:
    measure = t.result.measure if t.result else None
    lead = t.who.lead if t.who and isinstance(t.who.lead, str) else m.cadre
    support = [_names(result, x) for x in (t.who.support if t.who else ())]
    start = (t.when.start if t.when else None) or m.period.start
    due = t.when.due if t.when else None
    outcome = t.outcome if t.outcome and (t.outcome.done_on is None or t.outcome.done_on <= result.as_of) else None
    actual = outcome.value if outcome and outcome.value is not None else None
    if actual is None and measure:
        done_checkins = [p for p in t.progress if p.value is not None and p.date <= result.as_of]
        actual = max(done_checkins, key=lambda p: p.date).value if done_checkins else None
    resp = t.responsibility
    note = ""
    if t.cancelled:
        note = _("cancelled by {decision}").format(decision=t.cancelled.decision)
    elif outcome and outcome.objective_cause:
        note = _("objective cause: {note}").format(note=outcome.objective_cause.note)
    return TaskRow(
        id=t.id, what=t.what,
        who=_names(result, lead) + (" (" + _("support") + ": " + ", ".join(support) + ")" if support else ""),
        when=f"{start.isoformat()} → {due.isoformat() if due else '—'}",
        result=(t.result.product or "") if t.result else "",
        responsibility=", ".join(x for x in (_names(result, resp.accountable) if resp else "", _names(result, resp.authority) if resp else "") if x),
        target=(f"{_g(measure.target, lang)} {measure.unit or ''}".strip() if measure else "—"),
        actual=(f"{_g(actual, lang)} {measure.unit or ''}".strip() if measure and actual is not None else ("✓" if outcome and outcome.done_on else "—")),
        status=ts.status, status_name=_(STATUS_NAMES[ts.status]),
        points=number(ts.points, lang) if ts.points is not None else "—",
        evidence=list(outcome.evidence) if outcome else [], note=note,
    )


def _strengths(visible: list[TaskScore], tasks: dict[str, Task], _: Gettext, lang: str) -> list[str]:
    out = []
    exceeded = [ts for ts in visible if ts.status == "exceeded"]
    on_time = [ts for ts in visible if ts.status in ("exceeded", "on-time")]
    counted = [ts for ts in visible if ts.status != "cancelled"]
    if on_time:
        out.append(_("Completed {n} of {total} tasks on time.").format(n=len(on_time), total=len(counted)))
    for ts in exceeded:
        t = tasks[ts.id]
        measure = t.result.measure if t.result else None
        detail = ""
        if measure and t.outcome and t.outcome.value is not None:
            detail = f" ({_g(t.outcome.value, lang)}/{_g(measure.target, lang)} {measure.unit or ''})".replace(" )", ")")
        out.append(_("Exceeded task {task}: {what}{detail}.").format(task=ts.id, what=t.what, detail=detail))
    return out


def _shortcomings(visible: list[TaskScore], tasks: dict[str, Task], _: Gettext, lang: str) -> list[str]:
    out = []
    for ts in visible:
        t = tasks[ts.id]
        due = t.when.due if t.when else None
        measure = t.result.measure if t.result else None
        if ts.status == "late":
            done = t.outcome.done_on if t.outcome else None
            days = (done - due).days if done and due else 0
            cause = t.outcome.objective_cause if t.outcome else None
            reason = (" " + _("(objective cause: {note})").format(note=cause.note)) if cause else ""
            out.append(_("Task {task} finished {days} days late: {what}{reason}.").format(task=ts.id, days=days, what=t.what, reason=reason))
        elif ts.status in ("not-done", "overdue"):
            reached = ""
            if measure and ts.ratio is not None:
                reached = " " + _("(reached {percent} of the target)").format(percent=number(100 * ts.ratio, lang, 1) + " %")
            out.append(_("Task {task} not completed: {what}{reached}.").format(task=ts.id, what=t.what, reached=reached))
    open_tasks = [ts for ts in visible if ts.status == "in-progress"]
    if open_tasks:
        out.append(_("{n} tasks still open within their term: {ids}.").format(n=len(open_tasks), ids=", ".join(ts.id for ts in open_tasks)))
    return out

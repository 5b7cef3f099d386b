"""Points, components and the tier of one assignment under one profile (pure; spec/scoring.md).

Every figure can say why: scored with `explain`, `TaskScore.explained` holds the steps of a task
and `AssignmentScore.tier_trace` those of the tier, as (message id, arguments) that
`score --explain` renders in the chosen language. Without it, no reason is built for tasks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from giaoviec.diagnostics import Msg, N_
from giaoviec.model import Assignment, ScoringProfile
from giaoviec.model.common import Period
from giaoviec.model.evaluation import DISCIPLINE_ORDER, CadreEvaluation
from giaoviec.model.profile import TierRule
from giaoviec.status import DONE, STATUSES, Judgement, Window, judge

Reason = tuple[str, tuple[tuple[str, object], ...]]
SHARE_KEYS = {
    "done_share": ("≥", ("exceeded", "on-time", "late")),
    "done_share_gt": (">", ("exceeded", "on-time", "late")),
    "on_time_share": ("≥", ("exceeded", "on-time")),
    "exceeded_share": ("≥", ("exceeded",)),
    "late_share_max": ("≤", ("late",)),
    "late_or_not_done_share_max": ("≤", ("late", "not-done", "overdue")),
    "not_done_share_max": ("≤", ("not-done", "overdue")),
}


TIER_NAMES = {
    "excellent": N_("Excellent"), "good": N_("Good"), "completed": N_("Completed"),
    "not-completed": N_("Not completed"), "pending": N_("Pending"),
}


def tier_name(tier: str) -> Msg:
    return Msg(TIER_NAMES.get(tier, tier))


def r(message: str, **args: object) -> Reason:
    return message, tuple(args.items())


@dataclass(frozen=True, slots=True)
class TaskScore:
    id: str
    status: str
    weight: float
    ratio: float | None
    computed: float | None  # weight × factor; None for a cancelled task
    council: float | None  # the council's score, when an Evaluation gives one
    explained: Explained | None = None  # only when scoring with --explain

    @property
    def points(self) -> float | None:
        return self.council if self.council is not None else self.computed


@dataclass(frozen=True, slots=True)
class Explained:
    judgement: Judgement
    steps: tuple[Reason, ...]
    council_note: str | None


@dataclass(frozen=True)
class AssignmentScore:
    assignment: Header
    path: str
    profile: ScoringProfile
    window: Window
    tasks: tuple[TaskScore, ...]
    counts: dict[str, int]
    components: dict[str, float | None]
    provisional_points: float
    points: float | None  # None while pending
    tier: str
    tier_reason: Reason
    tier_trace: tuple[Reason, ...]
    evaluation: str | None  # "path (date)" of the Evaluation used


def delays(due: dt.date, done_on: dt.date, cadence: str) -> int:
    """Check-in periods (months or quarters) that begin after `due` and on or before `done_on`, ≥ 1."""
    months = 1 if cadence == "monthly" else 3
    count = 0
    year, month = due.year, ((due.month - 1) // months) * months + 1
    while True:
        month += months
        if month > 12:
            year, month = year + 1, month - 12
        start = dt.date(year, month, 1)
        if start > done_on:
            break
        count += 1
    return max(1, count)


def task_score(task, win: Window, profile: ScoringProfile, cadence: str, council, explain: bool = True) -> TaskScore | None:
    j = judge(task, win, profile.exceeded_when, explain)
    if j is None:
        return None
    weight = task.weight
    council_points = council.score if council else None
    if j.status == "cancelled":
        return TaskScore(task.id, j.status, weight, None, None, None, Explained(j, (j.reason,), None) if explain else None)
    factor, delay, failures = task_factor(task, j, profile, cadence)
    computed = weight * factor
    why = Explained(j, steps(j, profile, factor, delay, failures, weight, computed, council_points), council.note if council else None) if explain else None
    return TaskScore(task.id, j.status, weight, j.ratio, computed, council_points, why)


def task_factor(task, j: Judgement, profile: ScoringProfile, cadence: str) -> tuple[float, int, int]:
    """(factor, periods of delay counted, failed quality checks) for a status (spec/scoring.md, Points)."""
    f = profile.task_factors
    delay = 0
    if j.status == "exceeded":
        factor = f.exceeded
    elif j.status == "on-time":
        factor = f.on_time
    elif j.status == "late":
        factor = f.late
        if f.late_deduction:
            delay = delays(j.due, j.done_on, cadence)
            if not j.objective_cause:
                factor = max(0.0, factor - f.late_deduction * delay)
    else:
        factor = min(j.ratio or 0.0, 1.0) * f.partial_credit
    failures = task.outcome.quality_failures if task.outcome else 0
    if f.quality_deduction and failures:
        factor = max(0.0, factor - f.quality_deduction * failures)
    return factor, delay, failures


def steps(j: Judgement, profile: ScoringProfile, factor: float, delay: int, failures: int, weight: float,
          computed: float, council_points: float | None) -> tuple[Reason, ...]:
    """The explanation of a task's points, step by step."""
    f = profile.task_factors
    out: list[Reason] = [j.reason]
    if j.status in ("exceeded", "on-time", "late"):
        name = {"exceeded": N_("factor for exceeded: {factor}"), "on-time": N_("factor for on time: {factor}"),
                "late": N_("factor for late: {factor}")}[j.status]
        out.append(r(name, factor={"exceeded": f.exceeded, "on-time": f.on_time, "late": f.late}[j.status]))
        if j.status == "late" and f.late_deduction:
            if j.objective_cause:
                out.append(r(N_("late deduction {each} × {n} waived: objective cause confirmed"), each=f.late_deduction, n=delay))
            else:
                out.append(r(N_("minus late deduction {each} × {n} periods of delay"), each=f.late_deduction, n=delay))
    else:
        out.append(r(N_("unfinished: min(achievement {ratio}, 1) × partial credit {credit}"), ratio=_pct(j.ratio), credit=f.partial_credit))
    if f.quality_deduction and failures:
        out.append(r(N_("minus quality deduction {each} × {n} failed checks"), each=f.quality_deduction, n=failures))
    out.append(r(N_("points = weight {weight} × factor {factor} = {points}"), weight=_n(weight), factor=_n(factor), points=_n(computed)))
    if council_points is not None:
        out.append(r(N_("the council scored {score} (computed {computed}): the council's score counts"),
                     score=_n(council_points), computed=_n(computed)))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Header:
    """What the outputs need of the Assignment itself (its tasks are not kept)."""

    cadre: str
    unit: str
    position: str | None
    program: str
    period: Period


def score_assignment(
    assignment: Assignment, path: str, profile: ScoringProfile, win: Window, cadence: str,
    entry: CadreEvaluation | None, evaluation: str | None, explain: bool = True,
) -> AssignmentScore:
    council = entry.tasks if entry else {}
    scored = [s for t in assignment.tasks if (s := task_score(t, win, profile, cadence, council.get(t.id), explain)) is not None]
    counts = {status: 0 for status in STATUSES}
    for s in scored:
        counts[s.status] += 1
    counting = [s for s in scored if s.status != "cancelled"]
    weights = sum(s.weight for s in counting)
    components: dict[str, float | None] = {}
    for name, maximum in profile.components.items():
        if name == "tasks":
            components[name] = (sum(s.points or 0.0 for s in counting) / weights * maximum) if weights else 0.0
        elif name == "general":
            components[name] = entry.general if entry else None
        else:
            components[name] = entry.components.get(name) if entry else None
    provisional = sum(v for v in components.values() if v is not None)

    pending: list[Reason] = []
    if win.as_of < win.end:
        pending.append(r(N_("the window is open until {end} (as of {as_of}): points are provisional"), end=win.end.isoformat(), as_of=win.as_of.isoformat()))
    missing = [name for name, v in components.items() if v is None]
    if missing:
        pending.append(r(N_("no council score for {components}"), components=", ".join(missing)))
    if not counting:
        pending.append(r(N_("no task counts in {year}"), year=win.year))

    computed, trace = computed_tier(profile, provisional, counts, len(counting))
    if entry and entry.decided_tier:
        tier, reason = entry.decided_tier, r(N_("decided by the competent authority: {reason}"), reason=entry.reason or "")
    elif entry and entry.discipline and profile.disqualifier and _at_least(entry.discipline, profile.disqualifier):
        tier, reason = profile.tiers[-1].tier, r(N_("discipline '{discipline}' (at or above '{limit}') forces the lowest tier"),
                                                  discipline=entry.discipline, limit=profile.disqualifier)
    elif pending:
        tier, reason = "pending", r(N_("not rated yet: {reasons}"), reasons=Msgs(*pending))
    else:
        tier, reason = computed, trace[-1]
    a = assignment
    return AssignmentScore(
        assignment=Header(a.cadre, a.unit, a.position, a.program, a.period), path=path, profile=profile, window=win, tasks=tuple(scored), counts=counts,
        components=components, provisional_points=provisional, points=None if tier == "pending" else provisional,
        tier=tier, tier_reason=reason, tier_trace=tuple(trace), evaluation=evaluation,
    )


class Msgs(tuple):
    """Reasons nested inside a reason (rendered one after the other)."""

    def __new__(cls, *reasons: Reason):
        return super().__new__(cls, reasons)


def computed_tier(profile: ScoringProfile, points: float, counts: dict[str, int], n: int) -> tuple[str, list[Reason]]:
    """The first tier from the top whose minimum and conditions hold, and why the ones above failed."""
    trace: list[Reason] = []
    for rule in profile.tiers:
        failures = _failures(rule, points, counts, n)
        if not failures:
            if rule.min_points is None and rule.require is None:
                trace.append(r(N_("'{tier}': the tier that remains when none above it holds"), tier=tier_name(rule.tier)))
            else:
                trace.append(r(N_("'{tier}': the first tier from the top whose conditions all hold"), tier=tier_name(rule.tier)))
            return rule.tier, trace
        trace.append(r(N_("'{tier}' does not hold: {failures}"), tier=tier_name(rule.tier), failures=Msgs(*failures)))
    return profile.tiers[-1].tier, trace  # unreachable for a valid profile: the last tier has no conditions


def _failures(rule: TierRule, points: float, counts: dict[str, int], n: int) -> list[Reason]:
    out: list[Reason] = []
    if rule.min_points is not None:
        ok = points > rule.min_points if rule.min_exclusive else points >= rule.min_points
        if not ok:
            out.append(r(N_("points {points} {op} {min}"), points=_n(points), op="≤" if rule.min_exclusive else "<", min=_n(rule.min_points)))
    if rule.require:
        for key, limit in rule.require.model_dump(exclude_none=True).items():
            op, statuses = SHARE_KEYS[key]
            share = (sum(counts[s] for s in statuses) / n) if n else 0.0
            ok = {"≥": share >= limit - 1e-12, ">": share > limit + 1e-12, "≤": share <= limit + 1e-12}[op]
            if not ok:
                out.append(r(N_("{key} is {share}, needs {op} {limit}"), key=key, share=_pct(share), op=op, limit=_pct(limit)))
    return out


def _at_least(level: str, limit: str) -> bool:
    return DISCIPLINE_ORDER.index(level) >= DISCIPLINE_ORDER.index(limit)


def done_count(counts: dict[str, int]) -> int:
    return sum(counts[s] for s in DONE)


def _n(value: float) -> str:
    return f"{round(value, 2):g}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"

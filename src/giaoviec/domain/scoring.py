"""Points, components and the tier of one assignment under one profile (pure; spec/scoring.md).

Two steps. `judge_task` needs the task itself: its status, achieved value and computed points
(weight × factor), without any council. `aggregate` needs only those results, the profile and
the council's entry: it applies the council's scores, sums the components, counts the statuses
once (`Counts`) and picks the tier. So the council that applies can be settled after every file
is read without reading any task again. With `explain`, a task keeps the steps of its factor and
the assignment the trace of its tier, as Phrases rendered in the chosen language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from giaoviec.domain.status import DONE, Achieved, Judgement, Window, judge
from giaoviec.domain.tiers import Counts, computed_tier
from giaoviec.i18n import N_, Phrase, phrase
from giaoviec.model import Assignment, ScoringProfile
from giaoviec.model.assignment import Task
from giaoviec.model.common import Period
from giaoviec.model.evaluation import DISCIPLINE_ORDER, CadreEvaluation
from giaoviec.shared import shared
from giaoviec.words import COMPONENT, DISCIPLINE, share, short, term


@dataclass(frozen=True, slots=True)
class TaskResult:
    id: str
    status: str
    weight: float
    judgement: Judgement
    computed: float | None  # weight × factor; None for a cancelled task
    steps: tuple[Phrase, ...] = ()  # the factor, step by step (only when explained)
    council: float | None = None  # the council's score, when an Evaluation gives one
    council_note: str | None = None
    council_date: dt.date | None = None  # the date of the session that gave it
    stale: bool = False  # the council scored it before a later change of its outcome, due date or target (eval.stale)
    origin: tuple[str, int] | None = None  # (path, document) of an earlier post's file pooled into the row; None: the row's own

    @property
    def points(self) -> float | None:
        return self.council if self.council is not None else self.computed

    @property
    def ratio(self) -> float | None:
        return self.judgement.ratio

    @property
    def achieved(self) -> Achieved | None:
        return self.judgement.achieved


@dataclass(frozen=True, slots=True)
class Header:
    """What the outputs need of the Assignment itself, besides its task results."""

    cadre: str
    unit: str
    position: str | None
    program: str
    period: Period
    confidential: bool = False


@dataclass(frozen=True, slots=True)
class Council:
    """The council session entry that applies to an assignment."""

    entry: CadreEvaluation
    path: str
    date: dt.date
    stale: frozenset[str] = frozenset()  # the tasks whose score eval.stale found older than their facts
    council: str | None = None  # the council (a unit id)
    minutes: str | None = None  # the number of the session's minutes (biên bản)

    @property
    def source(self) -> str:
        return f"{self.path} ({self.date.isoformat()})"


@dataclass(frozen=True, slots=True)
class Post:
    """An earlier assignment of the same cadre and program in the year, pooled into a row (a move)."""

    head: Header
    path: str
    index: int
    window: Window

    @property
    def key(self) -> tuple[str, int]:
        return (self.path, self.index)


@dataclass(frozen=True)
class AssignmentResult:
    assignment: Header
    path: str
    index: int
    profile: ScoringProfile
    window: Window
    tasks: tuple[TaskResult, ...]
    counts: Counts
    components: dict[str, float | None]
    provisional_points: float
    points: float | None  # None while pending
    tier: str
    tier_reason: Phrase
    tier_trace: tuple[Phrase, ...]
    council: Council | None = None
    earlier: tuple[Post, ...] = ()  # the earlier posts of the year pooled into this row, oldest first

    @property
    def keys(self) -> tuple[tuple[str, int], ...]:
        """(path, document) of every file pooled into the row, the earlier posts first."""
        return (*(p.key for p in self.earlier), self.key)

    @property
    def earlier_keys(self) -> tuple[tuple[str, int], ...]:
        return tuple(p.key for p in self.earlier)

    def tasks_of(self, key: tuple[str, int]) -> tuple[TaskResult, ...]:
        """The results of the tasks of one pooled file."""
        return tuple(t for t in self.tasks if (t.origin or self.key) == key)

    @property
    def evaluation(self) -> str | None:
        """ "path (date)" of the Evaluation used."""
        return self.council.source if self.council else None

    @property
    def key(self) -> tuple[str, int]:
        return (self.path, self.index)


def delays(due: dt.date, done_on: dt.date, cadence: str) -> int:
    """Check-in periods (months or quarters) that begin after `due` and on or before `done_on`, ≥ 1."""
    months = 1 if cadence == "monthly" else 3
    count = 0
    year, month = due.year, ((due.month - 1) // months) * months + 1
    while True:
        month += months
        if month > 12:
            year, month = year + 1, month - 12
        if dt.date(year, month, 1) > done_on:
            break
        count += 1
    return max(1, count)


def judge_task(task: Task, win: Window, profile: ScoringProfile, cadence: str, explain: bool = True) -> TaskResult | None:
    """Status and computed points of a task that counts in the window (None when it does not)."""
    j = judge(task, win, profile.exceeded_when, explain)
    if j is None:
        return None
    if j.status == "cancelled":
        return TaskResult(shared(task.id), j.status, shared(task.weight), j, None, (j.reason,) if explain else ())
    factor, delay, failures = task_factor(task, j, profile, cadence)
    computed = task.weight * factor
    steps = _steps(j, profile, factor, delay, failures, task.weight, computed) if explain else ()
    return TaskResult(shared(task.id), j.status, shared(task.weight), j, shared(computed), steps)


def last_change(a: Assignment, task: Task) -> dt.date | None:
    """The latest date the file records for a change of the task's outcome, due date or target:
    its completion, and the amendments that name it."""
    dates = [m.date for m in a.amendments if task.id in m.tasks]
    if task.outcome is not None and task.outcome.done_on is not None:
        dates.append(task.outcome.done_on)
    return max(dates, default=None)


def task_factor(task: Task, j: Judgement, profile: ScoringProfile, cadence: str) -> tuple[float, int, int]:
    """(factor, periods of delay counted, failed quality checks) for a status (spec/scoring.md, Points)."""
    f = profile.task_factors
    delay = 0
    if j.status == "exceeded":
        factor = f.exceeded
    elif j.status == "on-time":
        factor = f.on_time
    elif j.status == "late":
        factor = f.late
        if f.late_deduction and j.due is not None and j.done_on is not None:
            delay = delays(j.due, j.done_on, cadence)
            if not j.objective_cause:
                factor = max(0.0, factor - f.late_deduction * delay)
    else:
        factor = min(j.ratio or 0.0, 1.0) * f.partial_credit
    failures = task.outcome.quality_failures if task.outcome else 0
    if f.quality_deduction and failures:
        factor = max(0.0, factor - f.quality_deduction * failures)
    return factor, delay, failures


def _steps(j: Judgement, profile: ScoringProfile, factor: float, delay: int, failures: int, weight: float,
           computed: float) -> tuple[Phrase, ...]:
    """The explanation of a task's points, step by step."""
    f = profile.task_factors
    out: list[Phrase] = [j.reason]
    if j.status in DONE:
        name = {"exceeded": N_("factor for exceeded: {factor}"), "on-time": N_("factor for on time: {factor}"),
                "late": N_("factor for late: {factor}")}[j.status]
        out.append(phrase(name, factor={"exceeded": f.exceeded, "on-time": f.on_time, "late": f.late}[j.status]))
        if j.status == "late" and f.late_deduction:
            if j.objective_cause:
                out.append(phrase(N_("late deduction {each} × {n} waived: objective cause confirmed"), each=f.late_deduction, n=delay))
            else:
                out.append(phrase(N_("minus late deduction {each} × {n} periods of delay"), each=f.late_deduction, n=delay))
    else:
        out.append(phrase(N_("unfinished: min(achievement {ratio}, 1) × partial credit {credit}"), ratio=share(j.ratio), credit=f.partial_credit))
    if f.quality_deduction and failures:
        out.append(phrase(N_("minus quality deduction {each} × {n} failed checks"), each=f.quality_deduction, n=failures))
    out.append(phrase(N_("points = weight {weight} × factor {factor} = {points}"), weight=short(weight), factor=short(factor), points=short(computed)))
    return tuple(out)


def aggregate(head: Header, path: str, index: int, profile: ScoringProfile, win: Window, tasks: tuple[TaskResult, ...],
              council: Council | None, explain: bool = True, apply_council: bool = True) -> AssignmentResult:
    """The council's scores applied to the task results, the components, the points and the tier
    (its trace, tier by tier, kept with `explain`: at a million tasks it is a sixth of the memory)."""
    entry = council.entry if council else None
    if apply_council and council is not None and council.entry.tasks:
        tasks = tuple(with_council(t, council) for t in tasks)
    counts = Counts.of(t.status for t in tasks)
    counting = [t for t in tasks if t.status != "cancelled"]
    weights = sum(t.weight for t in counting)
    components: dict[str, float | None] = {}
    for name, maximum in profile.components.items():
        if name == "tasks":
            components[name] = (sum(t.points or 0.0 for t in counting) / weights * maximum) if weights else 0.0
        elif name == "general":
            components[name] = entry.general if entry else None
        else:
            components[name] = entry.components.get(name) if entry else None
    provisional = sum(v for v in components.values() if v is not None)

    pending: list[Phrase] = []
    if win.as_of < win.end:
        pending.append(phrase(N_("the window is open until {end} (as of {as_of}): points are provisional"),
                              end=win.end, as_of=win.as_of))
    missing = [name for name, v in components.items() if v is None]
    if missing:
        pending.append(phrase(N_("no council score for {components}"), components=tuple(term(COMPONENT, m) for m in missing)))
    if not counting:
        pending.append(phrase(N_("no task counts in {year}"), year=win.year))

    computed, trace, computed_reason = computed_tier(profile, provisional, counts)
    tier: str
    if entry and entry.decided_tier:
        tier, reason = entry.decided_tier, phrase(N_("decided by the competent authority: {reason}"), reason=entry.reason or "")
    elif entry and entry.discipline and profile.disqualifier and _at_least(entry.discipline, profile.disqualifier):
        tier = profile.tiers[-1].tier
        reason = phrase(N_("discipline '{discipline}' (at or above '{limit}') forces the lowest tier"),
                        discipline=term(DISCIPLINE, entry.discipline), limit=term(DISCIPLINE, profile.disqualifier))
    elif pending:
        tier, reason = "pending", phrase(N_("not rated yet: {reasons}"), reasons=tuple(pending))
    else:
        tier, reason = computed, computed_reason
    return AssignmentResult(
        assignment=head, path=path, index=index, profile=profile, window=win, tasks=tasks, counts=counts,
        components=components, provisional_points=provisional, points=None if tier == "pending" else provisional,
        tier=tier, tier_reason=reason, tier_trace=tuple(trace) if explain else (), council=council,
    )


def with_council(t: TaskResult, council: Council) -> TaskResult:
    score = council.entry.tasks.get(t.id)
    if score is None or t.status == "cancelled":
        return t
    return replace(t, council=score.score, council_note=score.note, council_date=council.date, stale=t.id in council.stale)


def _at_least(level: str, limit: str) -> bool:
    return DISCIPLINE_ORDER.index(level) >= DISCIPLINE_ORDER.index(limit)


def score_assignment(a: Assignment, path: str, profile: ScoringProfile, win: Window, cadence: str,
                     council: Council | None = None, explain: bool = True) -> AssignmentResult:
    """One assignment judged and aggregated at once (what `compute.year` does in two steps)."""
    tasks = tuple(r for t in a.tasks if (r := judge_task(t, win, profile, cadence, explain)) is not None)
    head = Header(a.cadre, a.unit, a.position, a.program, a.period, a.confidential)
    return aggregate(head, path, 0, profile, win, tasks, council)

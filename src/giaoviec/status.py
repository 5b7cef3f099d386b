"""A task's status and achievement as of a date (pure; spec/scoring.md, "Task status").

Statuses are computed, never typed: exceeded ⊂ on-time ⊂ done; late; not-done, overdue and
in-progress are unfinished; cancelled leaves the score. Every judgement carries the reason it was
reached (a message id and its arguments) so that `score --explain` can say why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from giaoviec.diagnostics import N_
from giaoviec.model.assignment import Measure, Task
from giaoviec.model.profile import ExceededWhen

STATUSES = ("exceeded", "on-time", "late", "not-done", "overdue", "in-progress", "cancelled")
DONE = ("exceeded", "on-time", "late")
BUCKETS = {  # the four official buckets
    "exceeded": "completed-on-time",
    "on-time": "completed-on-time",
    "late": "completed-late",
    "in-progress": "unfinished-within-term",
    "overdue": "unfinished-overdue",
    "not-done": "unfinished-overdue",
}


@dataclass(frozen=True)
class Window:
    """The part of an assignment's period inside the scored year, and the as-of date."""

    year: int
    start: dt.date
    end: dt.date  # window_end = min(period.to, 31-12-YEAR)
    as_of: dt.date


@dataclass(frozen=True, slots=True)
class Judgement:
    status: str
    ratio: float | None
    value: float | None
    due: dt.date | None  # the due date (or checkpoint) judged against
    checkpoint: bool = False
    done_on: dt.date | None = None
    objective_cause: bool = False
    reason: tuple[str, tuple[tuple[str, object], ...]] = field(default=("", ()))  # empty unless explained

    @property
    def bucket(self) -> str | None:
        return BUCKETS.get(self.status)


def window(period_start: dt.date, period_end: dt.date, year: int, as_of: dt.date | None, today: dt.date) -> Window | None:
    start = max(period_start, dt.date(year, 1, 1))
    end = min(period_end, dt.date(year, 12, 31))
    if start > end:
        return None
    return Window(year, start, end, as_of if as_of is not None else min(today, end))


def met(value: float | None, target: float, direction: str) -> bool:
    if value is None:
        return False
    return value >= target if direction == "increase" else value <= target


def ratio_of(value: float | None, target: float | None, direction: str) -> float | None:
    if target is None:
        return None
    value = 0.0 if value is None else value
    divisor = target if direction == "increase" else value
    if divisor == 0:
        return 1.0 if met(value, target, direction) else 0.0
    return value / target if direction == "increase" else target / value


def latest_value(task: Task, until: dt.date) -> float | None:
    """The latest-dated check-in value on or before `until` (None when there is none)."""
    best: tuple[dt.date, float] | None = None
    for check_in in task.progress:
        if check_in.value is not None and check_in.date <= until and (best is None or check_in.date >= best[0]):
            best = (check_in.date, check_in.value)
    return best[1] if best else None


def counts_in(task: Task, year: int) -> bool:
    due = task.when.due if task.when else None
    if due is not None and due.year == year:
        return True
    return any(cp.by.year == year for cp in (task.when.checkpoints if task.when else ()))


def judge(task: Task, win: Window, exceeded_when: ExceededWhen, explain: bool = True) -> Judgement | None:
    """The task's status in the window, or None when it does not count in this year. Without
    `explain`, no reason is built (the figures are the same; a province is scored faster)."""
    if not counts_in(task, win.year):
        return None
    _r = _reason if explain else _no_reason
    as_of = win.as_of
    if task.cancelled and task.cancelled.date <= as_of:
        return Judgement("cancelled", None, None, task.when.due if task.when else None,
                         reason=_r(N_("cancelled by {decision} on {date}"), decision=task.cancelled.decision, date=task.cancelled.date))
    due = task.when.due  # counts_in guarantees a due date or a checkpoint
    if due is None or due.year > win.year:
        return _judge_checkpoint(task, win, exceeded_when, _r)

    measure: Measure | None = task.result.measure if task.result else None
    outcome = task.outcome
    done_on = outcome.done_on if outcome and outcome.done_on and outcome.done_on <= as_of else None
    outcome_counts = outcome is not None and (outcome.done_on is None or outcome.done_on <= as_of)
    value = outcome.value if outcome_counts and outcome.value is not None else None
    if value is None and measure is not None:
        value = latest_value(task, as_of)
        if value is None:
            value = measure.baseline if measure.baseline is not None else 0.0
    target = measure.target if measure else None
    direction = measure.direction if measure else "increase"
    ratio = ratio_of(value, target, direction) if measure else None
    cause = bool(outcome and outcome.objective_cause and outcome.objective_cause.confirmed_by and outcome.objective_cause.decision)
    common = dict(ratio=ratio, value=value if measure else None, due=due, done_on=done_on, objective_cause=cause)

    if done_on is not None:
        if measure is not None and target is not None and not met(value, target, direction):
            return Judgement("not-done", **common, reason=_r(
                N_("finished on {done_on} but {value} misses the target {target} {unit}"),
                done_on=done_on, value=_num(value), target=_num(target), unit=measure.unit or ""))
        if done_on <= due:
            if _exceeded(ratio, done_on, due, exceeded_when):
                return Judgement("exceeded", **common, reason=_exceeded_reason(ratio, done_on, due, exceeded_when) if explain else NO_REASON)
            return Judgement("on-time", **common, reason=_r(N_("finished on {done_on}, due {due}"), done_on=done_on, due=due))
        return Judgement("late", **common, reason=_r(
            N_("finished on {done_on}, {days} days after the due date {due}"), done_on=done_on, due=due, days=(done_on - due).days))
    if as_of >= win.end:
        return Judgement("not-done", **common, reason=_r(N_("not finished when the window closed on {end}"), end=win.end))
    if due < as_of:
        return Judgement("overdue", **common, reason=_r(N_("not finished; due {due}, {days} days ago"), due=due, days=(as_of - due).days))
    return Judgement("in-progress", **common, reason=_r(N_("not finished yet; due {due}"), due=due))


def _judge_checkpoint(task: Task, win: Window, exceeded_when: ExceededWhen, _r) -> Judgement | None:
    """A task due after the year: judged against the last checkpoint of the year."""
    in_year = [cp for cp in task.when.checkpoints if cp.by.year == win.year]
    if not in_year:
        return None
    cp = max(in_year, key=lambda c: c.by)
    measure = task.result.measure if task.result else None
    direction = measure.direction if measure else "increase"
    until = min(cp.by, win.as_of)
    value = latest_value(task, until)
    outcome = task.outcome
    if outcome and outcome.done_on and outcome.done_on <= until and outcome.value is not None:
        value = outcome.value
    if value is None:
        value = measure.baseline if measure and measure.baseline is not None else 0.0
    if cp.target is None:
        # a checkpoint without a target is met only by a finished task (there is nothing to compare)
        done = bool(outcome and outcome.done_on and outcome.done_on <= until)
        is_met, ratio = done, None
    else:
        is_met, ratio = met(value, cp.target, direction), ratio_of(value, cp.target, direction)
    common = dict(ratio=ratio, value=value, due=cp.by, checkpoint=True)
    if is_met:
        if ratio is not None and exceeded_when.ratio_above is not None and ratio > exceeded_when.ratio_above:
            return Judgement("exceeded", **common, reason=_r(
                N_("checkpoint {by} met and passed: {value} against {target}"), by=cp.by, value=_num(value), target=_num(cp.target)))
        return Judgement("on-time", **common, reason=_r(
            N_("checkpoint {by} met: {value} against {target}"), by=cp.by, value=_num(value), target=_num(cp.target)))
    if win.as_of >= cp.by:
        return Judgement("not-done", **common, reason=_r(
            N_("checkpoint {by} missed: {value} against {target}"), by=cp.by, value=_num(value), target=_num(cp.target)))
    return Judgement("in-progress", **common, reason=_r(N_("checkpoint {by} not reached yet"), by=cp.by))


def _exceeded(ratio: float | None, done_on: dt.date, due: dt.date, rule: ExceededWhen) -> bool:
    by_ratio = ratio is not None and rule.ratio_above is not None and ratio > rule.ratio_above
    by_days = rule.days_early is not None and done_on <= due - dt.timedelta(days=rule.days_early)
    return by_ratio or by_days


def _exceeded_reason(ratio, done_on, due, rule):
    if ratio is not None and rule.ratio_above is not None and ratio > rule.ratio_above:
        return _reason(N_("finished on {done_on}, due {due}; achieved {percent} of the target"), done_on=done_on, due=due, percent=f"{ratio:.0%}")
    return _reason(N_("finished on {done_on}, at least {days} days before the due date {due}"), done_on=done_on, due=due, days=rule.days_early)


def _num(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}"


NO_REASON: tuple[str, tuple] = ("", ())


def _reason(message: str, **args: object) -> tuple[str, tuple[tuple[str, object], ...]]:
    return message, tuple((k, v.isoformat() if isinstance(v, dt.date) else v) for k, v in args.items())


def _no_reason(message: str, **args: object) -> tuple[str, tuple]:
    return NO_REASON

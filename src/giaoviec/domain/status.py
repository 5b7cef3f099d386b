"""A task's status and achievement as of a date (pure; spec/scoring.md, "Task status").

Statuses are computed, never typed: exceeded ⊂ on-time ⊂ done; late; not-done, overdue and
in-progress are unfinished; cancelled leaves the score. The achieved value a status is judged on
is decided here, once, with where it came from (the outcome, the latest check-in, the baseline),
so that every output shows the same number. With `explain`, every judgement carries the Phrase
that says why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from giaoviec.i18n import N_, Phrase, phrase
from giaoviec.model.assignment import Measure, Task
from giaoviec.model.profile import ExceededWhen
from giaoviec.shared import shared
from giaoviec.words import share

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
BUCKET_ORDER = ("completed-on-time", "completed-late", "unfinished-within-term", "unfinished-overdue")
NO_REASON = Phrase("")


@dataclass(frozen=True)
class Window:
    """The part of an assignment's period inside the scored year, and the as-of date."""

    year: int
    start: dt.date
    end: dt.date  # window_end = min(period.to, 31-12-YEAR)
    as_of: dt.date


@dataclass(frozen=True, slots=True)
class Achieved:
    """The value a measured task is judged on, and where it came from: "outcome", "check-in",
    "baseline" or "none" (nothing reported: 0 counts)."""

    value: float
    source: str
    date: dt.date | None = None  # of the outcome or check-in

    @property
    def reported(self) -> bool:
        return self.source in ("outcome", "check-in")


@dataclass(frozen=True, slots=True)
class Judgement:
    status: str
    ratio: float | None
    achieved: Achieved | None  # None without a measure
    due: dt.date | None  # the due date (or checkpoint) judged against
    checkpoint: bool = False
    done_on: dt.date | None = None
    objective_cause: bool = False
    reason: Phrase = NO_REASON  # empty unless explained
    target: float | None = None  # a checkpoint judgement: the checkpoint's target (the year's, not the whole task's)

    @property
    def bucket(self) -> str | None:
        return BUCKETS.get(self.status)

    @property
    def value(self) -> float | None:
        return self.achieved.value if self.achieved else None


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
    """value/target (increase) or target/value (decrease); no value at all (None) achieves nothing:
    0, never the 1 a zero divisor would give a "decrease" target (issue 27: no data is not a result)."""
    if target is None:
        return None
    if value is None:
        return 0.0
    divisor = target if direction == "increase" else value
    if divisor == 0:
        return 1.0 if met(value, target, direction) else 0.0
    return value / target if direction == "increase" else target / value


def latest_check_in(task: Task, until: dt.date) -> tuple[dt.date, float] | None:
    """The latest-dated check-in with a value on or before `until`; of two on one date, the one
    written last (check-ins are appended)."""
    best: tuple[dt.date, float] | None = None
    for check_in in task.progress:
        if check_in.value is not None and check_in.date <= until and (best is None or check_in.date >= best[0]):
            best = (check_in.date, check_in.value)
    return best


def achieved(task: Task, measure: Measure, until: dt.date) -> Achieved:
    """The outcome's value when the outcome counts by `until`, else the latest check-in, else the
    baseline, else 0 (spec/scoring.md, "Achievement ratio")."""
    outcome = task.outcome
    if outcome is not None and outcome.value is not None and (outcome.done_on is None or outcome.done_on <= until):
        return Achieved(outcome.value, "outcome", shared(outcome.done_on))
    latest = latest_check_in(task, until)
    if latest is not None:
        return Achieved(latest[1], "check-in", shared(latest[0]))
    if measure.baseline is not None:
        return Achieved(measure.baseline, "baseline")
    return Achieved(0.0, "none")


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
    why = phrase if explain else _no_reason
    as_of = win.as_of
    if task.cancelled and task.cancelled.date <= as_of:
        return Judgement("cancelled", None, None, shared(task.when.due if task.when else None),
                         reason=why(N_("cancelled by {decision} on {date}"), decision=task.cancelled.decision, date=task.cancelled.date))
    assert task.when is not None  # counts_in guarantees a due date or a checkpoint
    due = task.when.due
    if due is None or due.year > win.year:
        return _judge_checkpoint(task, win, exceeded_when, why)

    measure: Measure | None = task.result.measure if task.result else None
    outcome = task.outcome
    done_on = outcome.done_on if outcome and outcome.done_on and outcome.done_on <= as_of else None
    got = achieved(task, measure, as_of) if measure is not None else None
    target = measure.target if measure else None
    direction = measure.direction if measure else "increase"
    ratio = ratio_of(_known(got), target, direction) if got is not None else None
    cause = bool(outcome and outcome.objective_cause and outcome.objective_cause.confirmed_by and outcome.objective_cause.decision)

    def judged(status: str, reason: Phrase) -> Judgement:
        return Judgement(status, ratio, got, shared(due), done_on=shared(done_on), objective_cause=cause, reason=reason)

    if done_on is not None:
        if measure is not None and target is not None and got is not None and not got.reported:
            return judged("not-done", why(N_("finished on {done_on} but no value was reported against the target {target} {unit}"),
                                          done_on=done_on, target=_num(target), unit=measure.unit or ""))
        if measure is not None and target is not None and not met(got.value if got else None, target, direction):
            return judged("not-done", why(N_("finished on {done_on} but {value} misses the target {target} {unit}"),
                                          done_on=done_on, value=_num(got.value if got else None), target=_num(target), unit=measure.unit or ""))
        if done_on <= due:
            if _exceeded(ratio, done_on, due, exceeded_when):
                return judged("exceeded", _exceeded_reason(ratio, done_on, due, exceeded_when) if explain else NO_REASON)
            return judged("on-time", why(N_("finished on {done_on}, due {due}"), done_on=done_on, due=due))
        return judged("late", why(N_("finished on {done_on}, {days} days after the due date {due}"),
                                  done_on=done_on, due=due, days=(done_on - due).days))
    if as_of >= win.end:
        return judged("not-done", why(N_("not finished when the window closed on {end}"), end=win.end))
    if due < as_of:
        return judged("overdue", why(N_("not finished; due {due}, {days} days ago"), due=due, days=(as_of - due).days))
    return judged("in-progress", why(N_("not finished yet; due {due}"), due=due))


def _judge_checkpoint(task: Task, win: Window, exceeded_when: ExceededWhen, why) -> Judgement | None:
    """A task due after the year: judged against the last checkpoint of the year."""
    assert task.when is not None
    in_year = [cp for cp in task.when.checkpoints if cp.by.year == win.year]
    if not in_year:
        return None
    cp = max(in_year, key=lambda c: c.by)
    measure = task.result.measure if task.result else None
    direction = measure.direction if measure else "increase"
    until = min(cp.by, win.as_of)
    outcome = task.outcome
    if outcome and outcome.done_on and outcome.done_on <= until and outcome.value is not None:
        got = Achieved(outcome.value, "outcome", shared(outcome.done_on))
    elif (latest := latest_check_in(task, until)) is not None:
        got = Achieved(latest[1], "check-in", shared(latest[0]))
    elif measure is not None and measure.baseline is not None:
        got = Achieved(measure.baseline, "baseline")
    else:
        got = Achieved(0.0, "none")
    if cp.target is None:
        # a checkpoint without a target is met only by a finished task (there is nothing to compare)
        is_met, ratio = bool(outcome and outcome.done_on and outcome.done_on <= until), None
    elif not got.reported:  # no check-in and no outcome by the checkpoint: nothing to compare, never met
        is_met, ratio = False, ratio_of(_known(got), cp.target, direction)
    else:
        is_met, ratio = met(got.value, cp.target, direction), ratio_of(got.value, cp.target, direction)
    args = {"by": cp.by, "value": _num(_known(got)), "target": _num(cp.target)}

    def judged(status: str, reason: Phrase) -> Judgement:
        return Judgement(status, ratio, got, shared(cp.by), checkpoint=True, reason=reason, target=cp.target)

    if is_met:
        if ratio is not None and exceeded_when.ratio_above is not None and ratio > exceeded_when.ratio_above:
            return judged("exceeded", why(N_("checkpoint {by} met and passed: {value} against {target}"), **args))
        return judged("on-time", why(N_("checkpoint {by} met: {value} against {target}"), **args))
    if win.as_of >= cp.by:
        return judged("not-done", why(N_("checkpoint {by} missed: {value} against {target}"), **args))
    return judged("in-progress", why(N_("checkpoint {by} not reached yet"), by=cp.by))


def _exceeded(ratio: float | None, done_on: dt.date, due: dt.date, rule: ExceededWhen) -> bool:
    by_ratio = ratio is not None and rule.ratio_above is not None and ratio > rule.ratio_above
    by_days = rule.days_early is not None and done_on <= due - dt.timedelta(days=rule.days_early)
    return by_ratio or by_days


def _exceeded_reason(ratio: float | None, done_on: dt.date, due: dt.date, rule: ExceededWhen) -> Phrase:
    if ratio is not None and rule.ratio_above is not None and ratio > rule.ratio_above:
        return phrase(N_("finished on {done_on}, due {due}; achieved {percent} of the target"),
                      done_on=done_on, due=due, percent=share(ratio))
    return phrase(N_("finished on {done_on}, at least {days} days before the due date {due}"),
                  done_on=done_on, due=due, days=rule.days_early)


def _known(got: Achieved | None) -> float | None:
    """The value a ratio is computed on: None when nothing was reported and there is no baseline."""
    return None if got is None or got.source == "none" else got.value


def _num(value: float | None) -> float | str:
    """A figure of an explanation, written in the reader's language when shown."""
    return "—" if value is None else float(value)


def _no_reason(message: str, **args: object) -> Phrase:
    return NO_REASON

"""Task status as of a date, on the edges of spec/scoring.md."""

from __future__ import annotations

import datetime as dt

import pytest

from giaoviec.domain.scoring import delays
from giaoviec.domain.status import BUCKETS, judge, ratio_of, window
from giaoviec.model.assignment import Task
from giaoviec.model.profile import ExceededWhen

D = dt.date.fromisoformat
RULE = ExceededWhen()  # ratio_above 1.0, days_early none


def task(due="2022-09-30", measure=None, outcome=None, progress=(), checkpoints=(), cancelled=None, start=None):
    data = {"id": "01", "what": "Việc thử", "when": {"due": due, "checkpoints": list(checkpoints)}, "progress": list(progress)}
    if start:
        data["when"]["start"] = start
    if due is None:
        del data["when"]["due"]
    if measure:
        data["result"] = {"product": "Sản phẩm", "measure": measure}
    if outcome:
        data["outcome"] = outcome
    if cancelled:
        data["cancelled"] = cancelled
    return Task.model_validate(data)


def status(t, as_of="2022-12-31", year=2022, period=("2022-01-01", "2022-12-31"), rule=RULE):
    win = window(D(period[0]), D(period[1]), year, D(as_of) if as_of else None, D("2030-01-01"))
    j = judge(t, win, rule)
    return None if j is None else j.status


M12 = {"indicator": "Số vụ", "unit": "vụ", "target": 12}
DEC = {"indicator": "Số hộ nghèo", "unit": "hộ", "target": 30, "baseline": 45, "direction": "decrease"}

CASES = [
    # (name, task, as_of, expected)
    ("done on the due date itself", task(outcome={"done_on": "2022-09-30"}), "2022-12-31", "on-time"),
    ("done the day after", task(outcome={"done_on": "2022-10-01"}), "2022-12-31", "late"),
    ("leap day: done on 29 Feb, due 29 Feb", task(due="2024-02-29", outcome={"done_on": "2024-02-29"}), ("2024", "2024-12-31"), "on-time"),
    ("leap day: done 1 Mar, due 29 Feb", task(due="2024-02-29", outcome={"done_on": "2024-03-01"}), ("2024", "2024-12-31"), "late"),
    ("target met exactly", task(measure=M12, outcome={"done_on": "2022-09-01", "value": 12}), "2022-12-31", "on-time"),
    ("target passed", task(measure=M12, outcome={"done_on": "2022-09-01", "value": 13}), "2022-12-31", "exceeded"),
    ("target missed, finished", task(measure=M12, outcome={"done_on": "2022-09-01", "value": 11}), "2022-12-31", "not-done"),
    ("passed but late is late", task(measure=M12, outcome={"done_on": "2022-10-01", "value": 20}), "2022-12-31", "late"),
    ("decrease: below target", task(due="2022-12-31", measure=DEC, outcome={"done_on": "2022-12-20", "value": 28}), "2022-12-31", "exceeded"),
    ("decrease: at target", task(due="2022-12-31", measure=DEC, outcome={"done_on": "2022-12-20", "value": 30}), "2022-12-31", "on-time"),
    ("decrease: above target", task(due="2022-12-31", measure=DEC, outcome={"done_on": "2022-12-20", "value": 31}), "2022-12-31", "not-done"),
    ("decrease to zero, reached", task(due="2022-12-31", measure={**DEC, "target": 0}, outcome={"done_on": "2022-12-20", "value": 0}), "2022-12-31", "on-time"),
    ("amended due date: the file holds the current term", task(due="2022-11-30", outcome={"done_on": "2022-11-28"}), "2022-12-31", "on-time"),
    ("objective cause: still late", task(outcome={"done_on": "2022-10-15", "objective_cause": {"note": "Bão", "confirmed_by": "x", "decision": "1-TB"}}), "2022-12-31", "late"),
    ("cancelled on or before as-of", task(cancelled={"decision": "2-QĐ", "date": "2022-08-10"}), "2022-12-31", "cancelled"),
    ("cancelled after as-of: not yet", task(cancelled={"decision": "2-QĐ", "date": "2022-08-10"}), "2022-08-09", "in-progress"),
    ("done after as-of is not known yet", task(outcome={"done_on": "2022-09-20"}), "2022-09-10", "in-progress"),
    ("unfinished, due passed, window open", task(), "2022-10-15", "overdue"),
    ("unfinished, as-of is the due date", task(), "2022-09-30", "in-progress"),
    ("unfinished when the window closes", task(), "2022-12-31", "not-done"),
    ("unfinished, due on the last day", task(due="2022-12-31"), "2022-12-31", "not-done"),
]


@pytest.mark.parametrize("name,t,as_of,expected", CASES, ids=[c[0] for c in CASES])
def test_status(name, t, as_of, expected):
    if isinstance(as_of, tuple):
        year, as_of = as_of
        assert status(t, as_of, int(year), (f"{year}-01-01", f"{year}-12-31")) == expected
    else:
        assert status(t, as_of) == expected


TERM = ("2021-01-01", "2025-12-31")
CP = [{"by": "2022-12-31", "target": 10}, {"by": "2022-06-30", "target": 4}, {"by": "2023-12-31", "target": 14}]
MT = {"indicator": "Số xã", "unit": "xã", "target": 16}


@pytest.mark.parametrize("progress,as_of,expected", [
    ([{"date": "2022-12-31", "value": 10}], "2022-12-31", "on-time"),
    ([{"date": "2022-12-20", "value": 11}], "2022-12-31", "exceeded"),
    ([{"date": "2022-12-31", "value": 9}], "2022-12-31", "not-done"),
    ([{"date": "2023-01-05", "value": 10}], "2022-12-31", "not-done"),  # a check-in after the checkpoint does not count
    ([{"date": "2022-06-30", "value": 5}], "2022-11-30", "in-progress"),  # the year's last checkpoint is not reached yet
    ([], "2022-12-31", "not-done"),
])
def test_multi_year_checkpoint(progress, as_of, expected):
    t = task(due="2024-12-31", measure=MT, checkpoints=CP, progress=progress, start="2021-03-01")
    assert status(t, as_of, 2022, TERM) == expected


def test_a_task_counts_only_in_the_years_of_its_due_or_checkpoints():
    t = task(due="2024-12-31", measure=MT, checkpoints=[{"by": "2022-12-31", "target": 10}], start="2021-03-01")
    assert status(t, "2021-12-31", 2021, TERM) is None
    assert status(t, "2023-12-31", 2023, TERM) is None
    assert status(t, "2024-12-31", 2024, TERM) == "not-done"


def test_days_early_rule():
    rule = ExceededWhen(ratio_above=None, days_early=10)
    assert status(task(outcome={"done_on": "2022-09-20"}), rule=rule) == "exceeded"
    assert status(task(outcome={"done_on": "2022-09-21"}), rule=rule) == "on-time"


def test_buckets_cover_every_counted_status():
    assert set(BUCKETS.values()) == {"completed-on-time", "completed-late", "unfinished-within-term", "unfinished-overdue"}
    assert BUCKETS["exceeded"] == BUCKETS["on-time"] == "completed-on-time"
    assert BUCKETS["overdue"] == BUCKETS["not-done"] == "unfinished-overdue"


@pytest.mark.parametrize("value,target,direction,expected", [
    (6, 12, "increase", 0.5), (0, 0, "increase", 1.0), (30, 30, "decrease", 1.0), (60, 30, "decrease", 0.5),
    (0, 0, "decrease", 1.0), (0, 5, "decrease", None),
])
def test_ratio(value, target, direction, expected):
    got = ratio_of(value, target, direction)
    if expected is None:  # decrease with a zero value: the target is met, the divisor is 0
        assert got == 1.0
    else:
        assert got == pytest.approx(expected)


@pytest.mark.parametrize("due,done,cadence,expected", [
    ("2024-06-30", "2024-07-01", "quarterly", 1),
    ("2024-06-30", "2024-10-01", "quarterly", 2),
    ("2024-07-15", "2024-07-20", "quarterly", 1),  # no period begins in between: at least 1
    ("2024-06-30", "2024-08-15", "monthly", 2),
    ("2024-11-30", "2025-01-02", "monthly", 2),
    ("2024-12-31", "2025-04-01", "quarterly", 2),
])
def test_delays(due, done, cadence, expected):
    assert delays(D(due), D(done), cadence) == expected


# A "decrease" target with no value reported is not met (issue 27, B): a missing value is not 0.
DEC_NO_BASE = {"indicator": "Số vụ tai nạn", "unit": "vụ", "target": 5, "direction": "decrease"}


@pytest.mark.parametrize("measure", [DEC_NO_BASE, DEC], ids=["no baseline", "baseline"])
def test_decrease_done_without_a_value_is_not_met(measure):
    t = task(due="2022-12-31", measure=measure, outcome={"done_on": "2022-12-20"})
    win = window(D("2022-01-01"), D("2022-12-31"), 2022, D("2022-12-31"), D("2030-01-01"))
    j = judge(t, win, RULE)
    assert j is not None and j.status == "not-done"
    assert j.ratio == (0.0 if "baseline" not in measure else pytest.approx(30 / 45))  # the baseline's ratio (spec)


def test_decrease_baseline_already_below_target_is_not_a_reported_result():
    t = task(due="2022-12-31", measure={**DEC_NO_BASE, "baseline": 4}, outcome={"done_on": "2022-12-20"})
    win = window(D("2022-01-01"), D("2022-12-31"), 2022, D("2022-12-31"), D("2030-01-01"))
    assert judge(t, win, RULE).status == "not-done"


def test_decrease_checkpoint_without_a_check_in_is_not_met():
    t = task(due="2024-12-31", measure=DEC_NO_BASE, checkpoints=[{"by": "2022-12-31", "target": 8}], start="2021-03-01")
    win = window(D(TERM[0]), D(TERM[1]), 2022, D("2022-12-31"), D("2030-01-01"))
    j = judge(t, win, RULE)
    assert j is not None and j.status == "not-done" and j.ratio == 0.0
    early = window(D(TERM[0]), D(TERM[1]), 2022, D("2022-11-30"), D("2030-01-01"))
    assert judge(t, early, RULE).status == "in-progress"


def test_decrease_with_a_reported_zero_is_met():
    t = task(due="2022-12-31", measure=DEC_NO_BASE, outcome={"done_on": "2022-12-20", "value": 0})
    win = window(D("2022-01-01"), D("2022-12-31"), 2022, D("2022-12-31"), D("2030-01-01"))
    j = judge(t, win, RULE)
    assert j.status in ("on-time", "exceeded") and j.ratio == 1.0
    cp = task(due="2024-12-31", measure=DEC_NO_BASE, checkpoints=[{"by": "2022-12-31", "target": 8}],
              progress=[{"date": "2022-12-01", "value": 3}], start="2021-03-01")
    assert judge(cp, window(D(TERM[0]), D(TERM[1]), 2022, D("2022-12-31"), D("2030-01-01")), RULE).status in ("on-time", "exceeded")

"""Properties of points under every built-in profile (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from giaoviec.domain.scoring import Council, judge_task, score_assignment
from giaoviec.domain.status import window
from giaoviec.load.profiles import builtin_profiles
from giaoviec.model.assignment import Assignment, Task

PROFILES = sorted(builtin_profiles())
YEAR_DAYS = st.dates(dt.date(2022, 1, 1), dt.date(2022, 12, 31))


@st.composite
def tasks(draw):
    due = draw(YEAR_DAYS)
    data = {"id": "01", "what": "Việc", "when": {"due": due.isoformat()}, "weight": draw(st.sampled_from([0.5, 1, 2, 3, 5]))}
    measure = draw(st.none() | st.fixed_dictionaries({
        "indicator": st.just("Chỉ tiêu"), "unit": st.just("đơn vị"),
        "target": st.integers(0, 100), "direction": st.sampled_from(["increase", "decrease"]),
    }))
    if measure:
        data["result"] = {"product": "Sản phẩm", "measure": measure}
    outcome = {}
    if draw(st.booleans()):
        outcome["done_on"] = draw(st.dates(dt.date(2022, 1, 1), dt.date(2023, 3, 31))).isoformat()
    if measure and draw(st.booleans()):
        outcome["value"] = draw(st.integers(0, 200))
    if draw(st.booleans()):
        outcome["objective_cause"] = {"note": "Thiên tai", "confirmed_by": "x", "decision": "1-TB"}
    outcome["quality_failures"] = draw(st.integers(0, 3))
    data["outcome"] = outcome
    if measure and draw(st.booleans()):
        data["progress"] = [{"date": draw(YEAR_DAYS).isoformat(), "value": draw(st.integers(0, 200))}]
    return data


def points(data, profile_id, as_of, cadence="quarterly"):
    profile = builtin_profiles()[profile_id]
    win = window(dt.date(2022, 1, 1), dt.date(2022, 12, 31), 2022, as_of, dt.date(2030, 1, 1))
    s = judge_task(Task.model_validate(data), win, profile, cadence)
    return s.computed


@settings(max_examples=300, deadline=None)
@given(data=tasks(), profile=st.sampled_from(PROFILES), as_of=YEAR_DAYS, cadence=st.sampled_from(["monthly", "quarterly"]))
def test_points_stay_within_zero_and_the_weight(data, profile, as_of, cadence):
    got = points(data, profile, as_of, cadence)
    assert 0 <= got <= data["weight"] + 1e-9


@settings(max_examples=300, deadline=None)
@given(data=tasks(), profile=st.sampled_from(PROFILES), as_of=YEAR_DAYS, later=st.integers(1, 200))
def test_a_later_done_on_never_raises_points(data, profile, as_of, later):
    if "done_on" not in data["outcome"]:
        return
    earlier_points = points(data, profile, as_of)
    moved = {**data, "outcome": {**data["outcome"], "done_on": (dt.date.fromisoformat(data["outcome"]["done_on"]) + dt.timedelta(days=later)).isoformat()}}
    assert points(moved, profile, as_of) <= earlier_points + 1e-9


@settings(max_examples=300, deadline=None)
@given(data=tasks(), profile=st.sampled_from(PROFILES), as_of=YEAR_DAYS, step=st.integers(1, 100))
def test_a_better_outcome_value_never_lowers_points(data, profile, as_of, step):
    measure = data.get("result", {}).get("measure")
    if not measure or "value" not in data["outcome"]:
        return
    before = points(data, profile, as_of)
    better = data["outcome"]["value"] + (step if measure["direction"] == "increase" else -step)
    if better < 0:
        return
    moved = {**data, "outcome": {**data["outcome"], "value": better}}
    assert points(moved, profile, as_of) >= before - 1e-9


@settings(max_examples=100, deadline=None)
@given(many=st.lists(tasks(), min_size=1, max_size=8), profile=st.sampled_from(PROFILES), general=st.integers(0, 30), reform=st.integers(0, 10))
def test_assignment_points_stay_within_the_components(many, profile, general, reform):
    for i, t in enumerate(many):
        t["id"] = f"{i:02d}"
    a = Assignment.model_validate({"apiVersion": "giaoviec/v1", "kind": "Assignment", "cadre": "a", "unit": "b", "program": "focus",
                                   "period": {"from": "2022-01-01", "to": "2022-12-31"}, "tasks": many})
    from giaoviec.model.evaluation import CadreEvaluation

    p = builtin_profiles()[profile]
    entry = CadreEvaluation.model_validate({"cadre": "a", "general": min(general, p.components.get("general", 0)), "components": {"reform": min(reform, p.components.get("reform", 0))}})
    win = window(dt.date(2022, 1, 1), dt.date(2022, 12, 31), 2022, None, dt.date(2030, 1, 1))
    s = score_assignment(a, "x.yaml", p, win, "quarterly", Council(entry, "e.yaml", dt.date(2022, 12, 31)))
    assert 0 <= s.provisional_points <= sum(p.components.values()) + 1e-9
    assert s.components["tasks"] <= p.components["tasks"] + 1e-9


@settings(max_examples=200, deadline=None)
@given(data=tasks(), profile=st.sampled_from(PROFILES), as_of=YEAR_DAYS)
def test_explaining_never_changes_a_figure(data, profile, as_of):
    p = builtin_profiles()[profile]
    win = window(dt.date(2022, 1, 1), dt.date(2022, 12, 31), 2022, as_of, dt.date(2030, 1, 1))
    task = Task.model_validate(data)
    plain, explained = judge_task(task, win, p, "quarterly", False), judge_task(task, win, p, "quarterly", True)
    assert (plain.status, plain.ratio, plain.computed) == (explained.status, explained.ratio, explained.computed)
    assert plain.steps == () and explained.steps


@settings(max_examples=300, deadline=None)
@given(data=tasks(), profile=st.sampled_from(PROFILES), as_of=YEAR_DAYS)
def test_a_measured_task_with_no_reported_value_is_never_met(data, profile, as_of):
    """Issue 27, B: no outcome value and no check-in is no result, in either direction: never done,
    never full points (a missing value is not 0, and 0 ≤ a "decrease" target)."""
    if "result" not in data:
        return
    data = {**data, "outcome": {k: v for k, v in data["outcome"].items() if k != "value"}}
    data.pop("progress", None)
    win = window(dt.date(2022, 1, 1), dt.date(2022, 12, 31), 2022, as_of, dt.date(2030, 1, 1))
    s = judge_task(Task.model_validate(data), win, builtin_profiles()[profile], "quarterly")
    assert s.status not in ("exceeded", "on-time", "late")
    assert s.ratio == 0.0 and s.computed == 0.0

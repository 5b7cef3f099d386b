"""A small repository under nd335-2025 (late and quality deductions, an objective cause, a council
score, general points) whose every figure was computed by hand from spec/scoring.md."""

from __future__ import annotations

import json

import pytest

from conftest import DATA

ROOT = DATA / "hand-computed"


@pytest.fixture
def doc(cli):
    run = cli("-C", str(ROOT), "score", "2024", "--format", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)


def test_cadre_a(doc):
    a = next(c for c in doc["cadres"] if c["cadre"] == "can-bo-a")
    tasks = {t["id"]: (t["status"], t["points"]) for t in a["tasks"]}
    assert tasks == {
        "01": ("exceeded", 4.0),   # 12 of 10 before the due date: 4 × 1.0
        "02": ("late", 1.5),       # one quarter begins after the due (1 Jul): 1 − 0.25; one failed quality check − 0.25 → 0.5 × 3
        "03": ("late", 2.0),       # late, but the objective cause is confirmed: no deduction, 2 × 1.0
        "04": ("not-done", 0.0),   # 5 of 10 when the window closed; partial credit 0
    }
    assert a["components"] == {"general": 28.0, "tasks": 52.5}  # 7.5 / 10 × 70
    assert a["points"] == 80.5 and a["tier"] == "good"          # ≥ 70, < 90
    assert a["counts"]["late"] == 2 and a["counts"]["exceeded"] == 1


def test_cadre_b(doc):
    b = next(c for c in doc["cadres"] if c["cadre"] == "can-bo-b")
    t1 = next(t for t in b["tasks"] if t["id"] == "01")
    assert (t1["status"], t1["points"], t1["computed_points"]) == ("not-done", 1.5, 0.0)  # the council's 1.5 counts
    assert b["components"]["tasks"] == 61.25                      # (1.5 + 2) / 4 × 70
    assert b["points"] == 91.25 and b["tier"] == "excellent"


def test_quota(doc):
    # can-bo-b is the only chair under huyen-t: 1 excellent > 0.2 × 0 good
    assert [(w["code"], w["group"]) for w in doc["warnings"]] == [("score.quota", "huyen-t/chair")]

"""Every example repository under examples/ validates with no finding."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES

REPOS = sorted(p.parent for p in EXAMPLES.glob("*/giaoviec.yaml"))


@pytest.mark.parametrize("repo", REPOS, ids=[p.name for p in REPOS])
def test_example_validates(repo, cli):
    run = cli("-C", str(repo), "validate", "--format", "json", "--strict")
    assert run.code == 0, run.out
    assert run.json()["diagnostics"] == []


def test_vinh_phuc_has_what_the_issue_asks_for():
    from giaoviec.app.checking import Checking
    from giaoviec.model import Assignment

    checking = Checking(EXAMPLES / "vinh-phuc")
    assignments = [doc.model for doc in checking]
    repo = checking.finish().repo
    nguyet_duc = next(a for a in assignments if a.cadre == "nguyen-van-an" and a.period.start.year == 2022)
    assert len(nguyet_duc.tasks) == 21
    assert len({a.cadre for a in assignments}) >= 6
    assert any(a.program == "breakthrough" and a.period.end.year - a.period.start.year >= 4 for a in assignments)
    assert any(a.program == "action-program" and any(t.confidential for t in a.tasks) for a in assignments)
    assert repo.evaluations
    assert {"nguyet-duc", "tam-hong", "yen-dong", "trung-nguyen"} <= set(repo.units)
    assert isinstance(nguyet_duc, Assignment)

"""Every example repository under examples/ validates with no error; its only findings are those of
draft assignments (status: proposed), kept to show what the appraisal step sends back."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES

REPOS = sorted(p.parent for p in EXAMPLES.glob("*/giaoviec.yaml"))


@pytest.mark.parametrize("repo", REPOS, ids=[p.name for p in REPOS])
def test_example_validates(repo, cli):
    from ruamel.yaml import YAML

    run = cli("-C", str(repo), "validate", "--format", "json")
    assert run.code == 0, run.out
    for d in run.json()["diagnostics"]:
        assert d["severity"] == "warning", d
        assert YAML(typ="safe").load((repo / d["path"]).read_text(encoding="utf-8"))["status"] == "proposed", d


def test_the_draft_shows_what_an_appraiser_sends_back(cli):
    run = cli("-C", str(EXAMPLES / "vinh-phuc"), "validate", "--format", "json")
    found = [(d["code"], d["path"].rsplit("/", 1)[-1], d["line"]) for d in run.json()["diagnostics"]]
    assert found == [("clarity.what", "bui-van-khoa.yaml", 16), ("clarity.what", "bui-van-khoa.yaml", 23),
                     ("clarity.what", "bui-van-khoa.yaml", 30), ("clarity.mismatch", "bui-van-khoa.yaml", 37)]
    assert cli("-C", str(EXAMPLES / "vinh-phuc"), "validate", "--strict").code == 1


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

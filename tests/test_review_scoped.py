"""diff scores only the cadres a change touches (from the files that name them); what it says of
them is what scoring both revisions whole says: a differential test over changes of every kind."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

import pytest

from conftest import EXAMPLES
from giaoviec.app.review import review

TODAY = dt.date(2026, 12, 2)
LVC = "assignments/2022/tam-hong/le-van-cuong.yaml"
NVA = "assignments/2022/nguyet-duc/nguyen-van-an.yaml"
EVAL = "evaluations/2022/hoi-dong-danh-gia-huyen-yen-lac.yaml"
HAI = "assignments/2021-2025/yen-lac/do-van-hai-breakthrough.yaml"
ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}


def _replace(old: str, new: str, rel: str):
    def change(root):
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def _delete(rel: str):
    return lambda root: (root / rel).unlink()


def _both(*changes):
    def change(root):
        for c in changes:
            c(root)
    return change


CHANGES = {
    "outcome value": _replace("outcome: {done_on: 2022-11-30, value: 14}", "outcome: {done_on: 2022-11-30, value: 9}", LVC),
    "due date": _replace("when: {due: 2022-09-30}", "when: {due: 2022-08-31}", LVC),
    "done late": _replace("outcome: {done_on: 2022-09-15, value: 2}", "outcome: {done_on: 2022-12-15, value: 2}", LVC),
    "council score": _replace('"01": {score: 3, note: Hoàn thành sớm một tháng}', '"01": {score: 1, note: Hoàn thành sớm một tháng}', EVAL),
    "assignment deleted": _delete(LVC),
    "file broken": _replace("tasks:", "tasks: [", LVC),
    "two cadres": _both(_replace("outcome: {done_on: 2022-11-30, value: 14}", "outcome: {done_on: 2022-11-30, value: 1}", LVC),
                        _replace("value: 12\n", "value: 4\n", NVA)),
    "registry (whole)": _replace("name: ", "name: X ", "org/units.yaml"),
}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    root = tmp_path_factory.mktemp("vp") / "vinh-phuc"
    shutil.copytree(EXAMPLES / "vinh-phuc", root)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env=ENV)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=ENV)
    subprocess.run(["git", "commit", "-qm", "base"], cwd=root, check=True, env=ENV)
    return root


@pytest.mark.parametrize("name", list(CHANGES))
def test_the_touched_cadres_figures_are_those_of_the_whole_run(base, tmp_path, name):
    root = tmp_path / "vinh-phuc"
    shutil.copytree(base, root, symlinks=True)
    CHANGES[name](root)
    scoped, whole = review(root, "HEAD", today=TODAY), review(root, "HEAD", today=TODAY, scoped=False)
    assert scoped.diff.changes and scoped.diff.changes == whole.diff.changes
    assert scoped.impacts == whole.impacts
    shown = {i.cadre for i in whole.impacts}
    assert {c: scoped.names[c] for c in shown} == {c: whole.names[c] for c in shown}
    assert {c: scoped.units[c] for c in shown} == {c: whole.units[c] for c in shown}
    assert scoped.complete == whole.complete  # the example is whole: only a broken touched file makes it incomplete
    if name == "file broken":
        assert not scoped.complete
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=ENV)
    subprocess.run(["git", "commit", "-qm", name], cwd=root, check=True, env=ENV)
    committed = review(root, "HEAD~1", "HEAD", today=TODAY)  # the work tree is HEAD: read in place
    assert (committed.diff.changes, committed.impacts, committed.complete) == (whole.diff.changes, whole.impacts, whole.complete)
    (root / "untracked.yaml").write_text("x: 1\n", encoding="utf-8")  # HEAD is no longer the work tree: checked out
    checked_out = review(root, "HEAD~1", "HEAD", today=TODAY)
    assert (checked_out.diff.changes, checked_out.impacts, checked_out.complete) == (whole.diff.changes, whole.impacts, whole.complete)


def test_a_file_broken_elsewhere_is_not_said_of_the_touched_cadres(base, tmp_path):
    """The one difference, by design: a broken file that names none of the touched cadres leaves their
    figures whole (the whole run says the repository is incomplete; validate says which file)."""
    root = tmp_path / "vinh-phuc"
    shutil.copytree(base, root, symlinks=True)
    _replace("tasks:", "tasks: [", NVA)(root)
    subprocess.run(["git", "commit", "-qam", "broken elsewhere"], cwd=root, check=True, env=ENV)
    CHANGES["outcome value"](root)
    scoped, whole = review(root, "HEAD", today=TODAY), review(root, "HEAD", today=TODAY, scoped=False)
    assert scoped.impacts == whole.impacts and scoped.impacts
    assert scoped.complete and not whole.complete


def test_the_new_revision_is_read_once(base, tmp_path, monkeypatch):
    """Its files are scanned and its registry parsed once, for the councils, the files to take out of
    the base revision and every year's scores (a change across two years scores both)."""
    from giaoviec.app import review as review_app
    from giaoviec.load import repository

    root = tmp_path / "vinh-phuc"
    shutil.copytree(base, root, symlinks=True)
    CHANGES["two cadres"](root)
    _replace("- {date: 2022-12-31, value: 11}", "- {date: 2022-12-31, value: 12}", HAI)(root)  # a term of 2021–2025
    scans, registries = [], []
    real_scan, real_load = repository.scan, repository.load_registry
    monkeypatch.setattr(repository, "scan", lambda r, *a, **k: scans.append(r) or real_scan(r, *a, **k))
    monkeypatch.setattr(repository, "load_registry", lambda r, *a, **k: registries.append(r) or real_load(r, *a, **k))
    scored, real_score = [], review_app.score_cadres
    monkeypatch.setattr(review_app, "score_cadres", lambda r, year, *a, **k: scored.append((r, year)) or real_score(r, year, *a, **k))
    got = review(root, "HEAD", today=TODAY)
    years = sorted(year for r, year in scored if r == root)
    assert got.impacts and years == list(range(2021, 2026))
    assert scans.count(root) == 1 and registries.count(root) == 1

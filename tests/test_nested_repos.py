"""A git repository inside the data repository (a submodule, or a folder with its own .git): git's list of
the data repository does not hold its files, so they are not read. That is never done in silence: a nested
repository holding giaoviec data is a located `file.nested-repository`; one holding none (a theme, a tool)
says nothing. Outside git the folders are walked and every file is read, as before."""

from __future__ import annotations

import shutil

import pytest

from conftest import copy_example
from test_links import git, make_repo, validate

ASSIGNMENTS = "assignments/2026/nguyet-duc-phu-tho"


def nested(root, name="don-vi-con", data=True):
    sub = root / name
    if data:
        shutil.copytree(root / ASSIGNMENTS, sub / ASSIGNMENTS)
    else:
        (sub / "theme").mkdir(parents=True)
        (sub / "theme" / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    git(sub, "init", "-q")
    git(sub, "add", "-A")
    git(sub, "commit", "-qm", "sub")
    return sub


@pytest.mark.parametrize("committed", [False, True], ids=["untracked", "submodule"])
def test_a_nested_repository_holding_data_is_a_located_error(cli, tmp_path, committed):
    root = make_repo(tmp_path, in_git=True)
    code, before = validate(cli, root)
    sub = nested(root)
    if committed:
        git(root, "-c", "protocol.file.allow=always", "add", "don-vi-con")  # a gitlink (mode 160000), as a submodule is
        git(root, "commit", "-qm", "sub")
    code, after = validate(cli, root)
    found = [d for d in after if d["code"] == "file.nested-repository"]
    assert [d["path"] for d in found] == ["don-vi-con"], after
    assert found[0]["severity"] == "error" and found[0]["line"] == 1
    assert code == 1
    assert [d for d in after if d["code"] != "file.nested-repository"] == before  # nothing else moves
    assert sub.exists()


def test_a_nested_repository_without_data_says_nothing(cli, tmp_path):
    root = make_repo(tmp_path, in_git=True)
    code, before = validate(cli, root)
    nested(root, "docs-theme", data=False)
    assert validate(cli, root) == (code, before)


def test_outside_git_a_nested_repository_is_walked_and_read(cli, tmp_path):
    root = copy_example(tmp_path / "vp")
    nested(root)
    _, found = validate(cli, root)
    assert not [d for d in found if d["code"] == "file.nested-repository"]
    assert any(d["path"].startswith("don-vi-con/") for d in found)  # its files are read (and collide with the originals)


def test_the_message_is_vietnamese_by_default(cli, tmp_path):
    root = make_repo(tmp_path, in_git=True)
    nested(root)
    run = cli("-C", str(root), "validate")
    assert "don-vi-con:1:1: lỗi [file.nested-repository] don-vi-con là một kho git riêng" in run.out, run.out


def test_a_file_named_inside_a_nested_repository_is_not_passed_in_silence(cli, tmp_path):
    """pre-commit names the files: one inside the nested repository gets the folder's finding, not a clean pass."""
    root = make_repo(tmp_path, in_git=True)
    nested(root)
    inner = f"don-vi-con/{ASSIGNMENTS}/nguyen-van-an.yaml"
    for args in ([inner], ["don-vi-con"]):
        run = cli("-C", str(root), "validate", "--format", "json", *args)
        assert run.code == 1
        assert [d["code"] for d in run.json()["diagnostics"]] == ["file.nested-repository"]
    run = cli("-C", str(root), "validate", "--format", "json", "org")  # a file elsewhere is not concerned
    assert "file.nested-repository" not in [d["code"] for d in run.json()["diagnostics"]]


def test_the_count_follows_the_nested_repository_through_the_cache(cli, tmp_path):
    """The answer from the cache is keyed by the listing's findings with their words: a data file added
    inside the nested repository (its files are not listed, so no digest moves) changes the count said."""
    root = make_repo(tmp_path, in_git=True)
    sub = nested(root)
    first = [d["message"] for d in validate(cli, root)[1] if d["code"] == "file.nested-repository"]
    shutil.copy(sub / ASSIGNMENTS / "nguyen-van-an.yaml", sub / ASSIGNMENTS / "them.yaml")
    second = [d["message"] for d in validate(cli, root)[1] if d["code"] == "file.nested-repository"]
    assert first != second and len(second) == 1, (first, second)

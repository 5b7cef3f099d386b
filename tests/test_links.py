"""Links in the data repository (spec/quality.md, Security): nothing is read through a link out of the
root, and nothing is skipped in silence. A link (to a file or a folder, broken or not) that leads out of
the root is a located `file.link-outside`, whether git lists the files or the folders are walked; a link
to a folder inside the root is not followed: its files are read where they are, in both listings alike.
`serve`'s live update sees a link replaced by another."""

from __future__ import annotations

import os
import subprocess
import warnings
from pathlib import Path

import pytest

from conftest import copy_example

ASSIGNMENT = "assignments/2026/nguyet-duc-phu-tho/nguyen-van-an.yaml"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": os.devnull}


def _can_link(tmp: Path) -> bool:
    try:
        (tmp / "probe-link").symlink_to(tmp)
    except (OSError, NotImplementedError):
        return False
    (tmp / "probe-link").unlink()
    return True


@pytest.fixture
def linkable(tmp_path):
    if not _can_link(tmp_path):  # Windows without the right to make links
        pytest.skip("symbolic links cannot be made on this machine")
    return tmp_path


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def make_repo(tmp: Path, in_git: bool) -> Path:
    root = copy_example(tmp / "vp")
    if in_git:
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "start")
    return root


def outside_folder(tmp: Path) -> Path:
    """A folder out of the repository holding a valid assignment (never to be read)."""
    folder = tmp / "outside" / "dir"
    folder.mkdir(parents=True)
    text = (Path(__file__).parent.parent / "examples/vinh-phuc" / ASSIGNMENT).read_text(encoding="utf-8")
    (folder / "ngoai.yaml").write_text(text.replace("cadre: nguyen-van-an", "cadre: khong-co-trong-kho"), encoding="utf-8")
    return folder


def validate(cli, root: Path) -> tuple[int, list[dict]]:
    run = cli("-C", str(root), "validate", "--format", "json")
    return run.code, run.json()["diagnostics"]


LISTINGS = [pytest.param(True, id="git"), pytest.param(False, id="walk")]


@pytest.mark.parametrize("in_git", LISTINGS)
@pytest.mark.parametrize("how", ["absolute", "relative", "broken", "committed"])
def test_a_link_out_of_the_root_is_a_located_error_in_both_listings(cli, linkable, in_git, how):
    root = make_repo(linkable, in_git)
    folder = outside_folder(linkable)
    link = root / "assignments/2025/linkdir"
    if how == "relative":
        link.symlink_to(os.path.relpath(folder, link.parent))
    elif how == "broken":
        link.symlink_to(linkable / "outside" / "nowhere")
    else:
        link.symlink_to(folder)
    if how == "committed":
        if not in_git:
            pytest.skip("only git has commits")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "link")
    code, found = validate(cli, root)
    assert code == 1
    assert [(d["code"], d["path"], d["line"]) for d in found] == [("file.link-outside", "assignments/2025/linkdir", 1)]
    assert "khong-co-trong-kho" not in str(found)


@pytest.mark.parametrize("in_git", LISTINGS)
def test_a_folder_replaced_by_a_link_out_is_said_once(cli, linkable, in_git):
    """git's index still names the folder's files; the link is the one place to say, as the walk says."""
    root = make_repo(linkable, in_git)
    folder = root / "assignments/2025"
    held = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.yaml"))
    moved = linkable / "moved"
    folder.rename(moved)
    folder.symlink_to(moved)
    assert held  # files of the index now under the link
    code, found = validate(cli, root)
    said = [(d["code"], d["path"]) for d in found if d["code"].startswith("file.")]  # (the council then names unknown cadres)
    assert code == 1 and said == [("file.link-outside", "assignments/2025")]


@pytest.mark.parametrize("in_git", LISTINGS)
def test_a_link_out_of_the_root_is_left_out_of_score_with_its_place(cli, linkable, in_git):
    root = make_repo(linkable, in_git)
    (root / "assignments/2025/linkdir").symlink_to(outside_folder(linkable))
    run = cli("-C", str(root), "score", "2025", "--format", "json")
    assert run.code == 1
    assert [i["path"] for i in run.json()["left_out"]] == ["assignments/2025/linkdir"]
    assert "khong-co-trong-kho" not in run.out + run.err


def test_a_link_to_a_non_yaml_file_out_of_the_root_is_not_data(cli, linkable):
    """A link to an ordinary file that is not YAML (a scanned decision kept elsewhere) is not data:
    ignored as any other such file, and never read."""
    root = make_repo(linkable, True)
    (linkable / "scan.pdf").write_bytes(b"%PDF-1.4")
    (root / "assignments/2025/quyet-dinh.pdf").symlink_to(linkable / "scan.pdf")
    assert validate(cli, root) == (0, [])


@pytest.mark.parametrize("in_git", LISTINGS)
def test_a_link_to_a_folder_inside_the_root_is_read_where_its_files_are(cli, linkable, in_git):
    root = make_repo(linkable, in_git)
    before = validate(cli, root)
    (root / "assignments/current").symlink_to("2026")  # relative, inside the root
    (root / "assignments/2025/again").symlink_to(root / "assignments/2026")  # absolute, inside the root
    assert validate(cli, root) == before  # not followed: no file read twice, nothing left out


def test_both_listings_agree_on_links(linkable):
    from giaoviec.load.files import discover

    found = {}
    for in_git in (True, False):
        root = make_repo(linkable / ("git" if in_git else "walk"), in_git)
        (root / "assignments/2025/out").symlink_to(outside_folder(linkable / ("git" if in_git else "walk")))
        (root / "assignments/2025/broken").symlink_to("../../../nowhere")
        (root / "assignments/current").symlink_to("2026")
        (root / "assignments/alias.yaml").symlink_to("2026/nguyet-duc-phu-tho/nguyen-van-an.yaml")
        (root / "node_modules/pkg").mkdir(parents=True)  # a folder neither listing reads (not ignored by git here)
        (root / "node_modules/pkg/bin").symlink_to(linkable)
        (root / ".venv").symlink_to(linkable)
        listing = discover(root)
        found[in_git] = (sorted(listing.files), sorted((d.path, d.code) for d in listing.problems))
    assert found[True] == found[False]
    assert found[True][1] == [("assignments/2025/broken", "file.link-outside"), ("assignments/2025/out", "file.link-outside")]
    assert "assignments/alias.yaml" in found[True][0]


# -- serve ------------------------------------------------------------------------------------------


def _site(root: Path):
    import datetime as dt

    warnings.filterwarnings("ignore", category=DeprecationWarning)
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from starlette.testclient import TestClient

    from giaoviec.serve.site import Options, Site
    from giaoviec.serve.web import create_app

    site = Site(Options(root, today=dt.date(2026, 10, 15)))
    return site, TestClient(create_app(site, {"testserver"}), follow_redirects=False)


def test_serve_reports_a_folder_link_out_of_the_root(linkable):
    root = make_repo(linkable, True)
    site, page = _site(root)
    assert page.get("/problems?year=2025").status_code == 200
    (root / "assignments/2025/linkdir").symlink_to(outside_folder(linkable))
    text = page.get("/problems?year=2025").text
    assert "assignments/2025/linkdir" in text and "file.link-outside" in text
    assert [d.code for d in site.problems(2025)] == ["file.link-outside"]


def test_serve_sees_a_broken_link_replaced_by_a_valid_one(linkable, cli):
    """spec/serve.md: the next page after a change on disk is what a fresh run computes."""
    from giaoviec.app.validate import validate as fresh

    root = make_repo(linkable, True)
    site, page = _site(root)
    alias = root / "assignments/2026/alias.yaml"
    alias.symlink_to("../nguyet-duc-phu-tho/nguyen-van-an.yaml")  # broken: one folder too far up
    assert "alias.yaml" in page.get("/problems?year=2026").text
    assert [d.code for d in site.problems(2026)] == ["file.unreadable"]
    alias.unlink()
    alias.symlink_to("nguyet-duc-phu-tho/nguyen-van-an.yaml")  # now valid: the same assignment twice
    text = page.get("/problems?year=2026").text
    now = fresh(root, today=site.today).diagnostics
    assert "ref.duplicate-assignment" in {d.code for d in now} and "file.unreadable" not in {d.code for d in now}
    assert site.problems(2026) == now and "ref.duplicate-assignment" in text
    alias.unlink()
    alias.symlink_to("nguyet-duc-phu-tho/khong-co.yaml")  # broken again, same folder, same name
    page.get("/problems?year=2026")
    assert site.problems(2026) == fresh(root, today=site.today).diagnostics
    assert [d.code for d in site.problems(2026)] == ["file.unreadable"]


def test_serve_sees_a_folder_link_retargeted(linkable):
    root = make_repo(linkable, True)
    site, page = _site(root)
    link = root / "assignments/2025/linkdir"
    link.symlink_to("../2026")  # inside: not followed, nothing to say
    page.get("/problems?year=2025")
    assert site.problems(2025) == []
    link.unlink()
    link.symlink_to(outside_folder(linkable))
    page.get("/problems?year=2025")
    assert [d.code for d in site.problems(2025)] == ["file.link-outside"]


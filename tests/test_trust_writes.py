"""Trust at the edges, for writes and reads (issue 26): the journal of a write is the tool's own and
a file in the tree never makes it rename anything; reads are bounded and only of regular files;
writes keep modes, refuse read-only files and edited exports, and an import is one unit."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_example
from giaoviec.load import journal
from giaoviec.load.files import MAX_FILE_BYTES, NotRegular, TooLarge, read_bounded

CUONG = "assignments/2022/tam-hong/le-van-cuong.yaml"
DUNG = "assignments/2022/tam-hong/pham-thi-dung.yaml"
ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
CHECK_IN = ["--value", "5", "--date", "2022-05-01"]


@pytest.fixture
def repo(tmp_path):
    return copy_example(tmp_path / "vp")


@pytest.fixture
def state(monkeypatch):
    """The state folder the command line uses (the test's private cache), for the test's own calls."""
    journal.use_state_folder(Path(os.environ["GIAOVIEC_CACHE_DIR"]))
    yield
    journal.use_state_folder(None)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env={**os.environ, **ENV})


def codes(run) -> list[tuple[str, str, int]]:
    found = run.json() if hasattr(run, "json") else json.loads(run.stdout)
    return [(d["code"], d["path"], d["line"]) for d in found["diagnostics"]]


# -- 1. the journal obeys no one but the tool ----------------------------------------------------

def test_a_committed_journal_is_reported_and_never_obeyed(cli, repo, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("không được đụng tới\n", encoding="utf-8")
    units = (repo / "org/units.yaml").read_bytes()
    (repo / "org/.giaoviec-0123456789abcdef-0.tmp").write_text("apiVersion: giaoviec/v1\nkind: Units\nunits: []\n", encoding="utf-8")
    (repo / "evil.tmp").write_text("pwned\n", encoding="utf-8")
    forged = {"renames": [["org/.giaoviec-0123456789abcdef-0.tmp", "org/units.yaml"], ["evil.tmp", "../outside.txt"]]}
    (repo / ".giaoviec-pending.json").write_text(json.dumps(forged), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a pull request with a journal")
    book = tmp_path / "x.xlsx"
    assert cli("-C", str(repo), "export", "--year", "2022", "--unit", "tam-hong", "--out", str(book)).code == 0
    assert cli("-C", str(repo), "progress", f"{CUONG}#01", *CHECK_IN).code == 0
    assert cli("-C", str(repo), "import", str(book)).code in (0, 1)
    assert outside.read_text(encoding="utf-8") == "không được đụng tới\n" and (repo / "evil.tmp").exists()
    assert (repo / "org/units.yaml").read_bytes() == units
    run = cli("-C", str(repo), "validate", "--format", "json")
    assert run.code == 1 and ("file.journal-in-tree", ".giaoviec-pending.json", 1) in codes(run)


def test_the_journal_lives_in_the_git_folder_or_the_users_state_folder(repo, tmp_path, state):
    assert journal.journal_path(repo).is_relative_to(Path(os.environ["GIAOVIEC_CACHE_DIR"]))
    git(repo, "init", "-q")
    assert journal.journal_path(repo).parent == (repo / ".git" / "giaoviec").resolve()
    linked = tmp_path / "linked"  # a linked work tree: its own git folder, named by a .git file
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "x")
    git(repo, "worktree", "add", "-q", str(linked))
    assert ".git/worktrees/linked" in journal.journal_path(linked).as_posix()


def test_a_journal_of_the_tools_own_place_that_names_a_path_outside_is_refused(cli, repo, tmp_path, state):
    outside = tmp_path / "outside.txt"
    outside.write_text("x\n", encoding="utf-8")
    (repo / ".giaoviec-0123456789abcdef-0.tmp").write_text("y\n", encoding="utf-8")
    path = journal.journal_path(repo)
    path.parent.mkdir(parents=True, exist_ok=True)
    for renames in ([[".giaoviec-0123456789abcdef-0.tmp", "../outside.txt"]], [["../.giaoviec-0123456789abcdef-0.tmp", "../outside.txt"]],
                    [["org/units.yaml", "org/cadres.yaml"]]):
        path.write_bytes(journal.encode(repo, journal.RENAMING, renames))
        before = (repo / "org/cadres.yaml").read_bytes()
        run = cli("-C", str(repo), "progress", f"{CUONG}#01", *CHECK_IN)
        assert run.code == 3 and outside.read_text(encoding="utf-8") == "x\n" and (repo / "org/cadres.yaml").read_bytes() == before
    (repo / "org/link").symlink_to(tmp_path)  # a folder that leads out of the root
    path.write_bytes(journal.encode(repo, journal.RENAMING, [["org/link/.giaoviec-0123456789abcdef-0.tmp", "org/link/outside.txt"]]))
    (tmp_path / ".giaoviec-0123456789abcdef-0.tmp").write_text("y\n", encoding="utf-8")
    assert cli("-C", str(repo), "progress", f"{CUONG}#01", *CHECK_IN).code == 3
    assert outside.read_text(encoding="utf-8") == "x\n"
    path.write_bytes(b"{not json")
    assert cli("-C", str(repo), "progress", f"{CUONG}#01", *CHECK_IN).code == 3
    validated = cli("-C", str(repo), "validate", "--format", "json")  # a reader is told, at the configuration file
    assert ("file.unfinished-write", "giaoviec.yaml", 1) in codes(validated)


def _interrupted(repo: Path, state_after: str, renamed: int) -> dict[str, bytes]:
    """The state a killed import leaves: temporary files staged, a journal, `renamed` renames made."""
    new = {CUONG: (repo / CUONG).read_bytes() + b"# new 1\n", DUNG: (repo / DUNG).read_bytes() + b"# new 2\n"}
    renames = []
    for i, (rel, data) in enumerate(new.items()):
        tmp = f"{Path(rel).parent.as_posix()}/.giaoviec-00000000000000aa-{i}.tmp"
        (repo / tmp).write_bytes(data)
        renames.append((tmp, rel))
    path = journal.journal_path(repo)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(journal.encode(repo, state_after, renames))
    for tmp, rel in renames[:renamed]:
        os.replace(repo / tmp, repo / rel)
    return new


def test_a_write_killed_while_renaming_is_told_to_readers_and_finished_by_the_next_writer(cli, repo, state):
    new = _interrupted(repo, journal.RENAMING, renamed=1)
    run = cli("-C", str(repo), "validate", "--format", "json")
    assert run.code == 1 and {("file.unfinished-write", CUONG, 1), ("file.unfinished-write", DUNG, 1)} <= set(codes(run))
    assert cli("-C", str(repo), "score", "2022").code == 1
    assert cli("-C", str(repo), "progress", "assignments/2022/nguyet-duc/nguyen-van-an.yaml#01", *CHECK_IN).code == 0
    assert (repo / CUONG).read_bytes() == new[CUONG] and (repo / DUNG).read_bytes() == new[DUNG]
    assert not list(repo.rglob(".giaoviec-*")) and not journal.journal_path(repo).exists()
    assert "file.unfinished-write" not in {c for c, _p, _l in codes(cli("-C", str(repo), "validate", "--format", "json"))}


def test_a_write_killed_while_staging_changed_nothing_and_its_temporary_files_are_removed(cli, repo, state, tmp_path):
    before = {rel: (repo / rel).read_bytes() for rel in (CUONG, DUNG)}
    _interrupted(repo, journal.STAGING, renamed=0)
    run = cli("-C", str(repo), "validate", "--format", "json")
    assert run.code == 0  # nothing in the tree changed
    book = tmp_path / "x.xlsx"
    assert cli("-C", str(repo), "export", "--year", "2022", "--unit", "tam-hong", "--out", str(book)).code == 0
    assert cli("-C", str(repo), "import", str(book)).code == 0
    assert {rel: (repo / rel).read_bytes() for rel in (CUONG, DUNG)} == before
    assert not list(repo.rglob(".giaoviec-*")) and not journal.journal_path(repo).exists()


def test_an_import_leaves_no_temporary_file_and_no_journal(cli, repo, tmp_path, state):
    book = tmp_path / "x.xlsx"
    assert cli("-C", str(repo), "export", "--year", "2022", "--unit", "tam-hong", "--out", str(book)).code == 0
    for rel in (CUONG, DUNG):
        (repo / rel).unlink()
    assert cli("-C", str(repo), "import", str(book)).code == 0
    assert (repo / CUONG).exists() and (repo / DUNG).exists()
    assert not list(repo.rglob(".giaoviec-*")) and not journal.journal_path(repo).exists()


# -- 5. reads: bounded, regular files only --------------------------------------------------------

def _limited(*args: str) -> subprocess.CompletedProcess:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))

    return subprocess.run([sys.executable, "-m", "giaoviec", *args], capture_output=True, text=True, timeout=120, preexec_fn=limit,
                          env={**os.environ, "NO_COLOR": "1"})


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_link_to_an_endless_device_is_reported_in_bounded_memory(repo, tmp_path):
    (repo / "assignments/zero.yaml").symlink_to("/dev/zero")
    run = _limited("-C", str(repo), "validate", "--format", "json")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert ("file.link-outside", "assignments/zero.yaml", 1) in codes(run)
    book = tmp_path / "zero.xlsx"
    book.symlink_to("/dev/zero")
    run = _limited("-C", str(repo), "import", str(book))
    assert run.returncode == 1 and "[sheet.unreadable]" in run.stdout and "Traceback" not in run.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_reported_never_read(cli, repo, tmp_path):
    os.mkfifo(repo / "assignments/pipe.yaml")
    run = cli("-C", str(repo), "validate", "--format", "json")
    assert run.code == 1 and codes(run) == [("file.not-regular", "assignments/pipe.yaml", 1)]
    with pytest.raises(NotRegular):
        read_bounded(repo / "assignments/pipe.yaml")
    os.mkfifo(tmp_path / "book.xlsx")
    run = cli("-C", str(repo), "import", str(tmp_path / "book.xlsx"))
    assert run.code == 1 and "[sheet.unreadable]" in run.out


def test_a_file_too_large_is_reported_and_its_size_checked_before_the_read(cli, repo, tmp_path):
    big = repo / "assignments/big.yaml"
    with big.open("wb") as f:  # sparse: no disk used
        f.write(b"apiVersion: giaoviec/v1\n")
        f.truncate(MAX_FILE_BYTES + 1)
    run = cli("-C", str(repo), "validate", "--format", "json")
    assert run.code == 1 and codes(run) == [("file.too-large", "assignments/big.yaml", 1)]
    with pytest.raises(TooLarge):
        read_bounded(big)
    book = tmp_path / "big.xlsx"
    with book.open("wb") as f:
        f.write(b"PK")
        f.truncate(20_000_001)
    run = cli("-C", str(repo), "import", str(book))
    assert run.code == 1 and "[sheet.too-large]" in run.out


# -- 6. writes that surprise ---------------------------------------------------------------------

def test_an_existing_export_is_never_replaced_without_force(cli, repo, tmp_path):
    for args, name in (([], "a.xlsx"), (["--format", "csv"], "a.csv"), (["--format", "json"], "a.json"), (["--scoring-sheet"], "b.xlsx")):
        target = tmp_path / name
        assert cli("-C", str(repo), "export", "--year", "2022", *args, "--out", str(target)).code == 0
        target.write_bytes(target.read_bytes() + b"\n")  # edited since (in LibreOffice, say)
        edited = target.read_bytes()
        run = cli("-C", str(repo), "export", "--year", "2022", *args, "--out", str(target))
        assert run.code == 2 and "--force" in run.err and target.read_bytes() == edited
        assert cli("-C", str(repo), "export", "--year", "2022", *args, "--out", str(target), "--force").code == 0
        assert target.read_bytes() != edited


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_progress_and_import_never_change_a_read_only_file(cli, repo, tmp_path):
    book = tmp_path / "x.xlsx"
    assert cli("-C", str(repo), "export", "--year", "2022", "--unit", "tam-hong", "--out", str(book)).code == 0
    path = repo / CUONG
    path.chmod(0o444)
    before = path.read_bytes()
    run = cli("-C", str(repo), "progress", f"{CUONG}#01", *CHECK_IN)
    assert run.code == 2 and path.read_bytes() == before
    from openpyxl import load_workbook

    wb = load_workbook(book)
    ws = wb["Nhiệm vụ"]
    header = {c.value: i + 1 for i, c in enumerate(ws[1])}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, header["Mã cán bộ"]).value == "le-van-cuong")
    ws.cell(row, header["Minh chứng"]).value = "Biên bản kiểm tra ngày 30/11/2022"
    wb.save(book)
    run = cli("-C", str(repo), "import", str(book))
    assert run.code == 2 and path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert not list(repo.rglob(".giaoviec-*"))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_rewritten_file_keeps_its_mode_and_a_new_one_follows_the_umask(cli, repo, tmp_path):
    old_mask = os.umask(0o027)
    try:
        path = repo / CUONG
        path.chmod(0o664)
        assert cli("-C", str(repo), "progress", f"{CUONG}#01", *CHECK_IN).code == 0
        assert stat.S_IMODE(path.stat().st_mode) == 0o664
        book = tmp_path / "x.xlsx"
        assert cli("-C", str(repo), "export", "--year", "2022", "--unit", "tam-hong", "--out", str(book)).code == 0
        assert stat.S_IMODE(book.stat().st_mode) == 0o640
        (repo / DUNG).unlink()
        assert cli("-C", str(repo), "import", str(book)).code == 0
        assert stat.S_IMODE((repo / DUNG).stat().st_mode) == 0o640 and stat.S_IMODE(path.stat().st_mode) == 0o664
    finally:
        os.umask(old_mask)


@pytest.mark.parametrize("organization", ["Đảng bộ\x07 xã", "Đảng bộ\nxã", "Đảng bộ \u202exã", "  "])
def test_init_refuses_an_organisation_name_it_cannot_write_before_writing(cli, tmp_path, organization):
    folder = tmp_path / "kho"
    run = cli("init", str(folder), "--organization", organization)
    assert run.code == 2 and not (folder.exists() and any(folder.iterdir()))


# -- 7b. progress --done-on with a note ------------------------------------------------------------

def test_progress_done_on_with_a_note_or_a_date_is_refused_not_dropped(cli, repo):
    before = (repo / CUONG).read_bytes()
    for extra in (["--note", "Đã xong"], ["--date", "2022-05-01"]):
        run = cli("-C", str(repo), "progress", f"{CUONG}#01", "--done-on", "2022-06-01", *extra)
        assert run.code == 2 and (repo / CUONG).read_bytes() == before
    assert cli("-C", str(repo), "progress", f"{CUONG}#01", "--done-on", "2022-06-01").code == 0


def test_a_file_changed_by_hand_after_an_interruption_is_never_replaced_by_the_stale_write(cli, repo, state):
    from giaoviec.write import atomic

    old = {rel: (repo / rel).read_bytes() for rel in (CUONG, DUNG)}
    path = journal.journal_path(repo)
    path.parent.mkdir(parents=True, exist_ok=True)
    renames, before = [], {}
    for i, rel in enumerate((CUONG, DUNG)):
        tmp = f"{Path(rel).parent.as_posix()}/.giaoviec-00000000000000bb-{i}.tmp"
        (repo / tmp).write_bytes(old[rel] + b"# staged\n")
        renames.append((tmp, rel))
        before[rel] = atomic._digest(repo / rel)
    path.write_bytes(journal.encode(repo, journal.RENAMING, renames, before))
    (repo / CUONG).write_bytes(old[CUONG] + b"# edited by hand since\n")
    assert cli("-C", str(repo), "progress", "assignments/2022/nguyet-duc/nguyen-van-an.yaml#01", *CHECK_IN).code == 0
    assert (repo / CUONG).read_bytes() == old[CUONG] + b"# edited by hand since\n"
    assert (repo / DUNG).read_bytes() == old[DUNG] + b"# staged\n"
    assert not list(repo.rglob(".giaoviec-*")) and not path.exists()


def test_a_file_changed_while_a_set_is_staged_abandons_the_whole_set(repo, state, monkeypatch):
    from giaoviec.diagnostics import Fatal
    from giaoviec.write import atomic

    old = {rel: (repo / rel).read_bytes() for rel in (CUONG, DUNG)}
    real = journal.encode

    def meanwhile(root, state_, renames, before=None):
        if state_ == journal.RENAMING:  # another program writes the file just before the renames
            (repo / DUNG).write_bytes(old[DUNG] + b"# another program\n")
        return real(root, state_, renames, before)

    monkeypatch.setattr(journal, "encode", meanwhile)
    with pytest.raises(Fatal), atomic.locked(repo):
        atomic.write_all(repo, [(repo / CUONG, old[CUONG] + b"# new\n"), (repo / DUNG, old[DUNG] + b"# new\n")])
    assert (repo / CUONG).read_bytes() == old[CUONG] and (repo / DUNG).read_bytes() == old[DUNG] + b"# another program\n"
    assert not list(repo.rglob(".giaoviec-*")) and not journal.journal_path(repo).exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_out_to_a_named_pipe_is_refused_without_waiting(cli, repo, tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    for force in ([], ["--force"]):
        run = cli("-C", str(repo), "report", "--unit", "yen-lac", "--out", str(tmp_path / "pipe.md"), *force)
        assert run.code == 2 and stat.S_ISFIFO((tmp_path / "pipe.md").stat().st_mode)


# -- a journal shipped in a copy of the tree (a zip, a shared folder) is never obeyed -------------

AN_2022 = "assignments/2022/nguyet-duc/nguyen-van-an.yaml"
AN_2026 = "assignments/2026/nguyet-duc-phu-tho/nguyen-van-an.yaml#02"


def _shipped(repo: Path, git_folder: Path) -> None:
    """A journal that a copy of the tree carries in its own `.git`: state renaming, a planted file."""
    planted = repo / "assignments/2022/nguyet-duc/.giaoviec-0123456789abcdef-0.tmp"
    planted.write_text("cadre: EVIL\n", encoding="utf-8")
    key = hashlib.sha256(os.path.realpath(repo).encode()).hexdigest()[:24]
    (git_folder / "giaoviec").mkdir(parents=True, exist_ok=True)
    body = {"root": os.path.realpath(repo), "state": "renaming", "before": {},
            "renames": [[planted.relative_to(repo).as_posix(), AN_2022]]}
    (git_folder / "giaoviec" / f"pending-{key}.json").write_text(json.dumps(body), encoding="utf-8")


@pytest.mark.parametrize("layout", ["gitdir-file", "git-folder"])
def test_a_journal_shipped_in_a_copy_that_is_not_a_checkout_is_never_obeyed(cli, repo, layout):
    if layout == "gitdir-file":
        (repo / ".git").write_text("gitdir: shipped\n", encoding="utf-8")
        _shipped(repo, repo / "shipped")
    else:
        _shipped(repo, repo / ".git")
    before = (repo / AN_2022).read_bytes()
    run = cli("-C", str(repo), "progress", AN_2026, "--value", "99.7", "--date", "2026-10-01")
    assert (repo / AN_2022).read_bytes() == before
    if layout == "git-folder":  # the tool's own place, but not the tool's own journal: reported, never obeyed
        assert run.code == 3 and "giaoviec" in run.err
    assert (repo / "assignments/2022/nguyet-duc/.giaoviec-0123456789abcdef-0.tmp").exists()


def test_a_journal_not_signed_with_the_users_key_is_reported_and_never_obeyed(cli, repo, state):
    git(repo, "init", "-q")
    _shipped(repo, repo / ".git")
    before = (repo / AN_2022).read_bytes()
    run = cli("-C", str(repo), "progress", AN_2026, "--value", "99.7", "--date", "2026-10-01")
    assert run.code == 3 and (repo / AN_2022).read_bytes() == before
    assert "không do giaoviec của người dùng này tạo ra" in run.err and "not made by" not in run.err  # the reason in the reader's language
    validated = cli("-C", str(repo), "validate", "--format", "json")
    assert ("file.unfinished-write", "giaoviec.yaml", 1) in codes(validated)
    # a journal of this user's giaoviec (signed with the key in the state folder) is obeyed
    journal.journal_path(repo).write_bytes(journal.encode(repo, journal.RENAMING,
                                                          [["assignments/2022/nguyet-duc/.giaoviec-0123456789abcdef-0.tmp", AN_2022]]))
    assert cli("-C", str(repo), "progress", AN_2026, "--value", "99.7", "--date", "2026-10-01").code == 0
    assert (repo / AN_2022).read_text(encoding="utf-8") == "cadre: EVIL\n"
    key = Path(os.environ["GIAOVIEC_CACHE_DIR"]) / "journal.key"
    assert key.is_file() and (os.name != "posix" or stat.S_IMODE(key.stat().st_mode) == 0o600)


def test_a_gitdir_inside_the_work_tree_is_not_a_git_folder(repo):
    (repo / ".git").write_text("gitdir: shipped\n", encoding="utf-8")
    (repo / "shipped").mkdir()
    assert journal.git_folder(repo) is None


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_report_edited_by_hand_is_never_replaced_without_force(cli, repo, tmp_path, fmt):
    import zipfile

    out = tmp_path / f"r.{fmt}"
    args = ("-C", str(repo), "report", "--unit", "tam-hong", "--year", "2022", "--format", fmt, "--out", str(out))
    assert cli(*args).code == 0
    if fmt == "docx":  # the number filled in by hand, inside the zip
        with zipfile.ZipFile(out) as z:
            parts = {name: z.read(name) for name in z.namelist()}
        parts["word/document.xml"] = parts["word/document.xml"].replace(b"</w:body>", b"<w:p><w:r><w:t>SO 15 SUA TAY</w:t></w:r></w:p></w:body>")
        with zipfile.ZipFile(out, "w") as z:
            for name, data in parts.items():
                z.writestr(name, data)
    else:
        text = out.read_text(encoding="utf-8")
        out.write_text(text[: len(text) // 2] + "SO 15 SUA TAY" + text[len(text) // 2:], encoding="utf-8")
    edited = out.read_bytes()
    run = cli(*args)
    assert run.code == 2 and out.read_bytes() == edited and "--force" in run.err
    assert cli(*args, "--force").code == 0 and b"SO 15 SUA TAY" not in out.read_bytes()


@pytest.mark.parametrize("option", ["--ref", "--pip", "--source"])
def test_init_refuses_a_value_github_actions_would_evaluate(cli, tmp_path, option):
    folder = tmp_path / "kho"
    run = cli("init", str(folder), option, "v1 ${{ github.event.pull_request.title }}")
    assert run.code == 2 and option in run.err and not folder.exists()
    assert cli("init", str(folder), option, "v1 $ {x}" if option != "--source" else "https://example.org/giaoviec.git").code == 0

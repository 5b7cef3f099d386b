"""Hardening: nothing written outside the repository, nothing lost, nothing injected — each case of
the issue as a test (injection, writes outside and overwrites, data loss and torn files, crashes)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from conftest import DATA, EXAMPLES, build_repo, copy_example, subprocess_cli

VP = EXAMPLES / "vinh-phuc"
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
CUONG = "assignments/2022/tam-hong/le-van-cuong.yaml"


@pytest.fixture
def repo(tmp_path):
    return copy_example(tmp_path / "vp")


def replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def name_cadre(root: Path, cadre_name: str, new: str) -> None:
    replace(root, "org/cadres.yaml", f"name: {cadre_name}", f"name: {json.dumps(new, ensure_ascii=False)}")


# -- 1. Markdown and HTML ------------------------------------------------------------------------

def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env={**os.environ, **ENV})


def test_a_task_text_cannot_hide_the_warnings_of_a_pull_request_comment(repo):
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    replace(repo, "assignments/2024/tam-hong/le-van-cuong.yaml", "what: Kết nạp 12 đảng viên mới", 'what: "Kết nạp 12 đảng viên mới\\n\\n<!--"')
    replace(repo, "assignments/2024/tam-hong/le-van-cuong.yaml", "đảng viên, target: 12}", "đảng viên, target: 8}")
    run = subprocess_cli("-C", str(repo), "diff", "main", "--format", "md")
    assert run.code == 0
    assert "<!--" not in run.out.replace("<!-- giaoviec -->", "") and "&lt;!--" in run.out
    assert "không có quyết định điều chỉnh" in run.out  # the warning is still there to read
    (line,) = [x for x in run.out.splitlines() if "&lt;!--" in x]  # the text stays on its own line
    assert "Kết nạp 12 đảng viên mới" in line and "không có quyết định điều chỉnh" in line


HOSTILE_NAME = "Lê Văn Cường\n\n## Chiếm quyền\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1)) @to-chuc #12"


def test_a_cadre_name_cannot_break_out_of_markdown(cli, repo):
    name_cadre(repo, "Lê Văn Cường", HOSTILE_NAME)
    for args in (["score", "2022", "--format", "md"], ["report", "--unit", "yen-lac", "--year", "2022"]):
        out = cli("-C", str(repo), *args).out
        assert "<img" not in out and "\n## Chiếm quyền" not in out and not re.search(r"(?<!\\)\]\(javascript:", out)
        assert "@to-chuc" not in out and " #12" not in out  # no mention, no issue link once posted


def test_report_title_and_organisation_are_escaped(cli, repo):
    replace(repo, "giaoviec.yaml", "organization: Đảng bộ tỉnh Vĩnh Phúc (nay thuộc Đảng bộ tỉnh Phú Thọ)",
            'organization: "<script>alert(1)</script> [a](javascript:x)"')
    replace(repo, "org/units.yaml", "name: Huyện Yên Lạc", 'name: "<img src=x onerror=alert(1)>"')
    md = cli("-C", str(repo), "report", "--unit", "yen-lac", "--year", "2022").out
    assert "<script>" not in md and "<img" not in md and not re.search(r"(?<!\\)\]\(javascript:", md)
    html = cli("-C", str(repo), "report", "--unit", "yen-lac", "--year", "2022", "--format", "html").out
    assert "<script>alert" not in html and "<img src=x" not in html and "&lt;script&gt;" in html


def test_the_github_summary_escapes_newlines_and_html(cli, tmp_path, monkeypatch):
    root = build_repo(tmp_path)
    replace(root, "assignments/2022/xa-a/can-bo-a.yaml", "program: focus", 'program: "focus\\n| x | <b>y</b>"')
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    cli("-C", str(root), "validate", "--format", "github")
    table = summary.read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert rows and "<b>" not in table and "&lt;b&gt;" in table
    assert all(len(re.split(r"(?<!\\)\|", line)) == 7 for line in rows)  # five cells: no | or line break from the data


# -- 2. formulas ---------------------------------------------------------------------------------

def test_formulas_in_the_data_stay_text_in_every_spreadsheet(cli, repo, tmp_path):
    replace(repo, CUONG, "what: Kết nạp 12 đảng viên mới", 'what: "=HYPERLINK(\\"http://x\\", \\"bấm\\")"')
    name_cadre(repo, "Lê Văn Cường", "=1+1 Phạm")
    for args, sheets in ((["export", "--year", "2022"], ("Nhiệm vụ", "Tổng hợp", "Danh mục")), (["export", "--year", "2022", "--scoring-sheet"], None)):
        book = tmp_path / f"{len(args)}.xlsx"
        assert cli("-C", str(repo), *args, "--out", str(book)).code == 0
        wb = load_workbook(book)
        cells = [c for ws in wb.worksheets if sheets is None or ws.title in sheets for row in ws.iter_rows() for c in row]
        assert [c for c in cells if c.data_type == "f"] == []
        assert any(c.value == "=1+1 Phạm" and c.data_type == "s" for c in cells)
    for args, sep in ((["export", "--year", "2022", "--format", "csv"], ";"), (["export", "--year", "2022", "--format", "csv", "--csv-dialect", "plain"], ","),
                      (["score", "2022", "--format", "csv"], ",")):
        rows = list(csv.reader(io.StringIO(cli("-C", str(repo), *args).out), delimiter=sep))
        values = [v for row in rows for v in row]
        assert "'=1+1 Phạm" in values and not any(v.startswith(("=", "+", "@", "\t")) for v in values)


# -- 3. control characters ----------------------------------------------------------------------

def test_control_characters_are_refused_in_the_data_and_never_reach_a_terminal(cli, repo):
    replace(repo, "org/cadres.yaml", "name: Lê Văn Cường", 'name: "Lê\\u001b]8;;http://x\\u0007Văn\\u001b[2J"')
    run = cli("-C", str(repo), "validate")
    assert run.code == 1 and "[schema.text-characters]" in run.out
    assert "\x1b" not in run.out + run.err and "\x07" not in run.out + run.err
    bad = repo / "assignments/2022/tam-hong/x\x1b[2J.yaml"
    bad.write_text("apiVersion: giaoviec/v1\nkind: Assignment\n", encoding="utf-8")
    for args in (["validate"], ["score", "2022"], ["score", "2022", "--format", "csv"], ["report", "--unit", "yen-lac", "--year", "2022"],
                 ["stats", "--year", "2022"]):
        out = cli("-C", str(repo), *args)
        assert "\x1b" not in out.out + out.err, args


def test_a_raw_control_character_in_a_file_points_at_its_line(cli, tmp_path):
    root = build_repo(tmp_path)
    replace(root, "assignments/2022/xa-a/can-bo-a.yaml", "what: Xây dựng nhà văn hóa thôn Đông", "what: Xây dựng nhà\x1b văn hóa")
    (d,) = cli("-C", str(root), "validate", "--format", "json").json()["diagnostics"]
    assert (d["code"], d["line"], d["column"]) == ("yaml.syntax", 22, 23)


# -- 4. --public ---------------------------------------------------------------------------------

def test_public_points_do_not_reveal_a_hidden_task(cli):
    """The points and the tier reason are computed without the confidential task (test_public.py
    compares every output with a copy of the data without it)."""
    text = cli("-C", str(VP), "report", "--unit", "vinh-phuc", "--year", "2022", "--public").out
    section = text.split("## Ngô Thị Lan", 1)[1].split("\n## ", 1)[0]
    assert "2/2 nhiệm vụ hoàn thành" in section and "3/3" not in section and "nhiệm vụ mật" not in section
    internal = cli("-C", str(VP), "report", "--unit", "vinh-phuc", "--year", "2022").out
    assert "3/3 nhiệm vụ hoàn thành" in internal.split("## Ngô Thị Lan", 1)[1].split("\n## ", 1)[0]


# -- 5, 6. links and paths -----------------------------------------------------------------------

def test_new_assignment_does_not_write_through_a_link_out_of_the_repository(cli, repo, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / "assignments/2024").mkdir(exist_ok=True)
    shutil.rmtree(repo / "assignments/2024/tam-hong")
    (repo / "assignments/2024/tam-hong").symlink_to(outside)
    run = cli("-C", str(repo), "new", "assignment", "--cadre", "pham-thi-dung", "--period", "2024")
    assert run.code == 2 and list(outside.iterdir()) == []
    (repo / "assignments/2024/tam-hong").unlink()
    (repo / "assignments/2024/tam-hong").mkdir()
    (repo / "assignments/2024/tam-hong/pham-thi-dung.yaml").symlink_to(outside / "dangling.yaml")
    run = cli("-C", str(repo), "new", "assignment", "--cadre", "pham-thi-dung", "--period", "2024")
    assert run.code == 2 and not (outside / "dangling.yaml").exists()


def test_a_name_cannot_inject_keys_into_a_new_file(cli, repo):
    name_cadre(repo, "Phạm Thị Dung", "Phạm\nINJECTED_LINE: 1\nconfidential: true\n#")
    assert cli("-C", str(repo), "new", "assignment", "--cadre", "pham-thi-dung", "--period", "2024").code == 0
    text = (repo / "assignments/2024/tam-hong/pham-thi-dung.yaml").read_text(encoding="utf-8")
    assert "\nINJECTED_LINE" not in text and "\nconfidential" not in text


def test_reading_does_not_follow_a_link_out_of_the_repository(cli, repo, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text((repo / CUONG).read_text(encoding="utf-8").replace("Kết nạp 15 đảng viên mới", "BÍ MẬT NGOÀI KHO"), encoding="utf-8")
    (repo / "assignments/x.yaml").symlink_to(secret)
    run = cli("-C", str(repo), "validate", "--format", "json")
    (d,) = run.json()["diagnostics"]
    assert d["code"] == "file.link-outside" and d["path"] == "assignments/x.yaml" and run.code == 1
    assert "BÍ MẬT" not in cli("-C", str(repo), "report", "--unit", "yen-lac", "--year", "2022", "--public").out
    (repo / "assignments/x.yaml").unlink()
    (repo / "assignments/gone.yaml").symlink_to(repo / "nowhere.yaml")
    (d,) = cli("-C", str(repo), "validate", "--format", "json").json()["diagnostics"]
    assert d["code"] == "file.unreadable"


@pytest.mark.skipif(ROOT_USER, reason="permissions do not stop root")
def test_an_unreadable_folder_is_reported(cli, repo):
    folder = repo / "assignments/2024/yen-dong"
    folder.chmod(0)
    try:
        run = cli("-C", str(repo), "validate", "--format", "json")
        assert run.code == 1 and "file.unreadable" in {d["code"] for d in run.json()["diagnostics"]}
    finally:
        folder.chmod(0o755)


# -- 7, 8. overwrites, init ----------------------------------------------------------------------

def test_init_into_a_folder_with_files_needs_force_and_names_them(cli, tmp_path):
    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "README.md").write_text("của tôi\n", encoding="utf-8")
    run = cli("init", str(folder))
    assert run.code == 2 and "README.md" in run.err and (folder / "README.md").read_text(encoding="utf-8") == "của tôi\n"
    assert not (folder / "giaoviec.yaml").exists()
    assert cli("init", str(folder), "--force").code == 0 and (folder / "giaoviec.yaml").exists()


def test_out_never_replaces_repository_data_or_a_file_it_did_not_make(cli, repo, tmp_path):
    units = (repo / "org/units.yaml").read_bytes()
    assert cli("-C", str(repo), "report", "--unit", "yen-lac", "--out", str(repo / "org/units.yaml"), "--force").code == 2
    assert cli("-C", str(repo), "export", "--format", "csv", "--out", str(repo / CUONG), "--force").code == 2
    assert (repo / "org/units.yaml").read_bytes() == units and cli("-C", str(repo), "validate").code == 0
    mine = tmp_path / "ghi-chu.md"
    mine.write_text("ghi chép riêng\n", encoding="utf-8")
    assert cli("-C", str(repo), "report", "--unit", "yen-lac", "--out", str(mine)).code == 2
    assert mine.read_text(encoding="utf-8") == "ghi chép riêng\n"
    assert cli("-C", str(repo), "report", "--unit", "yen-lac", "--out", str(mine), "--force").code == 0
    for fmt, name in (("md", "a.md"), ("html", "a.html")):  # a report may have been edited since: replaced only with --force
        target = tmp_path / name
        assert cli("-C", str(repo), "report", "--unit", "yen-lac", "--format", fmt, "--out", str(target)).code == 0
        assert cli("-C", str(repo), "report", "--unit", "yen-lac", "--format", fmt, "--out", str(target)).code == 2
        assert cli("-C", str(repo), "report", "--unit", "yen-lac", "--format", fmt, "--out", str(target), "--force").code == 0
    for args, name in ((["--format", "csv"], "a.csv"), (["--format", "json"], "a.json"), ([], "a.xlsx"), (["--scoring-sheet"], "b.xlsx")):
        target = tmp_path / name  # an export may have been edited since: replaced only with --force (test_trust_writes.py)
        assert cli("-C", str(repo), "export", "--year", "2022", *args, "--out", str(target)).code == 0
        assert cli("-C", str(repo), "export", "--year", "2022", *args, "--out", str(target)).code == 2
        assert cli("-C", str(repo), "export", "--year", "2022", *args, "--out", str(target), "--force").code == 0


@pytest.mark.parametrize("organization", ["Đảng bộ xã Tam Hồng, huyện Yên Lạc", "Đảng bộ: tỉnh", "Đảng bộ # 1", '"Đảng bộ" \'x\'', "- Đảng bộ", "yes"])
def test_init_with_any_organization_name_validates(cli, tmp_path, organization):
    folder = tmp_path / "kho"
    assert cli("init", str(folder), "--organization", organization).code == 0
    run = cli("-C", str(folder), "validate", "--format", "json")
    assert run.code == 0, run.out
    assert organization in (folder / "giaoviec.yaml").read_text(encoding="utf-8") or json.dumps(organization, ensure_ascii=False) in (folder / "giaoviec.yaml").read_text(encoding="utf-8")


# -- 9, 10. atomic writes, concurrent writers ------------------------------------------------------

def _run(args: list[str], cwd: Path | None = None, fsize: int | None = None) -> subprocess.Popen:
    def limit() -> None:
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.Popen([sys.executable, "-m", "giaoviec", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "NO_COLOR": "1"}, preexec_fn=limit)


def test_a_full_disk_is_a_clear_error_and_leaves_nothing_torn(repo, tmp_path):
    out = tmp_path / "report.html"
    proc = _run(["-C", str(repo), "report", "--unit", "yen-lac", "--format", "html", "--out", str(out)], fsize=4096)
    _stdout, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and b"Traceback" not in err and not out.exists()
    book = tmp_path / "x.xlsx"
    proc = _run(["-C", str(repo), "export", "--year", "2022", "--out", str(book)], fsize=4096)
    _stdout, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and b"Traceback" not in err and not book.exists()
    before = (repo / CUONG).read_bytes()
    proc = _run(["-C", str(repo), "progress", f"{CUONG}#01", "--value", "1", "--date", "2022-05-01"], fsize=len(before) // 2)
    _stdout, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and b"Traceback" not in err and (repo / CUONG).read_bytes() == before
    assert not [p for p in (repo / CUONG).parent.iterdir() if p.name.endswith(".tmp")]


def test_two_check_ins_at_once_both_land(repo):
    rounds = 6
    for r in range(rounds):
        procs = [_run(["-C", str(repo), "progress", f"{CUONG}#01", "--value", str(10 * r + k), "--date", "2022-05-01"]) for k in (1, 2)]
        for p in procs:
            p.communicate(timeout=120)
            assert p.returncode == 0
    text = (repo / CUONG).read_text(encoding="utf-8")
    for r in range(rounds):
        for k in (1, 2):
            assert f"value: {10 * r + k}}}" in text or f"value: {10 * r + k}\n" in text


def _kill_loop(start, paths: list[Path], expected: dict[Path, set[bytes]], rounds: int) -> int:
    """Kills a writer at random moments; every file is always one of its expected versions."""
    killed = 0
    for r in range(rounds):
        proc = start()
        time.sleep(0.05 + (r % 10) * 0.03)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.communicate()
        for path in paths:
            got = path.read_bytes() if path.exists() else None
            assert got in expected[path], (path, r)
    return killed


def test_progress_killed_at_any_moment_leaves_the_old_or_the_new_file(repo):
    path = repo / CUONG
    old = path.read_bytes()
    _run(["-C", str(repo), "progress", f"{CUONG}#01", "--value", "5", "--date", "2022-05-01"]).communicate()
    new = path.read_bytes()
    path.write_bytes(old)
    killed = _kill_loop(lambda: _run(["-C", str(repo), "progress", f"{CUONG}#01", "--value", "5", "--date", "2022-05-01"]) if path.write_bytes(old) is not None else None,
                        [path], {path: {old, new}}, 25)
    assert killed >= 1
    path.write_bytes(old)  # the next run finishes or undoes whatever the last kill left, then writes
    assert _run(["-C", str(repo), "progress", f"{CUONG}#02", "--value", "1", "--date", "2022-05-01"]).wait(timeout=120) == 0
    assert not list(repo.rglob(".giaoviec-*")), "no temporary file of a killed run is left"


def test_import_killed_at_any_moment_writes_whole_files_and_finishes_next_time(repo, tmp_path):
    book = tmp_path / "yen-lac.xlsx"
    assert subprocess_cli("-C", str(repo), "export", "--year", "2022", "--unit", "tam-hong", "--out", str(book)).code == 0
    targets = [repo / "assignments/2022/tam-hong/le-van-cuong.yaml", repo / "assignments/2022/tam-hong/pham-thi-dung.yaml"]
    for t in targets:
        t.unlink()
    _run(["-C", str(repo), "import", str(book)]).communicate()
    full = {t: t.read_bytes() for t in targets}

    def start():
        for t in targets:
            t.unlink(missing_ok=True)
        return _run(["-C", str(repo), "import", str(book)])

    _kill_loop(start, targets, {t: {None, full[t]} for t in targets}, 25)
    # whatever the last kill left, the next import finishes or redoes the set: all files, whole
    run = subprocess_cli("-C", str(repo), "import", str(book))
    assert run.code == 0 and all(t.read_bytes() == full[t] for t in targets)
    assert not list(repo.rglob(".giaoviec-*")), "the temporary files of every killed run are gone"


# -- 11. files skipped without a word ------------------------------------------------------------

def test_a_utf16_file_is_reported_not_skipped(cli, tmp_path):
    root = build_repo(tmp_path)
    path = root / "assignments/2022/xa-a/can-bo-a.yaml"
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        path.write_bytes((DATA / "base/assignments/2022/xa-a/can-bo-a.yaml").read_text(encoding="utf-8").encode(encoding))
        run = cli("-C", str(root), "validate", "--format", "json")
        assert run.code == 1 and [d["code"] for d in run.json()["diagnostics"]] == ["yaml.encoding"], encoding
        assert run.json()["summary"]["files"] == 5


def test_a_file_with_lone_carriage_returns_is_read(cli, tmp_path):
    root = build_repo(tmp_path)
    path = root / "assignments/2022/xa-a/can-bo-a.yaml"
    path.write_bytes(b"# a comment first\r" + path.read_bytes().replace(b"\n", b"\r"))
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.code == 0 and run.json()["summary"]["files"] == 5
    assert len(cli("-C", str(root), "score", "2022", "--format", "json").json()["cadres"]) == 1


@pytest.mark.parametrize("path", ["nonexistent/path.yaml", "/etc"])
def test_validate_of_a_path_that_is_not_in_the_repository_is_a_usage_error(cli, path):
    run = cli("-C", str(VP), "validate", path)
    assert run.code == 2 and run.err.strip()


# -- crashes: every error path has its exit code -------------------------------------------------

@pytest.mark.parametrize("old,new,code", [
    ("weight: 2", "weight: " + "9" * 5000, "schema.number"),
    ("what: Xây dựng nhà văn hóa thôn Đông", 'what: "Xây dựng \\0 nhà văn hóa"', "schema.text-characters"),
    ("what: Xây dựng nhà văn hóa thôn Đông", 'what: "\\ud800"', "yaml.syntax"),
    ("target: 12}", "target: .nan}", "schema.finite-number"),
    ("outcome: {done_on: 2022-09-20, value: 12}", "outcome: {done_on: 2022-09-20, value: .inf}", "schema.finite-number"),
    ("  - id: \"02\"", "  - " + "k" * 2000 + ": 1\n  - id: \"02\"", "yaml.syntax"),
])
def test_hostile_values_are_findings_not_crashes(cli, tmp_path, old, new, code):
    root = build_repo(tmp_path)
    replace(root, "assignments/2022/xa-a/can-bo-a.yaml", old, new)
    run = cli("-C", str(root), "validate", "--format", "json")
    assert run.code == 1 and "Traceback" not in run.err
    assert code in [d["code"] for d in run.json()["diagnostics"]]
    for args in (["score", "2022"], ["report", "--unit", "huyen-t", "--year", "2022"], ["export", "--year", "2022", "--format", "csv"]):
        assert cli("-C", str(root), *args).code == 1


def test_a_note_that_is_not_text_is_a_usage_error(repo):
    proc = subprocess.run([sys.executable, "-m", "giaoviec", "-C", str(repo), "progress", f"{CUONG}#01", "--value", "1",
                           "--date", "2022-05-01", "--note", b"B\xe1o c\xe1o".decode("utf-8", "surrogateescape")],
                          capture_output=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr


# -- 5 (spreadsheets). bounds --------------------------------------------------------------------

def test_a_zip_bomb_is_refused_before_it_is_unpacked(cli, tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * 200_000_000)
    assert bomb.stat().st_size < 2_000_000
    run = cli("-C", str(DATA / "base"), "import", str(bomb))
    assert run.code == 1 and "[sheet.too-large]" in run.out


def test_a_sheet_reaching_the_last_row_is_refused_at_once(cli, tmp_path):
    wb = Workbook()
    wb.active["A1"] = "Nội dung nhiệm vụ"
    wb.active["A1048576"] = "x"
    path = tmp_path / "far.xlsx"
    wb.save(path)
    run = cli("-C", str(DATA / "base"), "import", str(path))
    assert run.code == 1 and "[sheet.too-large]" in run.out


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from([b"apiVersion: giaoviec/v1", b"apiVersion:", b"   ", b"\t", b" giaoviec/", b"\n", b"\r", b"x",
                                 b"\xef\xbb\xbf", b"'", b"kind: A", b"apiVersion: apps/v1"]), max_size=40),
       st.integers(1, 40))
def test_data_is_found_in_a_file_read_a_piece_at_a_time_as_in_its_whole(pieces, chunk):
    """holds_giaoviec_data (an existing --out file, read a chunk at a time) says what is_giaoviec_file
    says of the whole, whatever the chunk size; the cautious answer only for a line of apiVersion and spaces."""
    import io

    from giaoviec.load.files import holds_giaoviec_data, is_giaoviec_file

    raw = b"".join(pieces)
    got = holds_giaoviec_data(io.BytesIO(raw), chunk)
    assert got == is_giaoviec_file(raw) or (got and not is_giaoviec_file(raw) and b"apiVersion:" in raw)
    assert holds_giaoviec_data(io.BytesIO(raw), 1 << 20) == is_giaoviec_file(raw)


def test_an_existing_output_is_not_read_whole(cli, repo, tmp_path, monkeypatch):
    """Replacing a report of a gigabyte must not hold it in memory: only its head and tail are read
    to tell that giaoviec made it (its middle holds nothing that counts)."""
    from giaoviec.write import paths

    big = tmp_path / "bao-cao.md"
    assert cli("-C", str(repo), "report", "--unit", "yen-lac", "--out", str(big)).code == 0
    made = big.read_bytes()
    big.write_bytes(b"ghi ch\xc3\xa9p ri\xc3\xaang\n" * 10_000 + b'<meta name="generator" content="giaoviec">\n' + b"x\n" * 10_000)
    assert cli("-C", str(repo), "report", "--unit", "yen-lac", "--out", str(big)).code == 2  # the mark in its middle: not ours
    big.write_bytes(b"# " + b"y" * 3_000_000 + b"\n" + made)  # ours (its end), three megabytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} read whole"))
    with big.open("rb") as f:
        assert paths.made_by_giaoviec(f)
    assert paths.output_path(big, repo, False) == big

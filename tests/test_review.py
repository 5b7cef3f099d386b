"""Review with real git: a repository made by `giaoviec init`, commits that change assigned terms
with and without an amendment, a council score; `diff` and `validate --base` asserted on them;
the commands of the workflow `init` writes, run as the workflow runs them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import subprocess_cli

BIN = str(Path(sys.executable).parent)
ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}

CADRES = """\
apiVersion: giaoviec/v1
kind: Cadres
cadres:
  - id: le-thi-mai
    name: Lê Thị Mai
    positions: [{title: Bí thư Đảng ủy xã, role: secretary, unit: xa-dong, from: 2020-01-01}]
"""
UNITS_ADD = "  - {id: xa-dong, name: Xã Đông, level: commune, parent: dang-bo-tinh-phu-tho}\n"
ASSIGNMENT = """\
apiVersion: giaoviec/v1
kind: Assignment
cadre: le-thi-mai
unit: xa-dong
position: Bí thư Đảng ủy xã
program: focus
period: {from: 2024-01-01, to: 2024-12-31}
status: closed
basis: {number: 5-QĐ/TU, date: 2024-01-15, issued_by: ban-thuong-vu}
monitor: ban-to-chuc
tasks:
  - id: "01"
    what: Kết nạp 12 đảng viên mới
    when: {due: 2024-09-30}
    result:
      product: Quyết định kết nạp đảng viên
      measure: {indicator: Số đảng viên mới, unit: đảng viên, target: 12}
    responsibility: {accountable: le-thi-mai}
    weight: 3
    outcome: {done_on: 2024-09-20, value: 10}
  - id: "02"
    what: Xây dựng nhà văn hóa thôn Đông
    when: {due: 2024-10-31}
    result: {product: Nhà văn hóa được nghiệm thu}
    responsibility: {accountable: le-thi-mai}
    weight: 1
    outcome: {done_on: 2024-10-20}
"""
EVALUATION = """\
apiVersion: giaoviec/v1
kind: Evaluation
council: hoi-dong-danh-gia
period: {from: 2024-01-01, to: 2024-12-31}
date: 2024-12-20
evaluations:
  - cadre: le-thi-mai
    tasks:
      "01": {score: 1}
"""
REL = "assignments/2024/xa-dong/le-thi-mai.yaml"


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env={**os.environ, **ENV}).stdout


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "kho"
    assert subprocess_cli("init", str(root), "--organization", "Đảng bộ tỉnh Phú Thọ").code == 0
    (root / "org/cadres.yaml").write_text(CADRES, encoding="utf-8")
    with open(root / "org/units.yaml", "a", encoding="utf-8") as units:
        units.write(UNITS_ADD)
    (root / REL).parent.mkdir(parents=True)
    (root / REL).write_text(ASSIGNMENT, encoding="utf-8")
    (root / "evaluations/2024").mkdir(parents=True)
    (root / "evaluations/2024/hoi-dong-danh-gia.yaml").write_text(EVALUATION, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    assert subprocess_cli("-C", str(root), "validate", "--strict").code == 0
    return root


def edit(root: Path, old: str, new: str, rel: str = REL) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_lowered_target_without_amendment(repo):
    edit(repo, "target: 12}", "target: 8}")
    git(repo, "commit", "-qam", "lower the target")
    run = subprocess_cli("-C", str(repo), "validate", "--base", "HEAD~1", "--format", "json")
    wording, finding, stale = json.loads(run.out)["diagnostics"]
    # the wording still says 12: the text and the new target disagree
    assert wording["code"] == "clarity.mismatch" and "'12 đảng viên mới'" in wording["message"]
    assert run.code == 1 and finding["code"] == "amend.missing" and (finding["path"], finding["line"]) == (REL, 17)
    assert "chỉ tiêu thay đổi từ 12 thành 8" in finding["message"]
    # the council scored task 01 against the target of 12: its score is now older than the facts
    assert stale["code"] == "eval.stale" and stale["severity"] == "warning" and stale["path"].startswith("evaluations/")
    diff = subprocess_cli("-C", str(repo), "diff", "HEAD~1", "HEAD")
    assert "nhiệm vụ 01: chỉ tiêu giảm từ 12 xuống 8 — nới lỏng — không có quyết định điều chỉnh" in diff.out
    # 10 of 12 was "not done"; 10 of 8 is "exceeded": the tier (by shares of statuses under
    # tw124-2023) moves from completed (half done: no lateness cap) to excellent; the points stay at (1 + 1) / 4 × 100
    # because the council's score of 1 for task 01 counts either way
    assert "điểm năm 2024: 50,00 → 50,00; xếp loại: Hoàn thành → Xuất sắc" in diff.out  # QĐ 124: half done is "completed"


def test_the_same_change_with_an_amendment_passes(repo):
    edit(repo, "target: 12}", "target: 8}")
    edit(repo, "monitor: ban-to-chuc\n", "monitor: ban-to-chuc\namendments:\n  - {date: 2024-06-01, decision: 9-QĐ/TU, tasks: [\"01\"], note: Giảm chỉ tiêu do thiên tai}\n")
    git(repo, "commit", "-qam", "lower the target, with its decision")
    assert subprocess_cli("-C", str(repo), "validate", "--base", "HEAD~1").code == 0
    diff = subprocess_cli("-C", str(repo), "diff", "HEAD~1", "--format", "json")
    (change,) = [c for c in json.loads(diff.out)["changes"] if c["kind"] == "term"]
    assert change["eased"] and change["amended"] and (change["old"], change["new"]) == (12, 8)


def test_a_later_due_date_in_the_work_tree(repo):
    edit(repo, "when: {due: 2024-10-31}", "when: {due: 2024-12-15}")
    run = subprocess_cli("-C", str(repo), "validate", "--base", "main")  # the work tree against main
    assert run.code == 1 and "amend.missing" in run.out and "hạn hoàn thành" in run.out
    assert "hạn hoàn thành đổi từ 31/10/2024 sang 15/12/2024 — nới lỏng" in subprocess_cli("-C", str(repo), "diff", "main").out


def test_a_council_score_changed(repo):
    edit(repo, '"01": {score: 1}', '"01": {score: 2.5}', "evaluations/2024/hoi-dong-danh-gia.yaml")
    git(repo, "commit", "-qam", "council")
    md = subprocess_cli("-C", str(repo), "diff", "HEAD~1", "--format", "md").out
    assert "⚠ điểm hội đồng của nhiệm vụ 01: 1 → 2,5" in md
    assert "điểm năm 2024: 50,00 → 87,50" in md  # (1 + 1) / 4 × 100 → (2.5 + 1) / 4 × 100
    impact = next(line for line in md.splitlines() if "điểm năm 2024: 50,00 → 87,50" in line)
    assert "xếp loại" not in impact  # the tier did not change: only the points are said
    assert subprocess_cli("-C", str(repo), "validate", "--base", "HEAD~1").code == 0  # scores need no amendment


def test_a_bad_revision_is_a_usage_error(repo):
    run = subprocess_cli("-C", str(repo), "validate", "--base", "no-such-branch")
    assert run.code == 2 and "git" in run.err and "Traceback" not in run.err
    assert subprocess_cli("-C", str(repo), "diff", "--", "-rf").code == 2


def test_init_refuses_an_existing_repository(repo):
    assert subprocess_cli("init", str(repo)).code == 2


def test_new_assignment(repo):
    run = subprocess_cli("-C", str(repo), "new", "assignment", "--cadre", "le-thi-mai", "--period", "2025")
    assert run.code == 0 and "assignments/2025/xa-dong/le-thi-mai.yaml" in run.out
    text = (repo / "assignments/2025/xa-dong/le-thi-mai.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/assignment.schema.json")
    assert 'position: Bí thư Đảng ủy xã' in text and "unit: xa-dong" in text
    assert subprocess_cli("-C", str(repo), "validate", "--strict").code == 0
    second = subprocess_cli("-C", str(repo), "new", "assignment", "--cadre", "le-thi-mai", "--period", "2025", "--program", "breakthrough")
    assert second.code == 0 and "le-thi-mai-breakthrough.yaml" in second.out
    assert subprocess_cli("-C", str(repo), "new", "assignment", "--cadre", "khong-co", "--period", "2025").code == 2
    assert subprocess_cli("-C", str(repo), "new", "assignment", "--cadre", "le-thi-mai", "--period", "2025-2021").code == 2


def test_a_200_cadre_diff_fits_a_pull_request_comment(tmp_path):
    """Every cadre of a 200-file province changes: the Markdown is folded per unit, stays under
    GitHub's 65,536 characters, says what it left out and where the whole text is; without a limit
    every cadre is there. Text of the data never pings or links (@, #)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from generate import generate

    root = tmp_path / "p"
    generate(root, 200)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    for path in sorted((root / "assignments").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(    weight: )(\d)", lambda m: m.group(1) + str(int(m.group(2)) + 1), text, count=3)
        text = re.sub(r"what: (.*)", lambda m: f'what: "Báo @to-chuc, xem #12: {m.group(1)}"', text, count=1)
        path.write_text(text, encoding="utf-8")
    assert subprocess_cli("-C", str(root), "validate").code == 0
    whole = subprocess_cli("-C", str(root), "diff", "main", "--format", "md", "--max-chars", "0")
    assert whole.out.startswith("<!-- giaoviec -->\n") and whole.out.count("<details") == 200 and len(whole.out) > 65_536
    comment = subprocess_cli("-C", str(root), "diff", "main", "--format", "md", "--full-at", "https://example.test/run/1")
    shown = comment.out.count("<details")
    assert len(comment.out) <= 65_536 and 0 < shown < 200
    assert f"còn {200 - shown} đơn vị ({200 - shown} cán bộ) không hiện ở đây" in comment.out
    assert "Bản đầy đủ: <https://example.test/run/1>" in comment.out
    assert comment.out.count("<details") == comment.out.count("</details>")
    assert "@to-chuc" not in comment.out and "#12" not in comment.out


def test_a_comment_never_exceeds_its_limit(repo):
    """--max-chars below what the head and note need, or a --full-at that cannot fit, is a usage error
    that says the minimum; every limit that is accepted is kept."""
    edit(repo, "target: 12", "target: 8")
    for limit in ("10", "200"):
        run = subprocess_cli("-C", str(repo), "diff", "HEAD", "--format", "md", "--max-chars", limit)
        assert run.code == 2 and run.out == "" and f"--max-chars {limit} quá nhỏ" in run.err
        least = int(re.search(r"ít nhất (\d+) ký tự", run.err).group(1))
    assert subprocess_cli("-C", str(repo), "diff", "HEAD", "--format", "md", "--max-chars", str(least - 1)).code == 2
    for limit in range(least, least + 400, 7):
        ok = subprocess_cli("-C", str(repo), "diff", "HEAD", "--format", "md", "--max-chars", str(limit))
        assert ok.code == 0 and len(ok.out) <= limit
    long = subprocess_cli("-C", str(repo), "diff", "HEAD", "--format", "md", "--full-at", "https://example.test/" + "x" * 70_000)
    assert long.code == 2 and long.out == "" and "--full-at quá dài" in long.err
    whole = subprocess_cli("-C", str(repo), "diff", "HEAD", "--format", "md", "--max-chars", "0", "--full-at", "https://example.test/" + "x" * 70_000)
    assert whole.code == 0 and "giảm từ 12 xuống 8" in whole.out


def test_one_unit_too_long_is_cut_by_cadre(repo):
    """Every change in one commune: a cut shows the cadres of that unit that fit, and the note counts
    the rest and names the command (base and head) that prints the whole text."""
    cadres = CADRES + "".join(f"  - {{id: can-bo-{i:02}, name: Cán bộ {i:02}, positions: [{{title: Phó Bí thư, role: deputy, unit: xa-dong, from: 2020-01-01}}]}}\n" for i in range(30))
    (repo / "org/cadres.yaml").write_text(cadres, encoding="utf-8")
    for i in range(30):
        text = ASSIGNMENT.replace("cadre: le-thi-mai", f"cadre: can-bo-{i:02}").replace("Bí thư Đảng ủy xã", "Phó Bí thư")
        (repo / f"assignments/2024/xa-dong/can-bo-{i:02}.yaml").write_text(text.replace("accountable: le-thi-mai", f"accountable: can-bo-{i:02}"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "more cadres")
    for i in range(30):
        edit(repo, "target: 12", "target: 8", f"assignments/2024/xa-dong/can-bo-{i:02}.yaml")
    git(repo, "commit", "-qam", "lower")
    whole = subprocess_cli("-C", str(repo), "diff", "HEAD~1", "HEAD", "--format", "md", "--max-chars", "0")
    assert whole.code == 0 and whole.out.count("<details") == 1 and whole.out.count("Cán bộ ") == 30
    cut = subprocess_cli("-C", str(repo), "diff", "HEAD~1", "HEAD", "--format", "md", "--max-chars", str(len(whole.out) // 2))
    assert cut.code == 0 and len(cut.out) <= len(whole.out) // 2
    shown = cut.out.count("**Cán bộ ")
    assert 0 < shown < 30 and cut.out.count("<details") == cut.out.count("</details>") == 1
    assert f"còn 0 đơn vị ({30 - shown} cán bộ) không hiện ở đây" in cut.out
    assert "Bản đầy đủ: giaoviec diff HEAD\\~1 HEAD --format md --max-chars 0" in cut.out or \
        "Bản đầy đủ: giaoviec diff HEAD~1 HEAD --format md --max-chars 0" in cut.out


def test_changed_files_with_errors_are_said(repo):
    """A commit adding files the head revision finds errors in (each a second assignment of the same
    cadre, program and period): every format says how many changed files have errors, and where to
    see them; the review is incomplete."""
    for i in range(5):
        (repo / f"assignments/2024/xa-dong/ban-sao-{i}.yaml").write_text(ASSIGNMENT, encoding="utf-8")
    (repo / "assignments/2024/xa-dong/hong.yaml").write_text("apiVersion: giaoviec/v1\nkind: Assignment\ncadre: [\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "copies")
    for fmt in ("text", "md"):
        run = subprocess_cli("-C", str(repo), "diff", "HEAD~1", "HEAD", "--format", fmt)
        # the first copy is the one the others (and the unchanged file) are found to repeat; one file unreadable
        assert "5 tệp đã thay đổi có lỗi" in run.out and "giaoviec validate" in run.out, run.out
    doc = json.loads(subprocess_cli("-C", str(repo), "diff", "HEAD~1", "HEAD", "--format", "json").out)
    assert doc["complete"] is False and doc["files_with_errors"] == [*(f"assignments/2024/xa-dong/ban-sao-{i}.yaml" for i in range(1, 5)), "assignments/2024/xa-dong/hong.yaml"]

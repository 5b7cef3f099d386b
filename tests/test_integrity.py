"""Figures a standing committee can trust: a problem stays where it is, what is left out is said
inside every artefact, writers refuse to create ambiguity, dates that cannot count are flagged,
stale council scores are marked, and `diff` is exact (the five cases of the issue, each a test)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import EXAMPLES, copy_example, subprocess_cli

VP = EXAMPLES / "vinh-phuc"
ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
CUONG_2024 = "assignments/2024/tam-hong/le-van-cuong.yaml"


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env={**os.environ, **ENV})


@pytest.fixture
def repo(tmp_path):
    return copy_example(tmp_path / "vp")


def scores(cli, root: Path, year: int, *extra: str) -> dict:
    run = cli("-C", str(root), "score", str(year), "--format", "json", *extra)
    return {(c["cadre"], c["program"]): (c["points"], c["provisional_points"], c["tier"]) for c in run.json()["cadres"]}


EM_2024 = "assignments/2024/yen-dong/hoang-van-em.yaml"
EM_COPY = "assignments/2024/yen-dong/hoang-van-em-copy.yaml"


def duplicate(root: Path) -> Path:
    """A second 2024 focus assignment of Hoàng Văn Em, made by hand: the council's entry for him
    becomes ambiguous (the same session also gives Vũ Thị Giang's reprimand, which must still count)."""
    second = root / EM_COPY
    second.write_text((root / EM_2024).read_text(encoding="utf-8"), encoding="utf-8")
    return second


# -- case 1: a second assignment -----------------------------------------------------------------

def test_new_assignment_refuses_a_second_one_for_the_period(cli, repo):
    before = sorted(p.relative_to(repo) for p in repo.rglob("*.yaml"))
    run = cli("-C", str(repo), "new", "assignment", "--cadre", "le-van-cuong", "--period", "2024")
    assert run.code == 1 and CUONG_2024 in run.err and "chưa ghi gì" in run.err
    assert sorted(p.relative_to(repo) for p in repo.rglob("*.yaml")) == before
    other = cli("-C", str(repo), "new", "assignment", "--cadre", "le-van-cuong", "--period", "2024", "--program", "breakthrough")
    assert other.code == 0  # another program is another assignment


def test_a_duplicate_changes_only_its_own_cadre_and_is_named_everywhere(cli, repo, tmp_path):
    clean = scores(cli, repo, 2024)
    duplicate(repo)
    run = cli("-C", str(repo), "score", "2024", "--format", "json")
    assert run.code == 1
    doc = run.json()
    got = {(c["cadre"], c["program"]): (c["points"], c["provisional_points"], c["tier"]) for c in doc["cadres"]}
    others = {k: v for k, v in clean.items() if k[0] != "hoang-van-em"}
    assert {k: v for k, v in got.items() if k[0] != "hoang-van-em"} == others  # nobody else moves
    assert got[("vu-thi-giang", "focus")][2] == "not-completed"  # her reprimand, in the same council file, still counts
    assert doc["complete"] is False
    left = {(x["kind"], x["path"]) for x in doc["left_out"]}  # one of the two files carries ref.duplicate-assignment
    assert left & {("assignment", EM_2024), ("assignment", EM_COPY)}
    assert any(x["kind"] == "council-entry" and x["cadres"] == ["hoang-van-em"] for x in doc["left_out"])
    # every artefact says it inside itself
    table = cli("-C", str(repo), "score", "2024")
    assert table.code == 1 and "CHƯA ĐẦY ĐỦ" in table.out and "hoang-van-em" in table.out.split("CHƯA ĐẦY ĐỦ")[1]
    md = cli("-C", str(repo), "score", "2024", "--format", "md").out
    assert md.index("CHƯA ĐẦY ĐỦ") < md.index("| Cán bộ")
    score_csv = cli("-C", str(repo), "score", "2024", "--format", "csv").out
    assert score_csv.startswith("# ") and "hoang-van-em" in score_csv.splitlines()[1]
    for fmt in ("md", "html"):
        report = cli("-C", str(repo), "report", "--unit", "yen-lac", "--year", "2024", "--format", fmt)
        assert report.code == 1 and "CHƯA ĐẦY ĐỦ" in report.out and "Hoàng Văn Em" in report.out
        assert report.out.index("CHƯA ĐẦY ĐỦ") < report.out.index("Vũ Thị Giang")  # at the top
    export_csv = cli("-C", str(repo), "export", "--year", "2024", "--format", "csv", "--csv-dialect", "plain")
    assert export_csv.code == 1 and export_csv.out.startswith("# ")
    rows = [r for r in csv.reader(io.StringIO(export_csv.out)) if r and not r[0].startswith("#")]
    assert rows[0][0] == "Mã cán bộ"
    export_json = json.loads(cli("-C", str(repo), "export", "--year", "2024", "--format", "json").out)
    assert export_json["complete"] is False and export_json["left_out"]
    book = tmp_path / "x.xlsx"
    assert cli("-C", str(repo), "export", "--year", "2024", "--out", str(book)).code == 1
    wb = load_workbook(book)
    assert wb.sheetnames[0] == "Chưa đầy đủ" and wb.active.title == "Chưa đầy đủ"
    assert "assignments/2024/yen-dong/hoang-van-em" in " ".join(str(c.value) for c in wb["Chưa đầy đủ"]["A"])
    stats = cli("-C", str(repo), "stats", "--year", "2024", "--format", "json")
    assert stats.code == 1 and stats.json()["complete"] is False
    assert "CHƯA ĐẦY ĐỦ" in cli("-C", str(repo), "stats", "--year", "2024").out
    # the follow-up list looks at assigned files still running: the closed 2024 files are not in it
    assert cli("-C", str(repo), "status", "--as-of", "2024-10-01", "--format", "json").json()["complete"] is True
    running = repo / "assignments/2026/nguyet-duc-phu-tho/nguyen-van-an.yaml"
    running.write_text(running.read_text(encoding="utf-8").replace("weight: 3", "weight: -1", 1), encoding="utf-8")
    status = cli("-C", str(repo), "status", "--as-of", "2026-10-01", "--format", "json")
    assert status.code == 1 and [x["path"] for x in status.json()["left_out"]] == ["assignments/2026/nguyet-duc-phu-tho/nguyen-van-an.yaml"]
    assert "CHƯA ĐẦY ĐỦ" in cli("-C", str(repo), "status", "--as-of", "2026-10-01").out


def test_an_assignment_in_scope_without_a_row_is_always_named(cli, repo):
    (repo / "assignments/2024/trung-nguyen/vu-thi-giang.yaml").write_text("apiVersion: giaoviec/v1\nkind: Assignment\ncadre: [\n", encoding="utf-8")
    doc = cli("-C", str(repo), "score", "2024", "--format", "json").json()
    rows = {c["cadre"] for c in doc["cadres"]}
    named = {x["path"] for x in doc["left_out"]}
    assert "vu-thi-giang" not in rows and "assignments/2024/trung-nguyen/vu-thi-giang.yaml" in named
    # out of scope: a broken 2024 file says nothing in a 2022 score whose figures cannot depend on it
    (repo / "assignments/2024/trung-nguyen/vu-thi-giang.yaml").write_text(
        (VP / "assignments/2024/trung-nguyen/vu-thi-giang.yaml").read_text(encoding="utf-8").replace("weight: 1", "weight: 0"), encoding="utf-8")
    assert cli("-C", str(repo), "score", "2022", "--format", "json").json()["complete"] is True


def test_import_refuses_a_second_assignment(cli, repo, tmp_path):
    book = tmp_path / "part.xlsx"
    assert cli("-C", str(repo), "export", "--year", "2024", "--unit", "tam-hong", "--out", str(book)).code == 0
    moved = repo / "assignments/2024/tam-hong/cuong-elsewhere.yaml"
    (repo / CUONG_2024).rename(moved)  # the same assignment in another file: imported in place, nothing to change
    assert cli("-C", str(repo), "import", str(book)).code == 0
    moved.write_text(moved.read_text(encoding="utf-8").replace("period: {from: 2024-01-01", "period: {from: 2024-02-01", 1), encoding="utf-8")
    before = {p: p.read_bytes() for p in repo.rglob("*.yaml")}  # now another period that overlaps: a second assignment
    run = cli("-C", str(repo), "import", str(book))
    assert run.code == 1 and "[ref.duplicate-assignment]" in run.out and "cuong-elsewhere.yaml" in run.out
    assert {p: p.read_bytes() for p in repo.rglob("*.yaml")} == before


# -- case 2: dates that cannot count ---------------------------------------------------------------

def test_an_outcome_after_the_period_is_flagged_and_counted_nowhere(cli, repo):
    path = repo / CUONG_2024
    text = path.read_text(encoding="utf-8")
    assert "    outcome: {done_on: 2024-12-05, value: 15}" in text
    path.write_text(text.replace("    outcome: {done_on: 2024-12-05, value: 15}", "    outcome: {done_on: 2025-01-10, value: 15}"), encoding="utf-8")
    run = cli("-C", str(repo), "validate", "--format", "json")
    assert [d["code"] for d in run.json()["diagnostics"]] == ["date.after-period"]
    doc = cli("-C", str(repo), "score", "2024", "--format", "json").json()
    (cuong,) = [c for c in doc["cadres"] if c["cadre"] == "le-van-cuong"]
    (task,) = [t for t in cuong["tasks"] if t["id"] == "02"]
    assert task["status"] == "not-done" and task["value_source"] != "outcome"
    rows = list(csv.DictReader(io.StringIO(cli("-C", str(repo), "export", "--year", "2024", "--format", "csv", "--csv-dialect", "plain").out)))
    (row,) = [r for r in rows if r["Mã cán bộ"] == "le-van-cuong" and r["Mã nhiệm vụ"] == "02"]
    assert row["Tình trạng"] == "không hoàn thành" and next(v for k, v in row.items() if k.startswith("Giá trị đạt được")) != "15"


# -- case 3: stale council scores ------------------------------------------------------------------

def test_an_outcome_recorded_after_the_council_makes_its_score_stale(cli, repo):
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    assert cli("-C", str(repo), "validate", "--strict").code == 0
    path = repo / "assignments/2024/yen-dong/hoang-van-em.yaml"  # the council scored its task 03 on 2024-12-26
    text = path.read_text(encoding="utf-8")
    marker = '  - id: "03"'
    head, tail = text.split(marker, 1)
    first, rest = tail.split("\n  - id:", 1) if "\n  - id:" in tail else (tail, None)
    assert "outcome:" in first
    changed = first.replace("outcome: {done_on:", "outcome: {quality_failures: 1, done_on:")
    path.write_text(head + marker + changed + ("\n  - id:" + rest if rest is not None else ""), encoding="utf-8")
    git(repo, "commit", "-qam", "record a failed quality check after the session")
    run = cli("-C", str(repo), "validate", "--format", "json")
    assert [(d["code"], d["severity"]) for d in run.json()["diagnostics"]] == [("eval.stale", "warning")]
    report = cli("-C", str(repo), "report", "--unit", "yen-dong", "--year", "2024").out
    assert "điểm hội đồng (ngày 26/12/2024) có trước một thay đổi" in report
    diff = subprocess_cli("-C", str(repo), "diff", "HEAD~1", "HEAD")
    assert "điểm đó nay đã cũ" in diff.out and "26/12/2024" in diff.out


# -- cases 4 and 5: an exact diff ------------------------------------------------------------------

@pytest.fixture
def committed(repo):
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    return repo


def diff_json(root: Path) -> dict:
    run = subprocess_cli("-C", str(root), "diff", "HEAD~1", "HEAD", "--format", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_2024_edit_touches_no_other_year_and_an_outcome_change_reads_from_to(committed):
    edit(committed, CUONG_2024, "    outcome: {done_on: 2024-12-05, value: 15}", "    outcome: {done_on: 2024-12-05, value: 11}")
    git(committed, "commit", "-qam", "outcome 15 → 11")
    doc = diff_json(committed)
    assert {i["year"] for i in doc["impacts"]} == {2024}
    assert {i["cadre"] for i in doc["impacts"]} == {"le-van-cuong"}
    (change,) = doc["changes"]
    assert change["kind"] == "outcome" and "giá trị 15 → 11" in change["message"] and "ghi kết quả" not in change["message"]


def test_a_cadre_whose_file_and_council_change_is_listed_once(committed):
    edit(committed, CUONG_2024, "    outcome: {done_on: 2024-12-05, value: 15}", "    outcome: {done_on: 2024-12-05, value: 11}")
    council = "evaluations/2024/hoi-dong-danh-gia-huyen-yen-lac.yaml"
    edit(committed, council, "  - cadre: vu-thi-giang\n", "  - cadre: le-van-cuong\n    tasks:\n      \"01\": {score: 1}\n  - cadre: vu-thi-giang\n")
    git(committed, "commit", "-qam", "both")
    text = subprocess_cli("-C", str(committed), "diff", "HEAD~1", "HEAD").out
    assert text.count("Lê Văn Cường (") == 1
    block = text.split("Lê Văn Cường (", 1)[1]
    assert "thay đổi giao việc; thay đổi điểm hội đồng" in block.splitlines()[0]
    assert CUONG_2024 in block and council in block
    doc = diff_json(committed)
    assert len([i for i in doc["impacts"] if i["cadre"] == "le-van-cuong"]) == 1

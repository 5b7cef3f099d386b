"""Whole-term tasks (issue 27, 3): a year is judged against its checkpoint and every output says so;
the term's target and due date are not the year's."""

from __future__ import annotations

import shutil

import pytest

from conftest import DATA

TERM = """apiVersion: giaoviec/v1
kind: Assignment
cadre: bt-a
unit: xa-1
position: Bí thư Đảng ủy xã
program: breakthrough
period: {from: 2025-07-01, to: 2030-06-30}
status: assigned
basis: {number: 2-QĐ/TU, date: 2025-07-01, issued_by: btv-tinh}
monitor: btv-tinh
tasks:
  - id: "01"
    what: Xây dựng 20 km đường giao thông nông thôn
    when: {due: 2030-06-30, checkpoints: [{by: 2025-12-31, target: 10}, {by: 2026-12-31, target: 12}, {by: 2027-12-31, target: 14}, {by: 2028-12-31, target: 16}, {by: 2029-12-31, target: 18}]}
    result: {product: Biên bản nghiệm thu đường, measure: {indicator: Số km đường, unit: km, target: 20}}
    responsibility: {accountable: bt-a}
    progress: [{date: 2025-12-20, value: 11}]
  - id: "02"
    what: Xây dựng 5 trường đạt chuẩn
    when: {due: 2030-06-30, checkpoints: [{by: 2025-12-31, target: 2}, {by: 2026-12-31, target: 3}, {by: 2027-12-31, target: 3}, {by: 2028-12-31, target: 4}, {by: 2029-12-31, target: 4}]}
    result: {product: Quyết định công nhận trường đạt chuẩn, measure: {indicator: Số trường, unit: trường, target: 5}}
    responsibility: {accountable: bt-a}
    progress: [{date: 2025-12-20, value: 1}]
"""


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "r"
    shutil.copytree(DATA / "moves", root)
    path = root / "assignments" / "2025-2030" / "xa-1" / "bt-a-term.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(TERM, encoding="utf-8")
    return root


def test_the_json_names_the_checkpoint_a_year_is_judged_on(cli, root):
    run = cli("-C", str(root), "score", "2025", "--unit", "xa-1", "--as-of", "2025-12-31", "--format", "json")
    assert run.code == 0, run.err
    row = next(c for c in run.json()["cadres"] if c["program"] == "breakthrough")
    tasks = {t["id"]: t for t in row["tasks"] if t.get("path", "").endswith("bt-a-term.yaml")}
    assert tasks["01"]["status"] == "exceeded" and tasks["01"]["checkpoint"] == {"by": "2025-12-31", "target": 10}
    assert tasks["02"]["status"] == "not-done" and tasks["02"]["checkpoint"] == {"by": "2025-12-31", "target": 2}


def test_the_report_shows_the_checkpoint_not_the_whole_task(cli, root):
    run = cli("-C", str(root), "report", "--year", "2025", "--unit", "xa-1")
    assert run.code == 0, run.err
    road = next(line for line in run.out.splitlines() if "Xây dựng 20 km" in line and line.startswith("|"))
    assert "10 km (mốc kiểm tra 31/12/2025)" in road and "vượt mức (mốc kiểm tra 31/12/2025)" in road
    assert "| 20 km |" not in road  # 11 of the term's 20 km is not "exceeded"
    listed = next(line for line in run.out.splitlines() if line.startswith("- ") and "Xây dựng 5 trường" in line)
    assert "hạn 31/12/2025, mốc kiểm tra của năm" in listed and "30/06/2030" not in listed  # not "overdue" against the term's due date
    drafts = [line for line in run.out.splitlines() if "Xây dựng 20 km" in line and not line.startswith("|")]
    assert drafts and all("vượt mức nhiệm vụ" not in line for line in drafts), drafts  # the strengths' draft: not the whole task
    assert any("Vượt mốc kiểm tra ngày 31/12/2025 của nhiệm vụ" in line for line in drafts), drafts


def test_a_checkpoint_year_and_the_term_are_judged_apart(cli, root):
    run = cli("-C", str(root), "score", "2026", "--unit", "xa-1", "--as-of", "2026-12-31", "--format", "json")
    row = next(c for c in run.json()["cadres"] if c["program"] == "breakthrough")
    assert {t["id"]: t["checkpoint"]["target"] for t in row["tasks"]} == {"01": 12, "02": 3}

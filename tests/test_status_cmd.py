"""`giaoviec status`: overdue, due soon, and missing check-ins for the current quarter."""

from __future__ import annotations

import json

from conftest import EXAMPLES

VP = EXAMPLES / "vinh-phuc"


def items(cli, *args):
    run = cli("-C", str(VP), "status", "--format", "json", *args)
    assert run.code == 0
    return [(i["kind"], i["task"]) for i in json.loads(run.out)["items"]]


def test_status_as_of_a_day(cli):
    # 2026-07-15: task 01 was due 30 June (overdue); 03 is done; 02 due 31 December; Q3 began 1 July
    assert items(cli, "--as-of", "2026-07-15") == [("overdue", "01"), ("no-check-in", "01"), ("no-check-in", "02")]


def test_due_soon_and_check_ins(cli):
    # 2026-12-10: 02 falls due within 30 days; both have no check-in since 1 October
    assert items(cli, "--as-of", "2026-12-10") == [("overdue", "01"), ("due-soon", "02"), ("no-check-in", "01"), ("no-check-in", "02")]
    # 2026-10-15 with --within 10: nothing due soon; the 30 September check-ins belong to Q3
    assert ("due-soon", "02") not in items(cli, "--as-of", "2026-10-15", "--within", "10")


def test_closed_files_and_other_units_are_left_out(cli):
    run = cli("-C", str(VP), "status", "--format", "json", "--as-of", "2022-10-15")
    paths = {i["path"] for i in json.loads(run.out)["items"]}
    # the 2022 files are closed; only the two multi-year assignments still in force owe check-ins
    assert paths == {"assignments/2021-2025/yen-lac/do-van-hai-breakthrough.yaml", "assignments/2022/so-noi-vu-vinh-phuc/ngo-thi-lan.yaml"}
    assert items(cli, "--as-of", "2026-07-15", "--unit", "tam-hong") == []


def test_text_output_in_vietnamese(cli):
    run = cli("-C", str(VP), "status", "--as-of", "2026-07-15")
    assert "Danh sách đôn đốc tính đến 15/07/2026" in run.out and "quá hạn 15 ngày (hạn 30/06/2026)" in run.out
    assert "assignments/2026/nguyet-duc-phu-tho/nguyen-van-an.yaml#01" in run.out
    assert cli("-C", str(VP), "status", "--unit", "khong-co").code == 2


def test_a_task_due_in_another_period_is_not_chased_as_overdue(cli, tmp_path):
    """Issue 27, 3: a task whose due date lies outside its file's period (date.outside-period) belongs
    to another period's list, not to this file's follow-up as overdue or due soon."""
    import shutil

    root = tmp_path / "vp"
    shutil.copytree(VP, root)
    path = root / "assignments" / "2026" / "nguyet-duc-phu-tho" / "nguyen-van-an.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("when: {due: 2026-06-30}", "when: {due: 2025-06-30}", 1), encoding="utf-8")
    run = cli("-C", str(root), "status", "--format", "json", "--as-of", "2026-07-15")
    listed = [(i["kind"], i["task"]) for i in json.loads(run.out)["items"]]
    assert ("overdue", "01") not in listed and ("no-check-in", "01") in listed

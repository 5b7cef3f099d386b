"""What rows of a task sheet produce: a task listed twice is refused at its second row; a finding
about a task points at the cell of the column it concerns (an empty one too), also when the
workbook lists the tasks of a file in another order; a date that does not exist is said so."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import copy_example
from test_sheets import HEADER, INFO, _row, exported_2022, workbook


@pytest.fixture
def repo(tmp_path):
    return copy_example(tmp_path / "vp")


def _yaml(repo) -> dict:
    return {p: p.read_bytes() for p in repo.rglob("*.yaml")}


def test_a_task_row_copied_in_an_export_is_refused_at_the_copy(cli, repo, tmp_path):
    book, wb, ws, col = exported_2022(cli, repo, tmp_path)
    r = _row(ws, col, "nguyen-van-an", "05")
    ws.append([c.value for c in ws[r]])  # the row copied below the others, its result changed
    copy = ws.max_row
    ws.cell(copy, col["Kết quả cuối cùng"]).value = 99
    wb.save(book)
    before = _yaml(repo)
    run = cli("-C", str(repo), "import", str(book))
    assert run.code == 1 and f"2022.xlsx#Nhiệm vụ:{copy}:{col['Mã nhiệm vụ']}: lỗi [ref.duplicate-id]" in run.out
    assert f"dòng {r}" in run.out and f"#Nhiệm vụ:{r}:" not in run.out
    assert _yaml(repo) == before


def test_a_task_listed_twice_in_a_new_workbook_is_refused(cli, repo, tmp_path):
    rows = [["Kết nạp 15 đảng viên mới", "01", "15/12/2027", "Quyết định kết nạp", "le-van-cuong", 1],
            ["Xây dựng nhà văn hóa thôn", "01", "30/09/2027", "Biên bản nghiệm thu", "le-van-cuong", 1]]
    run = cli("-C", str(repo), "import", str(workbook(tmp_path / "b.xlsx", HEADER, rows, dict(INFO))))
    assert run.code == 1 and "b.xlsx#Giao viec:3:2: lỗi [ref.duplicate-id]" in run.out
    assert not (repo / "assignments/2027").exists()


def test_a_finding_points_at_the_column_it_concerns(cli, repo, tmp_path):
    # the due date left empty: "chưa rõ thời gian" at the empty cell of "Hạn hoàn thành" (column C), not at the content (A)
    rows = [["Kết nạp 15 đảng viên mới", "01", None, "Quyết định kết nạp", "le-van-cuong", 1]]
    run = cli("-C", str(repo), "import", str(workbook(tmp_path / "b.xlsx", HEADER, rows, dict(INFO))))
    assert run.code == 1 and "b.xlsx#Giao viec:2:3: lỗi [clarity.when]" in run.out, run.out


def test_a_workbook_listing_a_file_s_tasks_in_another_order(cli, repo, tmp_path):
    book, wb, ws, col = exported_2022(cli, repo, tmp_path)
    first, fifth = _row(ws, col, "nguyen-van-an", "01"), _row(ws, col, "nguyen-van-an", "05")
    for c in range(1, ws.max_column + 1):  # tasks 01 and 05 change places
        a, b = ws.cell(first, c).value, ws.cell(fifth, c).value
        ws.cell(first, c).value, ws.cell(fifth, c).value = b, a
    ws.cell(first, col["Hạn hoàn thành"]).value = dt.datetime(2022, 12, 15)  # now task 05's row
    wb.save(book)
    run = cli("-C", str(repo), "import", str(book))
    assert run.code == 1 and f"#Nhiệm vụ:{first}:{col['Hạn hoàn thành']}: lỗi [amend.missing]" in run.out, run.out


def test_a_date_that_does_not_exist(cli, repo, tmp_path):
    rows = [["Kết nạp 15 đảng viên mới", "01", "31/09/2027", "Quyết định kết nạp", "le-van-cuong", 1]]
    run = cli("-C", str(repo), "import", str(workbook(tmp_path / "b.xlsx", HEADER, rows, dict(INFO))))
    assert run.code == 1 and "b.xlsx#Giao viec:2:3: lỗi [sheet.date]" in run.out
    assert "không có trên lịch" in run.out and "không phải ngày" not in run.out


def test_an_unknown_name_in_the_support_column_is_answered_at_its_cell(cli, repo, tmp_path):
    from openpyxl import load_workbook

    from conftest import EXAMPLES

    wb = load_workbook(EXAMPLES / "templates" / "giao-viec.xlsx")
    ws = wb["Nhiệm vụ"]
    ws["D3"] = "Ủy ban nhân dân xã Tam Hồngg"  # "Phối hợp", column D
    book = tmp_path / "t.xlsx"
    wb.save(book)
    run = cli("-C", str(repo), "import", str(book))
    assert run.code == 1 and "t.xlsx#Nhiệm vụ:3:4: lỗi [ref.unknown]" in run.out, run.out
    ws["D3"] = None
    ws["F2"] = None  # "Hạn hoàn thành", column F, left empty
    wb.save(book)
    run = cli("-C", str(repo), "import", str(book))
    assert run.code == 1 and "t.xlsx#Nhiệm vụ:2:6: lỗi [clarity.when]" in run.out, run.out


def test_a_status_changed_in_the_workbook_is_said_once_in_words(cli, repo, tmp_path):
    book, wb, ws, col = exported_2022(cli, repo, tmp_path)
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, col["Mã cán bộ"]).value == "nguyen-van-an":
            ws.cell(r, col["Trạng thái"]).value = "đã giao"
    wb.save(book)
    run = cli("-C", str(repo), "import", str(book), "--dry-run")
    assert run.code == 0, run.out
    assert run.out.count("trạng thái") == 1 and "trạng thái: đã kết thúc → đã giao" in run.out, run.out

"""Spreadsheets: import → export → import is a fixed point; the layouts people have import; errors
point at sheet, row and column; the council's sheet goes out and comes back; LibreOffice reads
what export writes."""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import EXAMPLES, copy_example

VP = EXAMPLES / "vinh-phuc"
YEN_LAC_2022 = ["assignments/2022/nguyet-duc", "assignments/2022/tam-hong", "assignments/2022/yen-dong",
                "assignments/2022/trung-nguyen", "assignments/2021-2025/yen-lac"]


@pytest.fixture
def repo(tmp_path):
    return copy_example(tmp_path / "vp")


def cells(path: Path) -> list[list]:
    """The columns `import` reads (the assigned terms), not the results (status, actual, points),
    which come from check-ins and outcomes recorded later."""
    wb = load_workbook(path, data_only=True)
    rows = [[c.value for c in row] for row in wb["Nhiệm vụ"].iter_rows()]
    end = rows[0].index("Tình trạng")
    return [row[:end] for row in rows]


def test_import_export_import_is_a_fixed_point(cli, repo, tmp_path):
    first = tmp_path / "first.xlsx"
    assert cli("-C", str(repo), "export", "--year", "2022", "--unit", "yen-lac", "--out", str(first)).code == 0
    for folder in YEN_LAC_2022:
        for f in (repo / folder).glob("*.yaml"):
            f.unlink()
    run = cli("-C", str(repo), "import", str(first))
    assert run.code == 0, run.out + run.err
    assert run.out.count("mới: ") == 7
    assert cli("-C", str(repo), "validate", "--strict").code == 0
    imported = {p: p.read_bytes() for p in (repo / "assignments").rglob("*.yaml")}
    second = tmp_path / "second.xlsx"
    cli("-C", str(repo), "export", "--year", "2022", "--unit", "yen-lac", "--out", str(second))
    assert cells(second) == cells(first)  # the same assigned terms, cell for cell
    again = cli("-C", str(repo), "import", str(second))
    assert again.code == 0 and again.out.count("không đổi: ") == 7
    assert {p: p.read_bytes() for p in (repo / "assignments").rglob("*.yaml")} == imported


def workbook(path: Path, header: list[str], rows: list[list], info: dict | None = None, merged_title: str | None = None):
    wb = Workbook()
    ws = wb.active
    ws.title = "Giao viec"
    if merged_title:  # a two-row header: a group title merged over some columns
        ws.append([merged_title] + [None] * (len(header) - 1))
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=3)
    ws.append(header)
    for row in rows:
        ws.append(row)
    if info:
        sheet = wb.create_sheet("Thông tin")
        for key, value in info.items():
            sheet.append([key, value])
    wb.save(path)
    return path


HEADER = ["Noi dung nhiem vu", "Ma", "Han hoan thanh", "San pham", "Nguoi chiu trach nhiem", "Trong so"]
INFO = {"Mã cán bộ": "le-van-cuong", "Mã đơn vị": "tam-hong", "Hình thức": "Nhiệm vụ trọng tâm", "Từ ngày": dt.date(2027, 1, 1),
        "Đến ngày": "31/12/2027", "Trạng thái": "proposed"}


def test_layout_variants(cli, repo, tmp_path):
    # no diacritics, another column order, text dates, a merged title row, the header in a sheet "Thông tin"
    rows = [["Kết nạp 15 đảng viên mới", 1, "15/12/2027", "Quyết định kết nạp đảng viên", "le-van-cuong", "2,5"],
            ["Xây dựng 1 nhà văn hóa thôn", "2", dt.datetime(2027, 9, 30), "Biên bản nghiệm thu", "le-van-cuong", 1]]
    path = workbook(tmp_path / "a.xlsx", HEADER, rows, INFO, merged_title="KẾ HOẠCH GIAO VIỆC NĂM 2027")
    run = cli("-C", str(repo), "import", str(path))
    assert run.code == 0, run.out
    text = (repo / "assignments/2027/tam-hong/le-van-cuong.yaml").read_text(encoding="utf-8")
    assert 'id: "01"' in text and "due: 2027-12-15" in text and "weight: 2.5" in text and "due: 2027-09-30" in text
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/assignment.schema.json")
    assert cli("-C", str(repo), "validate").code == 0


@pytest.mark.parametrize("change,expected", [
    (lambda info, rows: info.update({"Mã cán bộ": "le-van-cuongg"}), ("ref.unknown", "Thông tin", 1, 2)),
    (lambda info, rows: rows[0].__setitem__(2, "31/02/2027"), ("sheet.date", "Giao viec", 2, 3)),
    (lambda info, rows: rows[1].__setitem__(5, "hai"), ("sheet.number", "Giao viec", 3, 6)),
    (lambda info, rows: rows[1].__setitem__(4, "xa-tam-hong"), ("ref.unknown", "Giao viec", 3, 5)),
])
def test_errors_point_at_the_cell_and_nothing_is_written(cli, repo, tmp_path, change, expected):
    info = dict(INFO)
    rows = [["Kết nạp 15 đảng viên mới", "01", "15/12/2027", "Quyết định kết nạp", "le-van-cuong", 1],
            ["Xây dựng nhà văn hóa thôn", "02", "30/09/2027", "Biên bản nghiệm thu", "le-van-cuong", 1]]
    change(info, rows)
    path = workbook(tmp_path / "b.xlsx", HEADER, rows, info)
    run = cli("-C", str(repo), "import", str(path))
    code, sheet, row, column = expected
    assert run.code == 1 and "Chưa ghi gì" in run.err
    assert f"b.xlsx#{sheet}:{row}:{column}:" in run.out and f"[{code}]" in run.out
    assert not (repo / "assignments/2027").exists()


def test_missing_column(cli, repo, tmp_path):
    path = workbook(tmp_path / "c.xlsx", ["Ma", "Han hoan thanh", "San pham"], [["01", "15/12/2027", "x"]], INFO)
    run = cli("-C", str(repo), "import", str(path))
    assert run.code == 1 and "[sheet.missing-sheet]" in run.out


def test_scoring_sheet_round_trip(cli, repo, tmp_path):
    sheet = tmp_path / "phieu.xlsx"
    (repo / "evaluations/2024/hoi-dong-danh-gia-huyen-yen-lac.yaml").unlink()  # this session is entered from the sheet
    assert cli("-C", str(repo), "export", "--scoring-sheet", "--year", "2024", "--unit", "yen-lac", "--out", str(sheet)).code == 0
    wb = load_workbook(sheet)
    ws = wb["le-van-cuong"]
    ws["B6"] = 27  # general criteria
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(rows["01"], 6).value = 2.5
    ws.cell(rows["01"], 7).value = "Đạt, vượt chỉ tiêu"
    ws.cell(rows["02"], 6).value = 2
    wb.save(sheet)
    run = cli("-C", str(repo), "import", "--evaluation", str(sheet), "--council", "hoi-dong-danh-gia-huyen-yen-lac")
    assert run.code == 0, run.out
    text = (repo / "evaluations/2024/hoi-dong-danh-gia-huyen-yen-lac.yaml").read_text(encoding="utf-8")
    assert "cadre: le-van-cuong" in text and "general: 27" in text and "score: 2.5" in text
    # the sheet's scores now count: task 01 gets the council's 2.5 of its weight 3
    import json

    doc = json.loads(cli("-C", str(repo), "score", "2024", "--format", "json").out)
    cuong = next(c for c in doc["cadres"] if c["cadre"] == "le-van-cuong")
    assert next(t for t in cuong["tasks"] if t["id"] == "01")["points"] == 2.5
    # a score above the weight and an unknown task are refused at their cells
    ws = wb["le-van-cuong"]
    ws.cell(rows["02"], 6).value = 7
    ws.cell(ws.max_row + 1, 1).value = "99"
    ws.cell(ws.max_row, 6).value = 1
    wb.save(sheet)
    (repo / "evaluations/2024/hoi-dong-danh-gia-huyen-yen-lac.yaml").unlink()
    run = cli("-C", str(repo), "import", "--evaluation", str(sheet), "--council", "hoi-dong-danh-gia-huyen-yen-lac")
    assert run.code == 1
    assert f"phieu.xlsx#le-van-cuong:{rows['02']}:6:" in run.out and f"phieu.xlsx#le-van-cuong:{ws.max_row}:1:" in run.out


def test_csv_and_json(cli):
    run = cli("-C", str(VP), "export", "--year", "2022", "--unit", "tam-hong", "--format", "csv")
    rows = list(csv.reader(run.out.splitlines()))
    assert rows[0][:3] == ["Mã cán bộ", "Họ và tên", "Mã đơn vị"] and len(rows) == 1 + 4 + 3
    import json

    doc = json.loads(cli("-C", str(VP), "export", "--year", "2022", "--unit", "tam-hong", "--format", "json").out)
    assert len(doc["tasks"]) == 7 and {c["Mã cán bộ"] for c in doc["cadres"]} == {"le-van-cuong", "pham-thi-dung"}


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None and os.environ.get("CI", "").lower() not in ("1", "true", "yes"), reason="LibreOffice is not installed")
def test_libreoffice_reads_the_export(cli, tmp_path):
    book = tmp_path / "giao-viec.xlsx"
    assert cli("-C", str(VP), "export", "--year", "2022", "--unit", "tam-hong", "--out", str(book)).code == 0
    profile = tmp_path / "lo-profile"
    proc = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                           "--outdir", str(tmp_path), str(book)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader((tmp_path / "giao-viec.csv").read_text(encoding="utf-8").splitlines()))
    assert rows[0][0] == "Mã cán bộ" and rows[0][13] == "Nội dung nhiệm vụ"
    first = rows[1]
    assert first[0] == "le-van-cuong" and first[1] == "Lê Văn Cường" and first[13].startswith("Hoàn thành xây dựng chợ Tam Hồng")
    assert first[5] == "01/01/2022" and first[17] == "30/11/2022"  # dates are dates, shown dd/mm/yyyy
    assert len(rows) == 8


def test_the_shipped_template_imports(cli, repo):
    template = EXAMPLES / "templates" / "giao-viec.xlsx"
    run = cli("-C", str(repo), "import", str(template), "--dry-run")
    assert run.code == 0, run.out
    assert "mới: assignments/2027/tam-hong/le-van-cuong.yaml" in run.out and "direction: decrease" in run.out
    assert not (repo / "assignments/2027").exists()  # --dry-run writes nothing

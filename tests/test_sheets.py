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
    assert again.code == 0 and again.out == "" and "Không có thay đổi" in again.err
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
    run = cli("-C", str(VP), "export", "--year", "2022", "--unit", "tam-hong", "--format", "csv", "--csv-dialect", "plain")
    rows = list(csv.reader(run.out.splitlines()))
    assert rows[0][:3] == ["Mã cán bộ", "Họ và tên", "Mã đơn vị"] and len(rows) == 1 + 4 + 3
    import json

    doc = json.loads(cli("-C", str(VP), "export", "--year", "2022", "--unit", "tam-hong", "--format", "json").out)
    assert len(doc["tasks"]) == 7 and {c["Mã cán bộ"] for c in doc["cadres"]} == {"le-van-cuong", "pham-thi-dung"}


@pytest.mark.parametrize("year", ["2022", "2019"], ids=["tasks", "none"])
def test_the_json_export_written_a_row_at_a_time_is_one_json_dumps(cli, year):
    """Tasks and cadres are written one at a time; the text is what json.dumps of the whole gives
    (also when there is no task and no cadre)."""
    import json

    text = cli("-C", str(VP), "export", "--year", year, "--format", "json").out
    doc = json.loads(text)
    assert (len(doc["tasks"]) > 0) == (year == "2022") and (len(doc["cadres"]) > 0) == (year == "2022")
    assert text == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


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


def _office(args: list[str], tmp_path: Path) -> None:
    profile = tmp_path / "lo-profile"
    proc = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{profile}", *args], capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.skipif(SOFFICE is None and os.environ.get("CI", "").lower() not in ("1", "true", "yes"), reason="LibreOffice is not installed")
def test_libreoffice_keeps_numbers_and_dates_and_prints_in_the_pages_the_docs_state(cli, tmp_path):
    """docs/bang-tinh.md: the example's 2022 export prints on 3 landscape A4 pages (2 of tasks, 1 of
    totals), the council's sheet on one page per cadre (8)."""
    import pypdfium2 as pdfium

    export, scoring = tmp_path / "giao-viec.xlsx", tmp_path / "phieu-cham.xlsx"
    assert cli("-C", str(VP), "export", "--year", "2022", "--out", str(export)).code == 0
    assert cli("-C", str(VP), "export", "--year", "2022", "--scoring-sheet", "--out", str(scoring)).code == 0
    saved = tmp_path / "saved"  # what LibreOffice makes of the workbook, saved again as xlsx
    _office(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(saved), str(export)], tmp_path)
    ws = load_workbook(saved / "giao-viec.xlsx")["Nhiệm vụ"]
    col = {c.value: i + 1 for i, c in enumerate(ws[1])}
    r = _row(ws, col, "nguyen-van-an", "10")
    assert ws.cell(r, col["Giá trị cần đạt"]).value == 12.5 and ws.cell(r, col["Trọng số"]).value == 4
    assert ws.cell(r, col["Hạn hoàn thành"]).is_date and ws.cell(r, col["Hạn hoàn thành"]).value.date() == dt.date(2022, 12, 31)
    assert ws.cell(r, col["Mã nhiệm vụ"]).value == "10" and ws.cell(_row(ws, col, "nguyen-van-an", "01"), col["Mã nhiệm vụ"]).value == "01"
    assert ws.column_dimensions["A"].hidden and not ws.column_dimensions["B"].hidden  # the cadre's code folded, the name shown
    pdfs = tmp_path / "pdf"
    _office(["--convert-to", "pdf", "--outdir", str(pdfs), str(export), str(scoring)], tmp_path)
    pages = {name: pdfium.PdfDocument(str(pdfs / f"{name}.pdf")) for name in ("giao-viec", "phieu-cham")}
    assert (len(pages["giao-viec"]), len(pages["phieu-cham"])) == (3, 8)
    for doc in pages.values():
        width, height = doc[0].get_size()
        assert width > height and round(width / 72 * 25.4) == 297  # landscape A4


def test_the_shipped_template_imports(cli, repo):
    template = EXAMPLES / "templates" / "giao-viec.xlsx"
    run = cli("-C", str(repo), "import", str(template), "--dry-run")
    assert run.code == 0, run.out
    assert "mới: assignments/2027/tam-hong/le-van-cuong.yaml" in run.out and "direction: decrease" in run.out
    assert not (repo / "assignments/2027").exists()  # --dry-run writes nothing


# -- the round trip (issue 14) -----------------------------------------------------------------------

def test_export_then_import_is_a_no_op_for_every_year_of_the_example(cli, repo, tmp_path):
    before = {p: p.read_bytes() for p in repo.rglob("*.yaml")}
    for year in (2021, 2022, 2024, 2025, 2026):
        book = tmp_path / f"{year}.xlsx"
        assert cli("-C", str(repo), "export", "--year", str(year), "--out", str(book)).code in (0, 1)
        run = cli("-C", str(repo), "import", str(book))
        assert run.code == 0 and run.out == "" and "Không có thay đổi" in run.err, (year, run.out, run.err)
    assert {p: p.read_bytes() for p in repo.rglob("*.yaml")} == before


def _row(ws, col, cadre, task):
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col["Mã cán bộ"]).value == cadre and ws.cell(r, col["Mã nhiệm vụ"]).value == task)


def exported_2022(cli, repo, tmp_path):
    """The example's 2022 export: (the file, the workbook, its task sheet, column number by header)."""
    book = tmp_path / "2022.xlsx"
    assert cli("-C", str(repo), "export", "--year", "2022", "--out", str(book)).code == 0
    wb = load_workbook(book)
    ws = wb["Nhiệm vụ"]
    return book, wb, ws, {c.value: i + 1 for i, c in enumerate(ws[1])}


def test_five_changed_cells_change_exactly_five_values(cli, repo, tmp_path):
    import datetime as dt
    import difflib

    _book, wb, ws, col = exported_2022(cli, repo, tmp_path)
    ws.cell(_row(ws, col, "nguyen-van-an", "01"), col["Sản phẩm"]).value = "Quyết định xử lý 12 vụ vi phạm"  # text
    ws.cell(_row(ws, col, "nguyen-van-an", "05"), col["Minh chứng"]).value = "Biên bản nghiệm thu ngày 28/11/2022; Công văn 99/TNMT"  # a list
    r = _row(ws, col, "pham-thi-dung", "01")  # a new check-in: a date, a number, a text
    ws.cell(r, col["Ngày báo cáo gần nhất"]).value = dt.datetime(2022, 11, 30)
    ws.cell(r, col["Giá trị báo cáo gần nhất"]).value = 8.1
    ws.cell(r, col["Nội dung báo cáo gần nhất"]).value = "Thu đạt 90% kế hoạch"
    ws.cell(_row(ws, col, "nguyen-van-an", "10"), col["Điểm hội đồng"]).value = 3  # the council's session file
    ws.cell(_row(ws, col, "tran-thi-binh", "02"), col["Kết quả cuối cùng"]).value = 41  # a number in a flow mapping
    ws.cell(_row(ws, col, "tran-thi-binh", "01"), col["Người chủ trì"]).value = "Trần Thi Binh"  # a name, not a code: the same person
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    before = {p.relative_to(repo).as_posix(): p.read_text(encoding="utf-8") for p in repo.rglob("*.yaml")}
    dry = cli("-C", str(repo), "import", str(edited), "--dry-run")
    assert dry.code == 0 and "giá trị 40 → 41" in dry.out and "điểm hội đồng: 2,5 → 3" in dry.out
    assert {p.relative_to(repo).as_posix(): p.read_text(encoding="utf-8") for p in repo.rglob("*.yaml")} == before
    run = cli("-C", str(repo), "import", str(edited))
    assert run.code == 0, run.out + run.err
    after = {p.relative_to(repo).as_posix(): p.read_text(encoding="utf-8") for p in repo.rglob("*.yaml")}
    diff = {path: [line for line in difflib.unified_diff(before[path].splitlines(), after[path].splitlines(), lineterm="", n=0)
                   if line[:1] in "+-" and line[:3] not in ("+++", "---")] for path in before if before[path] != after[path]}
    assert diff == {
        "assignments/2022/nguyet-duc/nguyen-van-an.yaml": [
            "-      product: Quyết định xử lý và biên bản khắc phục đối với 12 vụ", "+      product: Quyết định xử lý 12 vụ vi phạm",
            "-      evidence: [Biên bản nghiệm thu ngày 28/11/2022]", "+      evidence: [Biên bản nghiệm thu ngày 28/11/2022, Công văn 99/TNMT]"],
        "assignments/2022/nguyet-duc/tran-thi-binh.yaml": [
            "-    outcome: {done_on: 2022-11-20, value: 40, evidence: [Quyết định 2301/QĐ-UBND huyện]}",
            "+    outcome: {done_on: 2022-11-20, value: 41, evidence: [Quyết định 2301/QĐ-UBND huyện]}"],
        "assignments/2022/tam-hong/pham-thi-dung.yaml": [
            "+    progress:", "+      - date: 2022-11-30", "+        value: 8.1", "+        note: Thu đạt 90% kế hoạch"],
        "evaluations/2022/hoi-dong-danh-gia-huyen-yen-lac.yaml": [
            '-      "10": {score: 2.5, note: "Đạt 94,4% kế hoạch thu"}', '+      "10": {score: 3, note: "Đạt 94,4% kế hoạch thu"}'],
    }
    assert cli("-C", str(repo), "validate").code == 0


def test_a_changed_term_needs_its_amendment_at_its_cell(cli, repo, tmp_path):
    import datetime as dt

    book, wb, ws, col = exported_2022(cli, repo, tmp_path)
    r = _row(ws, col, "nguyen-van-an", "05")
    ws.cell(r, col["Hạn hoàn thành"]).value = dt.datetime(2022, 12, 15)
    wb.save(book)
    before = {p: p.read_bytes() for p in repo.rglob("*.yaml")}
    run = cli("-C", str(repo), "import", str(book))
    assert run.code == 1 and f"2022.xlsx#Nhiệm vụ:{r}:{col['Hạn hoàn thành']}: lỗi [amend.missing]" in run.out
    assert "hạn hoàn thành thay đổi từ 30/11/2022 thành 15/12/2022" in run.out
    assert {p: p.read_bytes() for p in repo.rglob("*.yaml")} == before


def test_names_are_answered_at_their_cell(cli, repo, tmp_path):
    book, wb, ws, col = exported_2022(cli, repo, tmp_path)
    r = _row(ws, col, "tran-thi-binh", "01")
    ws.cell(r, col["Người chủ trì"]).value = "Trần Thị Bìnhh"
    r2 = _row(ws, col, "nguyen-van-an", "01")
    ws.cell(r2, col["Trạng thái"]).value = "xong rồi"
    wb.save(book)
    run = cli("-C", str(repo), "import", str(book))
    assert run.code == 1
    assert f"#Nhiệm vụ:{r}:{col['Người chủ trì']}: lỗi [ref.unknown]" in run.out and "có phải Trần Thị Bình (tran-thi-binh) không?" in run.out
    assert f"#Nhiệm vụ:{r2}:{col['Trạng thái']}: lỗi [sheet.value]" in run.out and "đã kết thúc" in run.out


def test_a_layout_the_editor_cannot_change_is_left_alone(cli, tmp_path):
    from conftest import build_repo

    root = build_repo(tmp_path)
    path = root / "assignments/2022/xa-a/can-bo-a.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    result: {product: Nhà văn hóa được nghiệm thu}\n", "    result:\n      measure:\n        indicator: Số nhà\n")
    path.write_text(text, encoding="utf-8")
    book = workbook(tmp_path / "b.xlsx", ["Mã nhiệm vụ", "Nội dung nhiệm vụ", "Tên chỉ tiêu"],
                    [["02", "Xây dựng nhà văn hóa thôn Đông", None]],
                    info={"Mã cán bộ": "can-bo-a", "Mã đơn vị": "xa-a", "Từ ngày": "01/01/2022", "Đến ngày": "31/12/2022"})
    run = cli("-C", str(root), "import", str(book))
    assert run.code == 1 and "[sheet.layout]" in run.out and "khóa duy nhất của bảng" in run.out
    assert path.read_text(encoding="utf-8") == text


def test_csv_for_excel_and_for_programs(cli):
    excel = cli("-C", str(VP), "export", "--year", "2022", "--unit", "tam-hong", "--format", "csv").out
    head, first = excel.splitlines()[:2]
    assert head.startswith("Mã cán bộ;Họ và tên;") and ";01/01/2022;31/12/2022;" in first and ";12,5;" not in head
    assert ";9;" in first or ";9,4;" in excel
    plain = cli("-C", str(VP), "export", "--year", "2022", "--unit", "tam-hong", "--format", "csv", "--csv-dialect", "plain").out
    assert plain.splitlines()[0].startswith("Mã cán bộ,Họ và tên,") and ",2022-01-01,2022-12-31," in plain


def test_the_workbook_has_drop_downs_text_ids_and_a_print_setup(cli, tmp_path):
    from openpyxl import load_workbook

    book = tmp_path / "x.xlsx"
    cli("-C", str(VP), "export", "--year", "2022", "--out", str(book))
    wb = load_workbook(book)
    ws = wb["Nhiệm vụ"]
    col = {c.value: i + 1 for i, c in enumerate(ws[1])}
    assert ws.cell(2, col["Mã nhiệm vụ"]).value == "01" and ws.cell(2, col["Mã nhiệm vụ"]).number_format == "@"
    assert ws.cell(2, col["Trạng thái"]).value == "đã kết thúc" and ws.cell(2, col["Hình thức"]).value == "nhiệm vụ trọng tâm"
    validated = {str(dv.sqref).split(":")[0].rstrip("0123456789") for dv in ws.data_validations.dataValidation}
    from openpyxl.utils import get_column_letter

    assert {get_column_letter(col[h]) for h in ("Trạng thái", "Hình thức", "Chiều", "Người chủ trì")} <= validated
    assert wb["Danh mục"].sheet_state == "hidden" and "đã giao" in [c.value for c in wb["Danh mục"]["A"]]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1 and ws.print_title_rows.replace("$", "") == "1:1"
    assert isinstance(ws.cell(2, col["Giá trị cần đạt"]).value, (int, float)) and ws.cell(2, col["Từ ngày"]).is_date


def test_the_info_sheet_takes_names_and_labels_and_answers_once_at_the_cell(cli, repo, tmp_path):
    wb = load_workbook(EXAMPLES / "templates" / "giao-viec.xlsx")
    info = wb["Thông tin"]
    rows = {info.cell(r, 1).value: r for r in range(1, info.max_row + 1)}
    info.cell(rows["Mã cán bộ"], 2).value = "Lê Văn Cường"  # a name, not a code
    info.cell(rows["Trạng thái"], 2).value = "xong rồi"
    book = tmp_path / "t.xlsx"
    wb.save(book)
    run = cli("-C", str(repo), "import", str(book), "--dry-run")
    assert run.code == 1
    errors = [line for line in run.out.splitlines() if ": lỗi [" in line]
    assert errors == [f"t.xlsx#Thông tin:{rows['Trạng thái']}:2: lỗi [sheet.value] 'xong rồi' không phải một trong: đề xuất, đã thẩm định, đã giao, đã kết thúc."]

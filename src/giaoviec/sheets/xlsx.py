"""Workbooks out: the export (one row per task, the cadre totals) and the council's scoring sheet
(one sheet per cadre, the score column empty, to fill in and import again)."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from giaoviec.compute.year import YearResult
from giaoviec.i18n import Gettext
from giaoviec.render import incomplete
from giaoviec.render.escape import is_formula_like, visible
from giaoviec.render.export import COLUMNS, COMPUTED, DATE_COLUMNS, PRINTED, TEXT_COLUMNS, TOTALS, WRAPPED, headers, rows
from giaoviec.render.report import Models
from giaoviec.words import ASSIGNMENT_STATUS, PROGRAM, STATUS, word

SCORE_HEAD = ("Mã nhiệm vụ", "Nội dung nhiệm vụ", "Trọng số", "Tình trạng (máy tính)", "Điểm (máy tính)", "Điểm hội đồng", "Nhận xét")


def put(ws, values: list) -> None:
    """A row whose text cells are text, never formulas (openpyxl makes "=…" a formula), and hold
    no character a workbook cannot store."""
    ws.append([visible(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str) and is_formula_like(cell.value):
            cell.data_type = "s"


def _sheet(ws, heads: list[str], widths: list[int], data_rows, printed: set[str] | None = None) -> None:
    """A table: bold header row (frozen, filtered, repeated on every printed page), dates as dates,
    ids as text; with `printed`, the other columns are folded so that the page shows what a reader needs."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    put(ws, heads)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF4")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in data_rows:
        put(ws, row)
    for i, (header, width) in enumerate(zip(heads, widths, strict=True), 1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = width
        if header in DATE_COLUMNS:
            for cell in ws[letter][1:]:
                cell.number_format = "DD/MM/YYYY"
        elif header in TEXT_COLUMNS:
            for cell in ws[letter][1:]:
                cell.number_format = "@"  # text: "01" stays "01" when someone types over it
        elif header in COMPUTED or header.startswith("Giá trị đạt được"):
            for cell in ws[letter][1:]:
                cell.fill = PatternFill("solid", fgColor="F2F2F2")  # computed by giaoviec: changing it changes nothing
        for cell in ws[letter][1:]:  # every cell at the top of its row, long text wrapped
            cell.alignment = Alignment(wrap_text=header in WRAPPED, vertical="top")
    _fit_rows(ws, [w if h in WRAPPED else 0 for h, w in zip(heads, widths, strict=True)], widths)
    if printed is not None:
        folded = [i for i, h in enumerate(heads, 1) if h not in printed and not h.startswith("Giá trị đạt được")]
        for first, last in _runs(folded):
            ws.column_dimensions.group(get_column_letter(first), get_column_letter(last), outline_level=1, hidden=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    _print_setup(ws, "1:1")


LINE_HEIGHT = 15  # points, for the default 11-point font


def _lines(value: object, width: int) -> int:
    """How many lines a wrapped text takes in a column `width` characters wide (words kept whole, a
    little generously: a row cut short hides text, a row a line too tall does not)."""
    if width <= 0 or not isinstance(value, str) or not value:
        return 1
    count = 0
    for paragraph in value.split("\n"):
        line = 0
        count += 1
        for word_ in paragraph.split():
            if line and line + 1 + len(word_) > width:
                count += 1
                line = len(word_)
            else:
                line += len(word_) + (1 if line else 0)
            count += (len(word_) - 1) // width  # a word longer than the column breaks inside itself
    return count


def _fit_rows(ws, wrapped_widths: list[int], widths: list[int]) -> None:
    """Row heights that show every wrapped line: neither Excel nor LibreOffice sizes the rows of a
    file it opens, so a wrapped cell would print over the next row. The header row wraps everywhere."""
    for row in ws.iter_rows():
        widths_here = [w - 2 for w in widths] if row[0].row == 1 else wrapped_widths  # the header is bold
        lines = max((_lines(c.value, w) for c, w in zip(row, widths_here, strict=False)), default=1)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = LINE_HEIGHT * lines


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 5] → [(1, 3), (5, 5)]."""
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and out[-1][1] == n - 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def _print_setup(ws, title_rows: str) -> None:
    """Landscape A4, as wide as the page, the header rows on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5


LISTS_SHEET = "Danh mục"


def _drop_downs(wb, ws, heads: list[str], result: YearResult, _: Gettext) -> None:
    """Choices for the coded columns (status, program, direction) and the cadres, from a sheet of
    lists; a value outside them is allowed (a code typed by hand) after a warning."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = wb.create_sheet(LISTS_SHEET)
    columns = {
        "Trạng thái": [word(ASSIGNMENT_STATUS, k, _) for k in ASSIGNMENT_STATUS],
        "Hình thức": [word(PROGRAM, k, _) for k in PROGRAM],
        "Chiều": ["tăng", "giảm"],
        "Người chủ trì": sorted(entry.item.name for entry in result.repo.cadres.values()),
    }
    for n, (header, values) in enumerate(columns.items(), 1):
        letter = get_column_letter(n)
        for r, value in enumerate([header, *values], 1):
            cell = lists.cell(r, n, visible(value))
            if is_formula_like(cell.value):
                cell.data_type = "s"  # a name that starts with "=" stays a name
        if header not in heads:
            continue
        target = get_column_letter(heads.index(header) + 1)
        dv = DataValidation(type="list", formula1=f"='{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}", allow_blank=True,
                            showErrorMessage=True, errorStyle="warning", errorTitle="giaoviec",
                            error="Giá trị không có trong danh mục; vẫn ghi được nếu đó là mã (giaoviec import sẽ kiểm tra).")
        ws.add_data_validation(dv)
        dv.add(f"{target}2:{target}{max(ws.max_row, 2) + 200}")
    lists.sheet_state = "hidden"


def as_xlsx(result: YearResult, models: Models, _: Gettext, out: BinaryIO) -> None:
    from openpyxl import Workbook

    tasks_rows, totals = rows(result, models, _)
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    heads = headers(result)
    _sheet(ws, heads, [w for _h, w in COLUMNS], tasks_rows, PRINTED)
    _drop_downs(wb, ws, heads, result, _)
    _sheet(wb.create_sheet("Tổng hợp"), [h for h, _w in TOTALS], [w for _h, w in TOTALS], totals)
    _left_out_sheet(wb, result, _)
    wb.properties.creator = "giaoviec"
    wb.properties.created = wb.properties.modified = dt.datetime(result.year, 12, 31)  # the same data, the same file
    wb.save(out)


LEFT_OUT_SHEET = "Chưa đầy đủ"


def _left_out_sheet(wb, result: YearResult, _: Gettext) -> None:
    """A first sheet, shown on opening, that says what the workbook leaves out (none when complete)."""
    from openpyxl.styles import Font

    lines = incomplete.lines(result.left_out, result.repo, _)
    if not lines:
        return
    ws = wb.create_sheet(LEFT_OUT_SHEET, 0)
    for line in lines:
        put(ws, [line])
    ws["A1"].font = Font(bold=True, color="C62828")
    ws.column_dimensions["A"].width = 140
    wb.active = 0


def scoring_sheet(result: YearResult, models: Models, _: Gettext, out: BinaryIO) -> None:
    """One sheet per cadre: the tasks with an empty score column, and the general criteria cell."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for s in result.assignments:
        m = models[s.key]
        title = m.cadre[:28]
        while title in used:
            title = title[:26] + f"{len(used):02d}"
        used.add(title)
        ws = wb.create_sheet(title)
        head = [("Mã cán bộ", m.cadre), ("Họ và tên", result.repo.name(m.cadre)), ("Hình thức", word(PROGRAM, m.program, _)),
                ("Kỳ đánh giá từ", s.window.start), ("Kỳ đánh giá đến", s.window.end), ("Điểm tiêu chí chung", None)]
        for label, value in head:
            put(ws, [label, value])
        put(ws, [])
        put(ws, list(SCORE_HEAD))
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        scores = {t.id: t for t in s.tasks}
        for t in m.tasks:
            ts = scores.get(t.id)
            if ts is None or ts.status == "cancelled":
                continue
            put(ws, [t.id, t.what, t.weight, word(STATUS, ts.status, _), round(ts.computed or 0, 2), None, None])
            ws.cell(ws.max_row, 6).fill = PatternFill("solid", fgColor="FFF8DC")
        ws.cell(6, 2).fill = PatternFill("solid", fgColor="FFF8DC")
        for col, width in zip("ABCDEFG", (20, 52, 8, 16, 10, 10, 34), strict=True):
            ws.column_dimensions[col].width = width
        for row in ws.iter_rows(min_row=9):
            for cell in row:  # the task and the council's note wrap within their column
                cell.alignment = Alignment(wrap_text=cell.column in (2, 7), vertical="top")
            lines = _lines(row[1].value, 56)
            if lines > 1:
                ws.row_dimensions[row[1].row].height = LINE_HEIGHT * lines
        ws.row_dimensions[8].height = LINE_HEIGHT * 2  # "Tình trạng (máy tính)" on two lines
        for row in (4, 5):
            ws.cell(row, 2).number_format = "DD/MM/YYYY"
        for cell in ws["A"][8:]:
            cell.number_format = "@"
        _print_setup(ws, "8:8")  # the task header row on every page of the cadre's sheet
    _left_out_sheet(wb, result, _)
    wb.properties.creator = "giaoviec"
    wb.properties.created = wb.properties.modified = dt.datetime(result.year, 12, 31)
    wb.save(out)

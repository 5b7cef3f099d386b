"""Workbooks out: the export (one row per task, the cadre totals) and the council's scoring sheet
(one sheet per cadre, the score column empty, to fill in and import again)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from copy import copy
from typing import BinaryIO

from giaoviec.compute import incomplete
from giaoviec.compute.report import Models
from giaoviec.compute.year import YearResult
from giaoviec.i18n import Gettext
from giaoviec.render.escape import is_formula_like, xlsx
from giaoviec.render.export import COLUMNS, COMPUTED, DATE_COLUMNS, PRINTED, TEXT_COLUMNS, TOTALS, WRAPPED, headers, task_rows, total_rows
from giaoviec.sheets.names import label
from giaoviec.sheets.rowsxml import Rows
from giaoviec.words import ASSIGNMENT_STATUS, COMPONENT, PROGRAM, STATUS, word

SCORE_HEAD = ("Mã nhiệm vụ", "Nội dung nhiệm vụ", "Trọng số", "Tình trạng (máy tính)", "Điểm (máy tính)", "Điểm hội đồng", "Nhận xét")
GENERAL_LABEL, MINUTES_LABEL, MEETING_LABEL = "Điểm tiêu chí chung", "Số biên bản họp hội đồng", "Ngày họp hội đồng"
CONFIDENTIAL_MARK = "MẬT"


def component_label(name: str) -> str:
    """The head line of the council's sheet for a component it enters besides the general criteria ("Điểm đổi mới, sáng tạo")."""
    return f"Điểm {label(COMPONENT, name)}"


def put(ws, values: list) -> int:
    """A row whose text cells are text, never formulas (openpyxl makes "=…" a formula), and hold
    no character a workbook cannot store; its row number."""
    ws.append([xlsx(v) if isinstance(v, str) else v for v in values])
    row = ws._current_row  # openpyxl's own count of appended rows (ws.max_row walks every cell: quadratic)
    for cell in ws[row]:
        if isinstance(cell.value, str) and is_formula_like(cell.value):
            cell.data_type = "s"
    return row


def _cell(ws, value: object, style):
    """A cell of a write-only sheet: the column's style (copied, not looked up again), text kept text."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, xlsx(value) if isinstance(value, str) else value)
    if style is not None:
        cell._style = copy(style)  # the style ids of a prepared cell: setting fonts and fills per cell costs a lookup each
    if isinstance(cell.value, str) and is_formula_like(cell.value):
        cell.data_type = "s"
    return cell


def _sheet(ws, heads: list[str], widths: list[int], rows: int, printed: set[str] | None = None) -> tuple[Rows, list[int]]:
    """A table's frame and header row: bold header (frozen, filtered over `rows` rows, repeated on every
    printed page), dates as dates, ids as text; with `printed`, the other columns are folded so that the
    page shows what a reader needs. Returns the writer of the rows below the header (each column's
    style) and each column's wrapping width (0: not wrapped)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, 1):  # the columns, the panes and the page go before the first row
        column = ws.column_dimensions[get_column_letter(i)]
        column.width = width
        if printed is not None and heads[i - 1] not in printed and not heads[i - 1].startswith("Giá trị đạt được"):
            column.hidden, column.outline_level = True, 1  # folded, each column its own (a range would overlap the next)
    ws.freeze_panes = "A2"
    _print_setup(ws, "1:1")
    head = WriteOnlyCell(ws)
    head.font, head.fill, head.alignment = Font(bold=True), PatternFill("solid", fgColor="E8EEF4"), Alignment(wrap_text=True, vertical="top")
    styles = []
    for i, header in enumerate(heads, 1):
        template = WriteOnlyCell(ws)
        if header in DATE_COLUMNS:
            template.number_format = "DD/MM/YYYY"
        elif header in TEXT_COLUMNS:
            template.number_format = "@"  # text: "01" stays "01" when someone types over it
        elif header in COMPUTED or header.startswith("Giá trị đạt được"):
            template.fill = PatternFill("solid", fgColor="F2F2F2")  # computed by giaoviec: changing it changes nothing
        template.alignment = Alignment(wrap_text=header in WRAPPED, vertical="top")  # at the top of its row, long text wrapped
        styles.append(ws.parent._cell_styles.add(template._style))  # the id openpyxl gives a cell of this style
        column = ws.column_dimensions[get_column_letter(i)]  # an empty cell is not written: its column styles it
        column.number_format, column.alignment = template.number_format, copy(template.alignment)
        if template.fill.fill_type:
            column.fill = copy(template.fill)
    _fit_row(ws, 1, heads, [w - 2 for w in widths])  # the header is bold, and wraps everywhere
    ws.append([_cell(ws, h, head._style) for h in heads])
    ws.auto_filter.ref = f"A1:{get_column_letter(len(heads))}{rows}"
    writer = Rows(styles, [h in DATE_COLUMNS for h in heads])
    return writer, [w if h in WRAPPED else 0 for h, w in zip(heads, widths, strict=True)]


def _rows(data_rows: Iterable[list], writer: Rows, wrapped: list[int]) -> Iterator[str]:
    """The table's rows below its header, as SpreadsheetML, each as tall as its wrapped text."""
    columns = [(i, w) for i, w in enumerate(wrapped) if w]
    for n, row in enumerate(data_rows, 2):
        lines = max((_lines(row[i], w) for i, w in columns), default=1)
        yield writer.row(n, row, LINE_HEIGHT * lines if lines > 1 else None)


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


def _fit_row(ws, row: int, values: list, widths: list[int]) -> None:
    """A row height that shows every wrapped line, set before the row is written: neither Excel nor
    LibreOffice sizes the rows of a file it opens, so a wrapped cell would print over the next row."""
    lines = max((_lines(v, w) for v, w in zip(values, widths, strict=False)), default=1)
    if lines > 1:
        ws.row_dimensions[row].height = LINE_HEIGHT * lines


def _print_setup(ws, title_rows: str) -> None:
    """Landscape A4, as wide as the page, the header rows on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4; a write-only sheet has no such name)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5


LISTS_SHEET = "Danh mục"


def _drop_downs(wb, ws, heads: list[str], rows: int, result: YearResult, _: Gettext) -> None:
    """Choices for the coded columns (status, program, direction) and the cadres, from a sheet of
    lists; a value outside them is allowed (a code typed by hand) after a warning. `rows`: the rows
    of the task sheet (the lists reach 200 rows below them, for rows added by hand)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = wb.create_sheet(LISTS_SHEET)
    columns = {
        "Trạng thái": [word(ASSIGNMENT_STATUS, k, _) for k in ASSIGNMENT_STATUS],
        "Hình thức": [word(PROGRAM, k, _) for k in PROGRAM],
        "Chiều": ["tăng", "giảm"],
        "Người chủ trì": sorted(entry.item.name for entry in result.repo.cadres.values()),
    }
    lines = [[header, *values] for header, values in columns.items()]
    for r in range(max(len(line) for line in lines)):  # a column per list: written a row at a time
        lists.append([_cell(lists, line[r], None) if r < len(line) else None for line in lines])
    for n, (header, values) in enumerate(columns.items(), 1):
        if header not in heads:
            continue
        letter, target = get_column_letter(n), get_column_letter(heads.index(header) + 1)
        dv = DataValidation(type="list", formula1=f"='{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}", allow_blank=True,
                            showErrorMessage=True, errorStyle="warning", errorTitle="giaoviec",
                            error="Giá trị không có trong danh mục; vẫn ghi được nếu đó là mã (giaoviec import sẽ kiểm tra).")
        ws.data_validations.append(dv)  # add_data_validation, which a write-only sheet lacks
        dv.add(f"{target}2:{target}{max(rows, 2) + 200}")
    lists.sheet_state = "hidden"


TASKS_SHEET, TOTALS_SHEET = "Nhiệm vụ", "Tổng hợp"


def _book(result: YearResult, _: Gettext, heads: list[str], tasks: int) -> tuple[zipfile.ZipFile, dict[str, tuple[str, Rows, list[int]]]]:
    """The workbook as openpyxl writes it, its tables holding their header rows only (`tasks`: the
    task sheet's rows, for its filter and drop-downs); and for each table its part, the writer of
    its rows and its wrapping widths."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    _left_out_sheet(wb, result, _)
    ws = wb.create_sheet(TASKS_SHEET)
    tables = {TASKS_SHEET: (ws, *_sheet(ws, heads, [w for _h, w in COLUMNS], tasks, PRINTED))}
    _drop_downs(wb, ws, heads, tasks, result, _)
    totals = wb.create_sheet(TOTALS_SHEET)
    tables[TOTALS_SHEET] = (totals, *_sheet(totals, [h for h, _w in TOTALS], [w for _h, w in TOTALS], len(result.assignments) + 1))
    wb.properties.creator = "giaoviec"
    wb.properties.created = wb.properties.modified = dt.datetime(result.year, 12, 31)  # (openpyxl stamps "modified" when saving)
    buffer = io.BytesIO()
    wb.save(buffer)
    return zipfile.ZipFile(buffer), {title: (sheet.path[1:], writer, wrapped) for title, (sheet, writer, wrapped) in tables.items()}


def as_xlsx(result: YearResult, models: Models, _: Gettext, out: BinaryIO) -> None:
    """The export, streamed: openpyxl makes the workbook around the tables, `rowsxml` writes their rows
    (a row is made, written and forgotten, so that memory does not grow with the tasks); the task
    count, known once the rows are written, goes into a second build of the small rest."""
    from giaoviec.sheets.rowsxml import assemble

    heads = headers(result)
    draft, tables = _book(result, _, heads, 2)  # 2 stands for the task rows, not counted yet
    part, writer, wrapped = tables[TASKS_SHEET]

    def final(count: int) -> tuple[zipfile.ZipFile, dict[str, Iterable[str]]]:
        book, again = _book(result, _, heads, count)
        totals, totals_writer, totals_wrapped = again[TOTALS_SHEET]
        return book, {totals: _rows(total_rows(result, _), totals_writer, totals_wrapped)}

    assemble(out, draft, part, _rows(task_rows(result, models, _), writer, wrapped), final)


LEFT_OUT_SHEET = "Chưa đầy đủ"


def _left_out_sheet(wb, result: YearResult, _: Gettext) -> None:
    """A first sheet, shown on opening, that says what the workbook leaves out (none when complete)."""
    from openpyxl.styles import Font

    lines = [*incomplete.public(result.withheld, _), *incomplete.lines(result.left_out, result.repo, _)]
    if not lines:
        return
    if getattr(wb, "write_only", False):
        ws = wb.create_sheet(LEFT_OUT_SHEET)  # the first sheet made, so the first in the book
        ws.column_dimensions["A"].width = 140
        title = _cell(ws, lines[0], None)
        title.font = Font(bold=True, color="C62828")
        ws.append([title])
        for line in lines[1:]:
            ws.append([_cell(ws, line, None)])
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
                ("Kỳ đánh giá từ", s.window.start), ("Kỳ đánh giá đến", s.window.end), (GENERAL_LABEL, None),
                *((component_label(c), None) for c in s.profile.components if c not in ("general", "tasks")),
                (MINUTES_LABEL, None), (MEETING_LABEL, None)]
        for name, value in head:
            put(ws, [name, value])
        put(ws, [])
        header = put(ws, list(SCORE_HEAD))
        for cell in ws[header]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        scores = {t.id: t for t in s.tasks}
        for t in m.tasks:
            ts = scores.get(t.id)
            if ts is None or ts.status == "cancelled":
                continue
            secret = t.confidential or m.confidential  # the council sees it; the sheet says it is not for the public
            row = put(ws, [t.id, f"({CONFIDENTIAL_MARK}) {t.what}" if secret else t.what, t.weight, word(STATUS, ts.status, _),
                           round(ts.computed or 0, 2), None, None])
            ws.cell(row, 6).fill = PatternFill("solid", fgColor="FFF8DC")
            if secret:
                ws.cell(row, 2).font = Font(bold=True, color="C62828")
        for row in range(6, len(head) + 1):  # the cells the council fills in
            ws.cell(row, 2).fill = PatternFill("solid", fgColor="FFF8DC")
        for col, width in zip("ABCDEFG", (20, 52, 8, 16, 10, 10, 34), strict=True):
            ws.column_dimensions[col].width = width
        for row in ws.iter_rows(min_row=header + 1):
            for cell in row:  # the task and the council's note wrap within their column
                cell.alignment = Alignment(wrap_text=cell.column in (2, 7), vertical="top")
            lines = _lines(row[1].value, 56)
            if lines > 1:
                ws.row_dimensions[row[1].row].height = LINE_HEIGHT * lines
        ws.row_dimensions[header].height = LINE_HEIGHT * 2  # "Tình trạng (máy tính)" on two lines
        for row in (4, 5, len(head)):
            ws.cell(row, 2).number_format = "DD/MM/YYYY"
        ws.cell(len(head) - 1, 2).number_format = "@"  # the minutes' number is text
        for cell in ws["A"][header:]:
            cell.number_format = "@"
        _print_setup(ws, f"{header}:{header}")  # the task header row on every page of the cadre's sheet
    _left_out_sheet(wb, result, _)
    wb.properties.creator = "giaoviec"
    wb.properties.created = wb.properties.modified = dt.datetime(result.year, 12, 31)
    wb.save(out)

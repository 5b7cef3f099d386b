"""Workbooks out: the export (one row per task, the cadre totals) and the council's scoring sheet
(one sheet per cadre, the score column empty, to fill in and import again)."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from giaoviec.compute.year import YearResult
from giaoviec.i18n import Gettext
from giaoviec.render import incomplete
from giaoviec.render.escape import is_formula_like, visible
from giaoviec.render.export import COLUMNS, DATE_COLUMNS, PROGRAM_NAMES, TOTALS, rows
from giaoviec.render.report import Models
from giaoviec.words import STATUS, word

SCORE_HEAD = ("Mã nhiệm vụ", "Nội dung nhiệm vụ", "Trọng số", "Tình trạng (máy tính)", "Điểm (máy tính)", "Điểm hội đồng", "Nhận xét")


def put(ws, values: list) -> None:
    """A row whose text cells are text, never formulas (openpyxl makes "=…" a formula), and hold
    no character a workbook cannot store."""
    ws.append([visible(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str) and is_formula_like(cell.value):
            cell.data_type = "s"


def _sheet(ws, columns, data_rows) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    put(ws, [h for h, _w in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF4")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in data_rows:
        put(ws, row)
    for i, (header, width) in enumerate(columns, 1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = width
        if header in DATE_COLUMNS:
            for cell in ws[letter][1:]:
                cell.number_format = "DD/MM/YYYY"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def as_xlsx(result: YearResult, models: Models, _: Gettext, out: BinaryIO) -> None:
    from openpyxl import Workbook

    tasks_rows, totals = rows(result, models, _)
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    _sheet(ws, COLUMNS, tasks_rows)
    _sheet(wb.create_sheet("Tổng hợp"), TOTALS, totals)
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
    from openpyxl.styles import Font, PatternFill

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
        head = [("Mã cán bộ", m.cadre), ("Họ và tên", result.repo.name(m.cadre)), ("Hình thức", PROGRAM_NAMES[m.program]),
                ("Kỳ đánh giá từ", s.window.start), ("Kỳ đánh giá đến", s.window.end), ("Điểm tiêu chí chung", None)]
        for label, value in head:
            put(ws, [label, value])
        put(ws, [])
        put(ws, list(SCORE_HEAD))
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        scores = {t.id: t for t in s.tasks}
        for t in m.tasks:
            ts = scores.get(t.id)
            if ts is None or ts.status == "cancelled":
                continue
            put(ws, [t.id, t.what, t.weight, word(STATUS, ts.status, _), round(ts.computed or 0, 2), None, None])
            ws.cell(ws.max_row, 6).fill = PatternFill("solid", fgColor="FFF8DC")
        ws.cell(6, 2).fill = PatternFill("solid", fgColor="FFF8DC")
        for col, width in zip("ABCDEFG", (22, 60, 9, 20, 12, 14, 40), strict=True):
            ws.column_dimensions[col].width = width
        for row in (4, 5):
            ws.cell(row, 2).number_format = "DD/MM/YYYY"
    _left_out_sheet(wb, result, _)
    wb.properties.creator = "giaoviec"
    wb.properties.created = wb.properties.modified = dt.datetime(result.year, 12, 31)
    wb.save(out)

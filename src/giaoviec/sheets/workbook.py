"""Opening a workbook someone sent: bounded before it is read, and its formulas never evaluated.

Limits (docs/bang-tinh.md): the file at most MAX_FILE bytes; its parts, uncompressed, at most
MAX_UNPACKED bytes in all (a zip bomb is refused before it is unpacked); a sheet at most MAX_ROWS
rows, MAX_COLUMNS columns and MAX_CELLS cells, counted in its XML before openpyxl builds a cell
(`bounds.py`: openpyxl holds ~700 bytes a cell, so a sheet of 55 MB within the unpacked limit
would take gigabytes). A cell holding a formula is read by the value the spreadsheet
program last computed for it; one with no computed value is a finding (`sheet.formula`), never
an empty cell. The XML is parsed with defusedxml (openpyxl uses it when it is installed).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from giaoviec.diagnostics import N_, Diagnostic, finding
from giaoviec.i18n import os_problem
from giaoviec.load.files import TooLarge, read_bounded
from giaoviec.sheets.bounds import first_past, sheet_titles

MAX_FILE = 20_000_000
MAX_UNPACKED = 60_000_000
MAX_ROWS = 20_000
MAX_COLUMNS = 200
MAX_CELLS = 1_000_000  # 20,000 rows of 50 cells: ~700 MB in openpyxl's two copies of the workbook


@dataclass
class Opened:
    workbook: Any = None  # openpyxl's, with values (formulas replaced by their computed values)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def open_workbook(path: Path, display: str) -> Opened:
    from openpyxl import load_workbook

    out = Opened()

    def refuse(code: str, message: str, **args: Any) -> Opened:
        out.diagnostics.append(finding(display, None, code, message, line=1, column=1, **args))
        return out

    try:
        raw = read_bounded(path, MAX_FILE)  # a regular file, its size checked before it is read, read once
    except TooLarge as too:
        return refuse("sheet.too-large", N_("The workbook is {size} bytes, more than the {limit} giaoviec reads."), size=too.size, limit=MAX_FILE)
    except OSError as exc:
        return refuse("sheet.unreadable", N_("The workbook cannot be read: {problem}."), problem=os_problem(exc))
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
        if unpacked > MAX_UNPACKED:
            return refuse("sheet.too-large", N_("The workbook unpacks to {size} bytes, more than the {limit} giaoviec reads."),
                          size=unpacked, limit=MAX_UNPACKED)
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            past = first_past(z, MAX_ROWS, MAX_COLUMNS, MAX_CELLS)
            title = sheet_titles(z).get(past.part, past.part) if past else ""
        if past is not None:
            where = f"{display}#{title}"
            if past.cells > MAX_CELLS:
                out.diagnostics.append(finding(where, None, "sheet.too-large", N_("The sheet holds more than {limit} cells; giaoviec reads at most {limit} cells in a sheet."),
                                               line=past.row, column=past.column, limit=MAX_CELLS))
            else:
                out.diagnostics.append(finding(where, None, "sheet.too-large",
                                               N_("The sheet reaches row {rows} and column {columns}; giaoviec reads at most {max_rows} rows and {max_columns} columns."),
                                               line=1, column=1, rows=past.row, columns=past.column, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS))
            return out
        formulas = load_workbook(io.BytesIO(raw), data_only=False)
        values = load_workbook(io.BytesIO(raw), data_only=True)
    except Exception as exc:
        return refuse("sheet.unreadable", N_("The workbook cannot be read: {problem}."), problem=str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__)
    for ws in formulas.worksheets:
        if ws.max_row > MAX_ROWS or ws.max_column > MAX_COLUMNS:
            out.diagnostics.append(finding(f"{display}#{ws.title}", None, "sheet.too-large",
                                           N_("The sheet reaches row {rows} and column {columns}; giaoviec reads at most {max_rows} rows and {max_columns} columns."),
                                           line=1, column=1, rows=ws.max_row, columns=ws.max_column, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS))
            continue
        computed = values[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and computed.cell(cell.row, cell.column).value is None:
                    out.diagnostics.append(finding(f"{display}#{ws.title}", None, "sheet.formula",
                                                   N_("The cell holds a formula with no computed value: giaoviec never evaluates formulas."),
                                                   hint=N_("Open the workbook in Excel or LibreOffice and save it (the values are then stored), or type the value."),
                                                   line=cell.row, column=cell.column))
    if not out.diagnostics:
        out.workbook = values
    return out

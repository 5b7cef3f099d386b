"""The export's table rows are written as SpreadsheetML text, not cell by cell through openpyxl:
what openpyxl (and so Excel's format) reads back must be exactly the rows given, whatever the text."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from conftest import EXAMPLES
from giaoviec.app.report import results_with_models
from giaoviec.i18n import translator
from giaoviec.render.escape import visible
from giaoviec.render.export import COLUMNS, PRINTED, task_rows
from giaoviec.sheets import rowsxml, xlsx

VP = EXAMPLES / "vinh-phuc"
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(
    ["=1+1", "+84 912", "-5", "@x", " lề ", "a & b < c > d", "dòng 1\ndòng 2", "\ttab", "]]>", "\r", "\x1b[31m"])
VALUE = st.none() | TEXT | st.integers(-10**15, 10**15) | st.floats(allow_nan=False, allow_infinity=False, width=32)
DATE = st.none() | st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1))


def _written(rows: list[list]) -> Workbook:
    """A workbook of one sheet, three columns and a date column: its header by openpyxl, `rows`
    below it by rowsxml; read back."""
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("T")
    template = WriteOnlyCell(ws)
    template.number_format = "DD/MM/YYYY"
    ws.append(["a", "b", "c", "ngày"])
    buffer, out = io.BytesIO(), io.BytesIO()
    writer = rowsxml.Rows([0, 0, 0, wb._cell_styles.add(template._style)], [False, False, False, True])
    wb.save(buffer)
    part = ws.path[1:]
    draft = zipfile.ZipFile(buffer)
    rowsxml.assemble(out, draft, part, (writer.row(n, r) for n, r in enumerate(rows, 2)), lambda count: (draft, {}))
    return load_workbook(out)


def _expected(value):
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(VALUE, VALUE, VALUE, DATE).map(list), min_size=1, max_size=6))
def test_what_is_read_back_is_what_was_written(rows):
    ws = _written(rows)["T"]
    back = [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=len(rows) + 1, max_col=4)]
    assert back == [[_expected(v) for v in row] for row in rows]
    for row in ws.iter_rows(min_row=2, max_col=4):
        for cell in row:
            if isinstance(cell.value, str):
                assert cell.data_type == "s"  # text, never a formula, whatever it starts with
            if isinstance(cell.value, dt.datetime):
                assert cell.is_date and cell.number_format == "DD/MM/YYYY"


def test_a_date_where_no_date_format_is_refused():
    with pytest.raises(TypeError):
        rowsxml.Rows([0], [False]).row(2, [dt.date(2022, 1, 1)])


def test_a_date_is_a_number_under_its_column_style_and_a_tall_row_keeps_its_height():
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("T")
    template = WriteOnlyCell(ws)
    template.number_format = "DD/MM/YYYY"
    style = wb._cell_styles.add(template._style)
    ws.append(["Ngày"])
    buffer, out = io.BytesIO(), io.BytesIO()
    wb.save(buffer)
    draft = zipfile.ZipFile(buffer)
    rows = [rowsxml.Rows([style], [True]).row(2, [dt.date(2022, 11, 30)], 45)]
    rowsxml.assemble(out, draft, ws.path[1:], rows, lambda count: (draft, {}))
    back = load_workbook(out)["T"]
    assert back["A2"].value == dt.datetime(2022, 11, 30) and back["A2"].number_format == "DD/MM/YYYY" and back["A2"].is_date
    assert back.row_dimensions[2].height == 45


def test_the_export_holds_every_task_row_as_made(tmp_path):
    got = results_with_models(VP, 2022, None)
    _ = translator("vi")
    book = tmp_path / "x.xlsx"
    with book.open("wb") as out:
        xlsx.as_xlsx(got.result, got.models, _, out)
    ws = load_workbook(book)["Nhiệm vụ"]
    back = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    made = [[_expected(v) for v in row] for row in task_rows(got.result, got.models, _)]
    assert back == made and len(made) == 45
    assert ws.auto_filter.ref == f"A1:AN{len(made) + 1}"
    assert all(str(dv.sqref).endswith(str(len(made) + 1 + 200)) for dv in ws.data_validations.dataValidation)


def test_folded_columns_keep_their_widths_and_do_not_overlap(tmp_path):
    """Excel repairs a sheet whose column ranges overlap; each column is its own, folded or not."""
    got = results_with_models(VP, 2022, None)
    book = tmp_path / "x.xlsx"
    with book.open("wb") as out:
        xlsx.as_xlsx(got.result, got.models, translator("vi"), out)
    with zipfile.ZipFile(book) as z:  # the task sheet: the one filtered over 40 columns
        sheet = next(x for n in z.namelist() if n.startswith("xl/worksheets/") and 'ref="A1:AN' in (x := z.read(n).decode()))
    cols = [dict(re.findall(r'(\w+)="([^"]*)"', c)) for c in re.findall(r"<col [^>]*/>", sheet)]
    spans = [(int(c["min"]), int(c["max"])) for c in cols]
    assert spans == [(i, i) for i in range(1, len(COLUMNS) + 1)]
    for (header, width), c in zip(COLUMNS, cols, strict=True):
        assert float(c["width"]) == width
        assert (c.get("hidden") == "1") == (header not in PRINTED and header != "Giá trị đạt được")

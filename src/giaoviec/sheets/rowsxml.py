"""The rows of a big sheet as SpreadsheetML text (ECMA-376 part 1, §18.3.1.73 row, §18.3.1.4 c),
written into the workbook openpyxl made around them.

openpyxl builds a cell object and an XML element for every cell (~20 µs a cell): an export of a
province, 105,000 tasks × 40 columns, spent 90 s there. Here a cell is one formatted string: the
values an export holds (text, numbers, dates, nothing) written the way openpyxl writes them
(inline strings, dates as serial numbers under the column's date style; numbers in full, where
openpyxl's `%.16g` would drop a 17th digit), so that what Excel, LibreOffice and openpyxl read back
is the same. Everything else in the workbook —
styles, columns, panes, filters, drop-downs, print setup, the other sheets — is openpyxl's.

Buys: export xlsx of the 1,000-file province 53.6 → 19.5 s (A/B of the commit that brought it
against its parent, loaded machine; 2.5× at 500 files when it came), which keeps export xlsx within
the bar of 2× a cold validate (docs/performance.md, Devices).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Iterable
from typing import BinaryIO
from xml.sax.saxutils import escape

from giaoviec.render.escape import xlsx

SHEET_DATA_END = b"</sheetData>"
CHUNK = 2000  # rows joined into one write


def letters(count: int) -> list[str]:
    """The column letters A … for `count` columns."""
    from openpyxl.utils import get_column_letter

    return [get_column_letter(i) for i in range(1, count + 1)]


def _text(value: str) -> str:
    return escape(xlsx(value))  # no control character: a workbook cannot hold them, a reader must not act on them


class Rows:
    """Rows 2 … of a sheet whose columns carry the given style ids (0: none): text is always text
    (an inline string, never a formula), a date is a number under its column's date format (`dated`:
    the columns that have one; a date elsewhere would show as a bare number, and is refused)."""

    def __init__(self, styles: list[int], dated: list[bool]):
        from openpyxl.utils.datetime import to_excel

        self._columns = letters(len(styles))
        self._dated = dated
        self._styles = [f' s="{s}"' if s else "" for s in styles]
        self._serial: dict[dt.date, str] = {}
        self._to_excel = to_excel

    def _date(self, value: dt.date) -> str:
        serial = self._serial.get(value)
        if serial is None:
            serial = self._serial[value] = str(self._to_excel(value))  # whole days
        return serial

    def row(self, number: int, values: list, height: int | None = None) -> str:
        r = str(number)
        cells = [f'<row r="{r}" ht="{height}" customHeight="1">' if height else f'<row r="{r}">']
        for value, letter, style, dated in zip(values, self._columns, self._styles, self._dated, strict=True):
            if value is None or value == "":
                continue  # an empty cell is not written: its column styles it
            if isinstance(value, str):
                text = _text(value)
                space = ' xml:space="preserve"' if text != text.strip() else ""
                cells.append(f'<c r="{letter}{r}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif isinstance(value, bool):
                cells.append(f'<c r="{letter}{r}"{style} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int):
                cells.append(f'<c r="{letter}{r}"{style} t="n"><v>{value}</v></c>')
            elif isinstance(value, float):  # the shortest text that reads back as the same number
                cells.append(f'<c r="{letter}{r}"{style} t="n"><v>{value!r}</v></c>')
            elif isinstance(value, dt.date) and dated:
                cells.append(f'<c r="{letter}{r}"{style} t="n"><v>{self._date(value)}</v></c>')
            else:
                raise TypeError(f"a cell of type {type(value).__name__} in column {letter}")  # a programming error, not the data's
        cells.append("</row>")
        return "".join(cells)


def split(part: bytes) -> tuple[bytes, bytes]:
    """A sheet part cut where its rows end: (up to the last row, from </sheetData> on)."""
    at = part.rindex(SHEET_DATA_END)
    return part[:at], part[at:]


def assemble(out: BinaryIO, draft: zipfile.ZipFile, streamed: str, rows: Iterable[str],
             final: Callable[[int], tuple[zipfile.ZipFile, dict[str, Iterable[str]]]]) -> None:
    """The workbook written to `out`: openpyxl's `draft`, whose part `streamed` holds its header row
    only, with `rows` streamed into that part (counted as they are written: nobody knows how many
    before); then `final(count)` builds the workbook again knowing the count (the filter and the
    drop-downs reach to the last row), and gives the rows of its other spliced parts. Parts keep
    openpyxl's order; the two builds must agree on the parts and on the opening of `streamed`."""
    names = draft.namelist()
    at = names.index(streamed)
    head, _tail = split(draft.read(streamed))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=3) as book:
        for name in names[:at]:
            book.writestr(name, draft.read(name))
        with book.open(streamed, "w", force_zip64=True) as part:
            part.write(head)
            count = 1 + _write(part, rows)
            done, spliced = final(count)
            again, tail = split(done.read(streamed))
            if again != head or done.namelist() != names:  # (the parts before it depend on nothing counted)
                raise RuntimeError("the workbook's two builds differ")  # a programming error: they are made alike
            part.write(tail)
        for name in names[at + 1:]:
            if name not in spliced:
                book.writestr(name, done.read(name))
                continue
            head, tail = split(done.read(name))
            with book.open(name, "w", force_zip64=True) as part:
                part.write(head)
                _write(part, spliced[name])
                part.write(tail)


def _write(part, rows: Iterable[str]) -> int:
    """The rows written in chunks; how many."""
    count = 0
    chunk: list[str] = []
    for xml in rows:
        chunk.append(xml)
        if len(chunk) == CHUNK:
            part.write("".join(chunk).encode())
            count += len(chunk)
            chunk.clear()
    part.write("".join(chunk).encode())
    return count + len(chunk)

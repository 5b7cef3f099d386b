"""How far each sheet of a workbook reaches, read from its XML before openpyxl builds a cell.

openpyxl builds every cell of every sheet (twice: once for the formulas, once for their values),
~350 bytes a cell: a 225 KB workbook unpacking to 55 MB of `<c><v>1</v></c>` took 2.6 GB before
its row count could be looked at. Here each part of the zip is streamed through expat in chunks
(SpreadsheetML, ECMA-376 part 1, §18.3.1.73 row, §18.3.1.4 c: `r` gives a row's number and a
cell's reference; without it a row follows the previous row, a cell the previous cell) and the
scan stops at the first cell past a limit. A sheet's `<dimension>` is not trusted: it can lie.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from xml.parsers import expat

CHUNK = 1 << 16
REF = re.compile(r"([A-Za-z]{1,3})(\d*)$")


@dataclass
class Past:
    """The first cell of a sheet past a limit: where it is, and how many cells were read up to it."""

    part: str
    row: int
    column: int
    cells: int


class _Stop(Exception):
    pass


def _forbidden(*_: object) -> None:
    """As defusedxml: no entity is declared in a part giaoviec reads."""
    raise expat.ExpatError("entity declaration")


def _column(ref: str) -> int | None:
    m = REF.search(ref)
    if m is None:
        return None
    number = 0
    for ch in m.group(1).upper():
        number = number * 26 + ord(ch) - 64
    return number


def _scan(z: zipfile.ZipFile, name: str, max_rows: int, max_columns: int, max_cells: int) -> Past | None:
    """The first cell of part `name` past a limit, or None (also when the part is no well-formed XML:
    openpyxl then says so)."""
    state = {"in": False, "row": 0, "col": 0, "cells": 0}

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = tag.rsplit(" ", 1)[-1]
        if local == "sheetData":
            state["in"] = True
        elif not state["in"]:
            return
        elif local == "row":
            r = attrs.get("r", "")
            state["row"] = int(r) if r.isdigit() else state["row"] + 1
            state["col"] = 0
        elif local == "c":
            col = _column(attrs.get("r", ""))
            state["col"] = col if col is not None else state["col"] + 1
            state["cells"] += 1
            if state["row"] > max_rows or state["col"] > max_columns or state["cells"] > max_cells:
                raise _Stop

    def end(tag: str) -> None:
        if tag.rsplit(" ", 1)[-1] == "sheetData":
            state["in"] = False

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.EntityDeclHandler = parser.UnparsedEntityDeclHandler = _forbidden
    try:
        with z.open(name) as part:
            while chunk := part.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Stop:
        return Past(name, state["row"], state["col"], state["cells"])
    except (expat.ExpatError, ValueError, OSError, zipfile.BadZipFile, EOFError, RuntimeError):
        return None
    return None


def _starts(z: zipfile.ZipFile, part: str, local: str) -> list[dict[str, str]]:
    """The attributes of each element named `local` in a small part (empty when it cannot be read)."""
    found: list[dict[str, str]] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag.rsplit(" ", 1)[-1] == local:
            found.append(attrs)

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EntityDeclHandler = parser.UnparsedEntityDeclHandler = _forbidden
    try:
        if z.getinfo(part).file_size > 5_000_000:
            return []
        parser.Parse(z.read(part), True)
    except (KeyError, expat.ExpatError, ValueError, OSError, zipfile.BadZipFile, EOFError, RuntimeError):
        return []
    return found


def sheet_titles(z: zipfile.ZipFile) -> dict[str, str]:
    """Part name → the sheet's title, as the workbook names its sheets (best effort: {} when unsure)."""
    titles: dict[str, str] = {}
    for book in (n for n in z.namelist() if n.endswith("workbook.xml")):
        rels = posixpath.join(posixpath.dirname(book), "_rels", posixpath.basename(book) + ".rels")
        targets = {a["Id"]: a.get("Target", "") for a in _starts(z, rels, "Relationship") if "Id" in a}
        for attrs in _starts(z, book, "sheet"):
            rid = next((v for k, v in attrs.items() if k.rsplit(" ", 1)[-1] == "id" and k != "sheetId"), None)
            target = targets.get(rid or "")
            if target and "name" in attrs:
                full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(book), target))
                titles[full] = attrs["name"]
    return titles


def first_past(z: zipfile.ZipFile, max_rows: int, max_columns: int, max_cells: int) -> Past | None:
    """The first cell past a limit in any sheet of the workbook (every XML part is looked at, so a
    sheet stored under an unusual name is too: a part that is no XML stops expat at its first bytes), or None."""
    for info in z.infolist():
        if info.is_dir():
            continue
        past = _scan(z, info.filename, max_rows, max_columns, max_cells)
        if past is not None:
            return past
    return None

"""`giaoviec import FILE.xlsx`: a workbook → Assignment files in the conventional paths.

Each assignment read from the workbook is validated in memory (schema, 5 rõ, references, dates)
against the repository before anything is written, and every finding points at the cell it came
from (FILE.xlsx#Sheet, row, column). Nothing is written when anything is wrong. The same workbook
imported twice gives the same bytes, so the second import changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from giaoviec import checks
from giaoviec.diagnostics import N_, Diagnostic, Where, finding
from giaoviec.load.documents import Document, parse_document, read_file
from giaoviec.load.repository import Registry, assignments_of
from giaoviec.model import Assignment
from giaoviec.sheets.read import Cell, read_workbook
from giaoviec.write.yamlwrite import emit

MODELINE = "# yaml-language-server: $schema={up}schemas/assignment.schema.json\n"


@dataclass(frozen=True)
class Planned:
    path: str  # relative to the root
    text: str
    state: str  # new | unchanged | changed


def _cell_for(loc: tuple, cells: dict[tuple, Cell]) -> Cell | None:
    for n in range(len(loc), 0, -1):
        if loc[:n] in cells:
            return cells[loc[:n]]
    return None


def _at_cell(d: Diagnostic, display: str, cells: dict[tuple, Cell], fallback: Cell) -> Diagnostic:
    cell = _cell_for(d.where.loc if d.where else (), cells) or fallback
    return replace(d, path=f"{display}#{cell.sheet}", line=cell.row, column=cell.column, where=None)


def conventional_path(data: dict, taken: set[str], root: Path) -> str:
    """assignments/<year>/<unit>/<cadre>.yaml; <cadre>-<program>.yaml when the cadre's file for the
    period already holds another program."""
    start, end = data["period"]["from"], data["period"]["to"]
    year = str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    folder = f"assignments/{year}/{data['unit']}"
    plain_name = f"{folder}/{data['cadre']}.yaml"
    if plain_name not in taken and _program_in(root / plain_name) in (None, data.get("program", "focus")):
        return plain_name
    return f"{folder}/{data['cadre']}-{data['program']}.yaml"


def _program_in(path: Path) -> str | None:
    if not path.is_file():
        return None
    docs, _ = read_file(path.parent, path.name)
    return next((d.model.program for d in docs if isinstance(d.model, Assignment)), "")


def plan(loaded: Registry, workbook: Path, today: dt.date | None = None) -> tuple[list[Planned], list[Diagnostic]]:
    """What the workbook would write, checked against the repository; an assignment that would be
    a second one of its cadre, program and period (in another file) is refused at its cadre cell."""
    registry = loaded.repo
    root = registry.root
    display = workbook.name
    parsed = read_workbook(workbook, display)
    if parsed.diagnostics:
        return [], parsed.diagnostics
    ctx = checks.context(registry, today)
    planned: list[Planned] = []
    found: list[Diagnostic] = []
    taken: set[str] = set()
    for data, cells in zip(parsed.assignments, parsed.cells, strict=True):
        document = {"apiVersion": "giaoviec/v1", "kind": "Assignment", **data}  # dates stay dates: written unquoted
        fallback = next(iter(cells.values()))
        model, problems = parse_document(display, 0, document)
        found += [_at_cell(d, display, cells, fallback) for d in problems]
        if not isinstance(model, Assignment):
            continue
        found += [_at_cell(d, display, cells, fallback) for d in checks.check_assignment(ctx, Document(display, 0, model))]
        rel = conventional_path(data, taken, root)
        taken.add(rel)
        clash = next((a for a in assignments_of(loaded, model.cadre) if a.path != rel and a.program == model.program
                      and a.period.overlaps(model.period.start, model.period.end)), None)
        if clash is not None:
            found.append(_at_cell(finding(display, Where(0, ("cadre",)), "ref.duplicate-assignment",
                                          N_("Cadre '{cadre}' already has a '{program}' assignment for an overlapping period in {other}."),
                                          hint=N_("Edit that file (or import the whole workbook it came from); a second one would make the council's scores ambiguous."),
                                          cadre=model.cadre, program=model.program, other=clash.path), display, cells, fallback))
            continue
        up = "../" * (len(Path(rel).parts) - 1)
        text = MODELINE.format(up=up) + emit(document)
        target = root / rel
        state = "new" if not target.exists() else ("unchanged" if target.read_text(encoding="utf-8") == text else "changed")
        if state == "changed":
            found.append(finding(rel, None, "sheet.exists", N_("{file} exists with other content; it is left as it is (edit it, or remove it to import again)."),
                                 line=1, column=1, file=rel))
        planned.append(Planned(rel, text, state))
    return planned, found

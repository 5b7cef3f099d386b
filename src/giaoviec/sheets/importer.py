"""`giaoviec import FILE.xlsx`: a workbook → the Assignment files it describes.

An assignment the repository already has (the same cadre, program and period) is updated in
place: each value the workbook changes becomes an edit of exactly that value (sheets/merge.py,
write/yamledit.py), every comment and untouched line staying byte for byte; a council score the
workbook changes is edited in the council's session file. An assignment the repository does not
have becomes a new file in the conventional path. Cadres and units may be named by code or by name.

Each result is validated in memory (schema, 5 rõ, references, dates, and the amendment rule of
`validate --base`) before anything is written, and every finding points at the cell it came from
(FILE.xlsx#Sheet, row, column). Nothing is written when anything is wrong. Importing an unchanged
export changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from giaoviec import checks
from giaoviec.checks import amend
from giaoviec.diagnostics import N_, Diagnostic, Severity, Where, finding
from giaoviec.domain import semdiff
from giaoviec.i18n import Phrase
from giaoviec.load import yamlio
from giaoviec.load.documents import parse_document, read_file
from giaoviec.load.files import read_bounded
from giaoviec.load.repository import assignments_of
from giaoviec.model import Assignment
from giaoviec.model.values import Document, Registry
from giaoviec.sheets import merge
from giaoviec.sheets.names import Names
from giaoviec.sheets.read import Cell, read_workbook
from giaoviec.write import yamledit
from giaoviec.write.yamledit import Change
from giaoviec.write.yamlwrite import emit

MODELINE = "# yaml-language-server: $schema={up}schemas/assignment.schema.json\n"


@dataclass(frozen=True)
class Planned:
    path: str  # relative to the root
    text: str
    state: str  # new | unchanged | changed
    before: str = ""  # the file's text when it is changed
    changes: tuple = ()  # semdiff changes, for the reviewer
    edits: tuple[tuple[str, str, Any, Any], ...] = ()  # (task, field name msgid, old, new) of the other edited values
    notes: tuple[Phrase, ...] = ()  # what the plan writes and leaves, said to the person importing (a council's sheet: per cadre)


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


REFERENCES = {  # where a workbook may name a cadre or a unit, and which
    ("cadre",): "cadre", ("unit",): "unit", ("basis", "issued_by"): "any", ("monitor",): "any",
}
TASK_REFERENCES = {("who", "lead"): "cadre", ("who", "support"): "any", ("responsibility", "accountable"): "cadre",
                   ("responsibility", "authority"): "any"}


def _resolve(data: dict, cells: dict[tuple, Cell], names: Names, display: str, fallback: Cell) -> list[Diagnostic]:
    """Names given for cadres and units, replaced by their codes in `data`; a finding at the cell of
    each one that is unknown or ambiguous."""
    out: list[Diagnostic] = []

    def one(container: dict, key: str, loc: tuple, kind: str) -> None:
        value = container.get(key)
        if value in (None, ""):
            return
        values = value if isinstance(value, list) else [value]
        resolved = []
        for v in values:
            r = names.resolve(kind, str(v))
            if r.ident is None:
                cell = _cell_for(loc, cells) or fallback
                problem = r.problem
                assert problem is not None
                out.append(Diagnostic(f"{display}#{cell.sheet}", cell.row, cell.column, "ref.unknown", Severity.ERROR, problem.id,
                                      args=problem.args))
                resolved.append(v)
            else:
                resolved.append(r.ident)
        container[key] = resolved if isinstance(value, list) else resolved[0]

    for loc, kind in REFERENCES.items():
        parent = data
        for step in loc[:-1]:
            parent = parent.get(step) or {}
        if isinstance(parent, dict):
            one(parent, loc[-1], loc, kind)
    for i, task in enumerate(data.get("tasks", [])):
        for loc, kind in TASK_REFERENCES.items():
            parent = task.get(loc[0])
            if isinstance(parent, dict):
                one(parent, loc[1], ("tasks", i, *loc), kind)
    return out


def _existing(loaded: Registry, data: dict) -> tuple[str, int] | None:
    """The file and document of the repository's assignment for the same cadre, program and period."""
    start, end = data["period"]["from"], data["period"]["to"]
    for a in assignments_of(loaded, data["cadre"]):
        if a.program == data.get("program", "focus") and a.period.start == start and a.period.end == end:
            return a.path, a.index
    return None


def plan(loaded: Registry, workbook: Path, today: dt.date | None = None) -> tuple[list[Planned], list[Diagnostic]]:
    """What the workbook would write, checked against the repository; an assignment that would be
    a second one of its cadre, program and period (in another file) is refused at its cadre cell."""
    registry = loaded.repo
    root = registry.root
    display = workbook.name
    parsed = read_workbook(workbook, display)
    names = Names(registry)
    if parsed.diagnostics:  # the cells that cannot be read; the names that cannot be found, too, all at once
        unreadable = list(parsed.diagnostics)
        for data, cells in zip(parsed.assignments, parsed.cells, strict=True):
            if cells:
                unreadable += _resolve(data, cells, names, display, next(iter(cells.values())))
        return [], sorted(unreadable, key=lambda d: (d.path, d.line, d.column))
    ctx = checks.context(registry, today)
    planned: list[Planned] = []
    found: list[Diagnostic] = []
    taken: set[str] = set()
    evaluations: dict[str, tuple[str, list[Change]]] = {}  # path → (text, edits)
    for data, cells in zip(parsed.assignments, parsed.cells, strict=True):
        fallback = next(iter(cells.values()))
        problems = _resolve(data, cells, names, display, fallback)
        found += problems
        if problems or data.get("cadre") is None or data["period"]["from"] is None or data["period"]["to"] is None:
            continue
        at = _existing(loaded, data)
        if at is not None:
            item = _update(loaded, at, data, cells, parsed.columns, ctx, display, fallback, found, evaluations)
            if item is not None:
                planned.append(item)
                taken.add(item.path)
            continue
        document = {"apiVersion": "giaoviec/v1", "kind": "Assignment", **_plain_tasks(data)}  # dates stay dates: written unquoted
        model, problems = parse_document(display, 0, document)
        found += [_at_cell(d, display, cells, fallback) for d in problems]
        if not isinstance(model, Assignment):
            continue
        found += [_at_cell(d, display, cells, fallback) for d in checks.check_assignment(ctx, Document(display, 0, model))]
        council = [(str(t["id"]), t["_council"]) for t in data["tasks"] if t.get("_council")]
        _council_edits(loaded, data, council, cells, display, fallback, found, evaluations)
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
        if target.exists():
            found.append(finding(rel, None, "sheet.exists", N_("{file} exists and is not the assignment of this cadre, program and period; it is left as it is."),
                                 line=1, column=1, file=rel))
            continue
        planned.append(Planned(rel, text, "new"))
    for rel, (text, edits) in evaluations.items():
        try:
            after = yamledit.apply(text, 0, edits) if edits else text
        except yamledit.Refused as exc:
            found.append(finding(rel, None, "sheet.layout", N_("The council's scores cannot be edited safely in {file} ({why}); edit it by hand."),
                                 line=1, column=1, file=rel, why=Phrase(exc.why)))
            continue
        if after != text:
            old_ev = yamlio.load_precise(rel, text).documents[0]
            shown = []
            for e in edits:
                i, task, key = int(e.path[1]), str(e.path[3]), str(e.path[4])
                entry = old_ev["evaluations"][i]
                was = ((entry.get("tasks") or {}).get(task) or {}).get(key)
                shown.append((f"{task} ({registry.name(entry.get('cadre'))})", N_("council score") if key == "score" else N_("council note"),
                              was, e.value))
            planned.append(Planned(rel, after, "changed", before=text, edits=tuple(shown)))
    return planned, found


def _plain_tasks(data: dict) -> dict:
    """The assignment without the workbook's extra columns; the latest check-in as its progress."""
    out = dict(data)
    tasks = []
    for task in data.get("tasks", []):
        plain = {k: v for k, v in task.items() if not k.startswith("_")}
        if task.get("_check_in") and task["_check_in"].get("date"):
            plain["progress"] = [task["_check_in"]]
        tasks.append(plain)
    out["tasks"] = tasks
    return out


def _no_session(display: str, cell: Cell, task: str) -> Diagnostic:
    return finding(f"{display}#{cell.sheet}", None, "sheet.council", N_("Task {task} has a council score, but no council session scores this assignment yet."),
                   hint=N_("Record the council's session with its scoring sheet (giaoviec export --scoring-sheet, then import --evaluation)."),
                   line=cell.row, column=cell.column, task=task)


def _update(loaded: Registry, at: tuple[str, int], data: dict, cells: dict, columns: set[str], ctx, display: str, fallback: Cell,
            found: list[Diagnostic], evaluations: dict) -> Planned | None:
    rel, index = at
    path = loaded.repo.root / rel
    text = read_bounded(path).decode("utf-8-sig")
    old_loaded = yamlio.load_precise(rel, text)
    old_doc = old_loaded.documents[index]
    merged = merge.merge(old_doc, data, columns)
    for ident in merged.older_check_ins:
        cell = cells.get(("tasks", _task_index(data, ident), "_check_in")) or fallback
        found.append(finding(f"{display}#{cell.sheet}", None, "sheet.check-in", N_("Task {task}: the check-in is older than the latest one in {file}; it is not written."),
                             hint=N_("Add an earlier check-in in the file itself."), line=cell.row, column=cell.column, task=ident, file=rel))
    _council_edits(loaded, data, merged.council, cells, display, fallback, found, evaluations)
    try:
        after = yamledit.apply(text, index, merged.changes) if merged.changes else text
    except yamledit.Refused as exc:
        cell = _cell_for(exc.path, cells) or fallback
        found.append(finding(f"{display}#{cell.sheet}", None, "sheet.layout",
                             N_("This value cannot be changed safely in {file} ({why}); edit the file by hand."),
                             line=cell.row, column=cell.column, file=rel, why=Phrase(exc.why)))
        return None
    if after == text:
        return Planned(rel, text, "unchanged")
    new_loaded = yamlio.load_precise(rel, after)
    model, problems = parse_document(rel, index, new_loaded.documents[index])
    rows = _rows_of(new_loaded.documents[index], data)  # the file's task order is not the workbook's
    found += [_at_cell(_in_workbook(d, rows), display, cells, fallback) for d in problems]
    if not isinstance(model, Assignment):
        return None
    found += [_at_cell(_in_workbook(d, rows), display, cells, fallback) for d in checks.check_assignment(ctx, Document(rel, index, model))]
    old_model, _problems = parse_document(rel, index, old_doc)
    diff = semdiff.compare([rel], [Document(rel, index, old_model)] if isinstance(old_model, Assignment) else [], [Document(rel, index, model)])
    found += [_at_cell(_in_workbook(d, rows), display, cells, fallback) for d in amend.amendment_findings(diff)]
    return Planned(rel, after, "changed", before=text, changes=tuple(diff.changes), edits=_edits(old_doc, merged.changes))


FIELD_LABELS = {  # what the semantic diff does not describe (it says a status change): the other values a workbook edits
    ("who", "lead"): N_("lead"), ("who", "support"): N_("support"), ("who",): N_("lead and support"),
    ("when", "start"): N_("start"), ("when", "checkpoints"): N_("checkpoints"), ("result", "product"): N_("product"),
    ("result", "measure", "indicator"): N_("indicator"), ("result", "measure", "unit"): N_("unit of measure"),
    ("result", "measure", "direction"): N_("direction"), ("responsibility", "accountable"): N_("accountable"),
    ("responsibility", "authority"): N_("authority"), ("responsibility", "support_from_above"): N_("support from above"),
    ("confidential",): N_("confidential"), ("position",): N_("position"),
    ("basis", "number"): N_("decision number"), ("basis", "date"): N_("decision date"), ("basis", "issued_by"): N_("issued by"),
    ("monitor",): N_("monitor"),
}


def _edits(old: dict, changes: list[Change]) -> tuple[tuple[str, str, Any, Any], ...]:
    out: list[tuple[str, str, Any, Any]] = []
    tasks = old.get("tasks") or []
    for c in changes:
        if c.path[0] == "tasks":
            i = int(c.path[1])
            if i >= len(tasks):
                continue  # a new task: listed as such
            task, holder, rest = str(tasks[i].get("id")), tasks[i], tuple(str(x) for x in c.path[2:])
        else:
            task, holder, rest = "", old, tuple(str(x) for x in c.path)
        label = FIELD_LABELS.get(rest)
        if label is not None:
            out.append((task, label, merge._get(holder, rest), None if c.value is yamledit.REMOVE else c.value))
    return tuple(out)


def _rows_of(doc: dict, data: dict) -> dict[int, int | None]:
    """The file's task index → the workbook's (None for a task the workbook does not list)."""
    listed = {str(t.get("id")): i for i, t in enumerate(data.get("tasks", []))}
    tasks = doc.get("tasks") if isinstance(doc, dict) else None
    return {k: listed.get(str(t.get("id"))) if isinstance(t, dict) else None for k, t in enumerate(tasks or [])}


def _in_workbook(d: Diagnostic, rows: dict[int, int | None]) -> Diagnostic:
    """A finding about the file's task k, located at the workbook's row of that task (the assignment's cell when it lists none)."""
    loc = d.where.loc if d.where else ()
    if len(loc) < 2 or loc[0] != "tasks" or not isinstance(loc[1], int) or d.where is None:
        return d
    row = rows.get(loc[1])
    return replace(d, where=replace(d.where, loc=("tasks", row, *loc[2:]) if row is not None else ()))


def _task_index(data: dict, ident: str) -> int:
    return next((i for i, t in enumerate(data.get("tasks", [])) if str(t.get("id")) == ident), 0)


def _council_edits(loaded: Registry, data: dict, council: list[tuple[str, dict]], cells: dict, display: str,
                   fallback: Cell, found: list[Diagnostic], evaluations: dict) -> None:
    """The council scores the workbook changes, as edits of the latest session that scores this assignment."""
    if not council:
        return
    sessions = []
    for doc in loaded.repo.evaluations:
        ev = doc.model
        if not ev.period.overlaps(data["period"]["from"], data["period"]["to"]):
            continue
        for i, entry in enumerate(ev.evaluations):
            if entry is not None and entry.cadre == data["cadre"] and entry.program in (None, data.get("program", "focus")):
                sessions.append((ev.date, doc.path, doc.index, i, entry))
    for ident, wanted in council:
        cell = cells.get(("tasks", _task_index(data, ident), "_council")) or fallback
        if not sessions:
            found.append(_no_session(display, cell, ident))
            continue
        _date, path, doc_index, i, entry = max(sessions, key=lambda s: (s[0], s[1]))
        if doc_index != 0:
            found.append(finding(path, None, "sheet.layout", N_("The council's scores cannot be edited safely in {file} ({why}); edit it by hand."),
                                 line=1, column=1, file=path, why=Phrase(N_("several documents"))))
            continue
        have = entry.tasks.get(ident)
        _text, edits = evaluations.setdefault(path, (read_bounded(loaded.repo.root / path).decode("utf-8-sig"), []))
        base = ("evaluations", i, "tasks", ident)
        if "score" in wanted and (have is None or merge.norm(have.score) != merge.norm(wanted["score"])):
            edits.append(Change((*base, "score"), wanted["score"]))
        if wanted.get("note") and (have is None or (have.note or "") != wanted["note"]):
            edits.append(Change((*base, "note"), wanted["note"]))



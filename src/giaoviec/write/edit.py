"""Everyday edits of an assignment file: append a check-in, record an outcome.

The file is not re-emitted: the new lines are inserted at the positions the YAML parser reports,
in the style of their neighbours (a flow mapping after flow mappings, the same indentation), so
every other byte stays as it was by construction. The result is parsed and validated again
before it replaces the file atomically (temporary file + rename); on any doubt nothing is written.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.i18n import Phrase, os_problem
from giaoviec.load import yamlio
from giaoviec.load.documents import parse_document
from giaoviec.model import Assignment
from giaoviec.write.atomic import write_bytes
from giaoviec.write.yamledit import last_line, offset


def EditError(message: str, broken: bool = False, **args: Any) -> Fatal:
    """The edit is refused and the file left untouched: exit 1 when the file itself has errors, else 2."""
    return Fatal(ExitCode.DATA_ERRORS if broken else ExitCode.USAGE, message, **args)


@dataclass(frozen=True)
class Edit:
    path: Path
    before: str
    after: str


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _get(mapping: MappingNode, key: str) -> Node | None:
    for k, v in mapping.value:
        if isinstance(k, ScalarNode) and k.value == key:
            return v
    return None


def _load(path: Path) -> tuple[str, Assignment, int, MappingNode]:
    """(text, assignment, document index, the document's node) — or EditError."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise EditError(N_("Cannot read {path}: {problem}."), path=str(path), problem=os_problem(exc) if isinstance(exc, OSError) else str(exc)) from exc
    if "\r" in text and "\n" not in text:
        raise EditError(N_("{path} ends its lines with a lone carriage return; save it with ordinary line ends first."), path=str(path))
    loaded = yamlio.load_precise(str(path), text)
    if loaded.diagnostics:
        raise EditError(N_("{path} has errors; run giaoviec validate and fix them first."), broken=True, path=str(path))
    found = [(i, d) for i, d in enumerate(loaded.documents) if isinstance(d, dict) and d.get("kind") == "Assignment"]
    if len(found) != 1:
        raise EditError(N_("{path} does not hold exactly one Assignment."), path=str(path))
    index, data = found[0]
    model, _problems = parse_document(str(path), index, data)
    if not isinstance(model, Assignment):
        raise EditError(N_("{path} has errors; run giaoviec validate and fix them first."), broken=True, path=str(path))
    return text, model, index, yamlio.compose(text)[index]


def _task_node(root: Node, task_id: str) -> tuple[MappingNode, int]:
    tasks = _get(root, "tasks")
    if isinstance(tasks, SequenceNode):
        for i, item in enumerate(tasks.value):
            if isinstance(item, MappingNode):
                ident = _get(item, "id")
                if isinstance(ident, ScalarNode) and ident.value == task_id:
                    if item.flow_style:
                        raise EditError(N_("Task {task} is written on one line ({{…}}); add the check-in by hand."), task=task_id)
                    return item, i
    raise EditError(N_("There is no task '{task}' in this file."), task=task_id)


def _check_date(a: Assignment, day: dt.date, today: dt.date, what: str) -> None:
    if not a.period.contains(day):
        raise EditError(N_("The {what} {day} is outside the period {start} – {end}."), what=Phrase(what), day=day,
                        start=a.period.start, end=a.period.end)
    if day > today:
        raise EditError(N_("The {what} {day} is in the future (today is {today})."), what=Phrase(what), day=day, today=today)


def add_check_in(path: Path, task_id: str, value: float | None, note: str | None, day: dt.date, today: dt.date,
                 evidence: tuple[str, ...] = ()) -> Edit:
    text, a, index, root = _load(path)
    node, _ = _task_node(root, task_id)
    _check_date(a, day, today, N_("check-in date"))
    nl = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    fields = [f"date: {day.isoformat()}"] + ([f"value: {_num(value)}"] if value is not None else []) + ([f"note: {_quoted(note)}"] if note else [])
    if evidence:
        fields.append("evidence: [" + ", ".join(_quoted(e) for e in evidence) + "]")
    flow = "{" + ", ".join(fields) + "}"
    progress = _get(node, "progress")
    if progress is None:
        indent = " " * node.start_mark.column
        at = offset(lines, last_line(node) + 1, 0)
        insertion = f"{indent}progress:{nl}{indent}  - {flow}{nl}"
    elif isinstance(progress, SequenceNode) and progress.flow_style:
        closing = offset(lines, progress.end_mark.line, progress.end_mark.column) - 1  # the "]"
        at, insertion = closing, (", " if progress.value else "") + flow
    elif isinstance(progress, SequenceNode):
        last = progress.value[-1]
        dash = " " * progress.start_mark.column
        at = offset(lines, last_line(last) + 1, 0)
        if isinstance(last, MappingNode) and not last.flow_style:
            pad = " " * last.start_mark.column
            insertion = f"{dash}- {fields[0]}{nl}" + "".join(f"{pad}{f}{nl}" for f in fields[1:])
        else:
            insertion = f"{dash}- {flow}{nl}"
    else:
        raise EditError(N_("'progress' of task {task} is not a list; fix it by hand."), task=task_id)
    if at > len(text):
        at = len(text)
    if at == len(text) and text and not text.endswith(("\n", "\r")) and not insertion.startswith((",", "{")):
        insertion = nl + insertion  # the file had no final newline
    after = text[:at] + insertion + text[at:]
    _verify(after, index, task_id, lambda t: t.progress and t.progress[-1].date == day and (value is None or t.progress[-1].value == value))
    return Edit(path, text, after)


def record_outcome(path: Path, task_id: str, done_on: dt.date, value: float | None, today: dt.date) -> Edit:
    text, a, index, root = _load(path)
    node, _ = _task_node(root, task_id)
    _check_date(a, done_on, today, N_("completion date"))
    nl = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    wanted = {"done_on": done_on.isoformat(), **({"value": _num(value)} if value is not None else {})}
    outcome = _get(node, "outcome")
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), applied from the end
    if outcome is None or (isinstance(outcome, ScalarNode) and outcome.value in ("", "~", "null")):
        indent = " " * node.start_mark.column
        body = "".join(f"{indent}  {k}: {v}{nl}" for k, v in wanted.items())
        if outcome is None:
            at = offset(lines, last_line(node) + 1, 0)
            edits.append((at, at, f"{indent}outcome:{nl}{body}"))
        else:  # "outcome: null" or "outcome:" with nothing: replace the value
            start = offset(lines, outcome.start_mark.line, outcome.start_mark.column)
            end = offset(lines, outcome.end_mark.line, outcome.end_mark.column)
            edits.append((start, end, "{" + ", ".join(f"{k}: {v}" for k, v in wanted.items()) + "}"))
    elif isinstance(outcome, MappingNode):
        missing = dict(wanted)
        for k, v in outcome.value:
            if isinstance(k, ScalarNode) and k.value in wanted:
                start = offset(lines, v.start_mark.line, v.start_mark.column)
                end = offset(lines, v.end_mark.line, v.end_mark.column)
                edits.append((start, end, wanted[k.value]))
                missing.pop(k.value)
        if missing and outcome.flow_style:
            closing = offset(lines, outcome.end_mark.line, outcome.end_mark.column) - 1
            edits.append((closing, closing, (", " if outcome.value else "") + ", ".join(f"{k}: {v}" for k, v in missing.items())))
        elif missing:
            pad = " " * outcome.value[0][0].start_mark.column if outcome.value else " " * (node.start_mark.column + 2)
            at = offset(lines, last_line(outcome) + 1, 0)
            edits.append((at, at, "".join(f"{pad}{k}: {v}{nl}" for k, v in missing.items())))
    else:
        raise EditError(N_("'outcome' of task {task} is not a mapping; fix it by hand."), task=task_id)
    after = text
    for start, end, replacement in sorted(edits, reverse=True):
        after = after[:start] + replacement + after[end:]
    _verify(after, index, task_id, lambda t: t.outcome is not None and t.outcome.done_on == done_on and (value is None or t.outcome.value == value))
    return Edit(path, text, after)


def _verify(after: str, index: int, task_id: str, holds) -> None:
    loaded = yamlio.load_precise("edit", after)
    model = None
    if not loaded.diagnostics and index < len(loaded.documents):
        model, _ = parse_document("edit", index, loaded.documents[index])
    task = next((t for t in model.tasks if t.id == task_id), None) if isinstance(model, Assignment) else None
    if task is None or not holds(task):
        raise EditError(N_("The edit could not be made safely in this file's layout; nothing was written."))


def write(edit: Edit) -> None:
    """Replaces the file atomically, keeping its byte order mark and its permissions — unless it
    changed since it was read (another writer came first): then nothing is written."""
    data = edit.after.encode("utf-8")
    raw = edit.path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        data = b"\xef\xbb\xbf" + data
    if raw.decode("utf-8-sig", "replace") != edit.before:
        raise EditError(N_("{path} changed while it was being edited; nothing was written: run the command again."), path=str(edit.path))
    write_bytes(edit.path, data, edit.path.stat().st_mode)

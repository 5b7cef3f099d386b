"""What a workbook changes in an existing Assignment file: for every value the workbook has a
column for, the sheet's value against the file's, as edits of exactly the values that differ
(write/yamledit.py makes them in place). Values the workbook has no column for, and tasks the
workbook does not list, are left as they are; an emptied cell removes its value."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from giaoviec.write.yamledit import REMOVE, Change

# (column key, the path of its value in an assignment, the value when the file has none)
ASSIGNMENT_FIELDS: tuple[tuple[str, tuple[str, ...], Any], ...] = (
    ("position", ("position",), None), ("status", ("status",), "assigned"),
    ("basis_number", ("basis", "number"), None), ("basis_date", ("basis", "date"), None),
    ("issued_by", ("basis", "issued_by"), None), ("monitor", ("monitor",), None),
)
TASK_FIELDS: tuple[tuple[str, tuple[str, ...], Any], ...] = (
    ("what", ("what",), None), ("lead", ("who", "lead"), None), ("support", ("who", "support"), None),
    ("start", ("when", "start"), None), ("due", ("when", "due"), None), ("checkpoints", ("when", "checkpoints"), None),
    ("product", ("result", "product"), None), ("indicator", ("result", "measure", "indicator"), None),
    ("measure_unit", ("result", "measure", "unit"), None), ("target", ("result", "measure", "target"), None),
    ("direction", ("result", "measure", "direction"), "increase"),
    ("accountable", ("responsibility", "accountable"), None), ("authority", ("responsibility", "authority"), None),
    ("support_from_above", ("responsibility", "support_from_above"), None), ("weight", ("weight",), 1),  # the model's default
    ("confidential", ("confidential",), False),
    ("done_on", ("outcome", "done_on"), None), ("outcome_value", ("outcome", "value"), None), ("evidence", ("outcome", "evidence"), None),
)


@dataclass(frozen=True)
class Merged:
    changes: list[Change]  # edits of the Assignment file
    new_tasks: list[str]  # ids of the tasks the workbook adds
    check_ins: list[tuple[str, dict]]  # (task, check-in) the workbook adds or changes
    older_check_ins: list[str]  # tasks whose check-in in the workbook is older than the file's latest: not written
    council: list[tuple[str, dict]]  # (task, {score, note}) as the workbook gives them


def norm(value: Any) -> Any:
    """A value as the file and the sheet both mean it: dates as ISO text, numbers as floats."""
    if isinstance(value, dict):
        return {k: norm(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [norm(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, (int, float)):
        return float(value)
    return str(value)


def _get(data: Any, path: tuple) -> Any:
    for step in path:
        if isinstance(data, dict):
            data = data.get(step)
        else:
            return None
    return data


def _same(old: Any, new: Any, default: Any) -> bool:
    return norm(default if old is None else old) == norm(default if new is None else new)


def _field_changes(base: tuple, old: dict, new: dict, fields, columns: set[str]) -> list[Change]:
    """Edits of the fields the workbook has columns for; a whole parent mapping removed when the
    workbook empties every value of it that the file holds."""
    out: list[Change] = []
    removed: dict[tuple, list[tuple]] = {}
    for key, path, default in fields:
        if key not in columns:
            continue
        was, now = _get(old, path), _get(new, path)
        if _same(was, now, default):
            continue
        if now is None or (now == default and was is not None and default is not None):
            if was is not None:
                removed.setdefault(path[:-1], []).append(path)
            continue
        out.append(Change((*base, *path), now))
    for parent, paths in removed.items():
        held = _get(old, parent)
        if parent and isinstance(held, dict) and set(held) <= {p[-1] for p in paths} and not any(
                c.path[: len(base) + len(parent)] == (*base, *parent) for c in out):
            out.append(Change((*base, *parent), REMOVE))  # nothing of it is left
        else:
            out += [Change((*base, *p), REMOVE) for p in paths]
    return out


def merge(old: dict, new: dict, columns: set[str]) -> Merged:
    changes = _field_changes((), old, new, ASSIGNMENT_FIELDS, columns)
    old_tasks = [t for t in old.get("tasks") or [] if isinstance(t, dict)]
    index = {str(t.get("id")): i for i, t in enumerate(old_tasks)}
    new_tasks: list[str] = []
    check_ins: list[tuple[str, dict]] = []
    older: list[str] = []
    council: list[tuple[str, dict]] = []
    appended = len(old.get("tasks") or [])
    for task in new.get("tasks", []):
        ident = str(task.get("id"))
        extra_check_in, extra_council = task.get("_check_in"), task.get("_council")
        plain_task = {k: v for k, v in task.items() if not k.startswith("_")}
        if extra_council:
            council.append((ident, extra_council))
        if ident not in index:
            if extra_check_in and extra_check_in.get("date"):
                plain_task["progress"] = [extra_check_in]
            changes.append(Change(("tasks", appended), plain_task))
            appended += 1
            new_tasks.append(ident)
            continue
        i = index[ident]
        changes += _field_changes(("tasks", i), old_tasks[i], plain_task, TASK_FIELDS, columns)
        if extra_check_in and extra_check_in.get("date"):
            edit = _check_in(i, old_tasks[i], extra_check_in)
            if edit is None:
                older.append(ident)
            else:
                changes += edit
                if edit:
                    check_ins.append((ident, extra_check_in))
    return Merged(changes, new_tasks, check_ins, older, council)


def _check_in(i: int, old_task: dict, check_in: dict) -> list[Change] | None:
    """The edits that make the file's check-in of that date what the workbook says, or append it
    when it is later than every check-in of the file; None when it is older than the latest."""
    progress = [p for p in old_task.get("progress") or [] if isinstance(p, dict)]
    day = norm(check_in["date"])
    for n, p in enumerate(progress):
        if norm(p.get("date")) == day:
            out = []
            for key in ("value", "note"):
                if key in check_in and norm(p.get(key)) != norm(check_in[key]):
                    out.append(Change(("tasks", i, "progress", n, key), check_in[key]))
            return out
    if progress and max(norm(p.get("date")) for p in progress) > day:
        return None
    if not progress and old_task.get("progress") is None:
        return [Change(("tasks", i, "progress"), [check_in])]
    return [Change(("tasks", i, "progress", len(old_task.get("progress") or [])), check_in)]

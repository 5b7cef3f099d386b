"""`progress` as a function: the file read, edited and written by one writer at a time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from giaoviec.write import edit
from giaoviec.write.atomic import locked, recover


def record(root: Path, path: Path, task: str, value: float | None, note: str | None, day: dt.date | None,
           done_on: dt.date | None, today: dt.date, evidence: tuple[str, ...] = ()) -> edit.Edit:
    """Appends a check-in (or records the outcome when `done_on` is given) and writes the file.
    A second writer on the same folder waits; if the file still changed meanwhile, nothing is written."""
    recover(root)
    with locked(path.parent):
        if done_on is not None:
            change = edit.record_outcome(path, task, done_on, value, today)
        else:
            change = edit.add_check_in(path, task, value, note, day or today, today, evidence)
        edit.write(change)
    return change

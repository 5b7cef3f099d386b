"""`progress` as a function: the file read, edited and written by one writer at a time."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.write import edit
from giaoviec.write.atomic import locked, recover
from giaoviec.write.paths import data_path


class Stale(Exception):
    """The file is not the one the change was made against (`expected`): nothing was written."""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record(root: Path, path: Path, task: str, value: float | None, note: str | None, day: dt.date | None,
           done_on: dt.date | None, today: dt.date, evidence: tuple[str, ...] = (), expected: str | None = None) -> edit.Edit:
    """Appends a check-in (or records the outcome when `done_on` is given) and writes the file.
    A second writer on the same repository waits; if the file still changed meanwhile, nothing is written.
    `expected` (serve's form): the file's sha256 when the change was typed; another one raises `Stale`."""
    if done_on is not None and (note is not None or day is not None):
        raise Fatal(ExitCode.USAGE, N_("--done-on records the outcome, which has no note or date of its own; nothing was written."),
                    hint=N_("Give --note and --date to a check-in (a run without --done-on), then record the outcome."))
    with locked(root):
        recover(root)  # a write killed before is finished (or undone) first
        data_path(root, path.relative_to(root.resolve()).as_posix())  # no link out of the repository, the file not a link
        if expected is not None and digest(path) != expected:
            raise Stale()
        if done_on is not None:
            change = edit.record_outcome(path, task, done_on, value, today)
        else:
            change = edit.add_check_in(path, task, value, note, day or today, today, evidence)
        edit.write(root, change)
    return change

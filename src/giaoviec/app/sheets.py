"""`import` as functions: what a workbook would write, checked against the repository."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from giaoviec.app.checking import check
from giaoviec.diagnostics import N_, Diagnostic, ExitCode, Fatal
from giaoviec.load.files import read_bounded
from giaoviec.load.repository import load_registry
from giaoviec.sheets import evaluation_import, importer
from giaoviec.sheets.importer import Planned
from giaoviec.write.atomic import locked, recover, write_all
from giaoviec.write.paths import data_path


def plan_import(root: Path, workbook: Path, today: dt.date | None = None) -> tuple[list[Planned], list[Diagnostic]]:
    with locked(root):
        recover(root)  # an import killed before is finished (or undone) first
    return importer.plan(load_registry(root), workbook, today)


def plan_evaluation(root: Path, workbook: Path, council: str) -> tuple[list[Planned], list[Diagnostic]]:
    return evaluation_import.plan(check(root).repo, workbook, council)


def write_planned(root: Path, planned: list[Planned]) -> int:
    """Every new and changed file of the import, or none (write.atomic.write_all), never through a
    link out of the repository, never over a file that appeared or changed since the plan was made.
    How many files were written."""
    files = []
    with locked(root):
        for p in planned:
            target = data_path(root, p.path)
            if p.state == "new":
                if target.exists():
                    raise Fatal(ExitCode.USAGE, N_("{path} appeared while importing; nothing was written: import again."), path=p.path)
                files.append((target, p.text.encode("utf-8")))
            elif p.state == "changed":
                raw = read_bounded(target)
                if raw.decode("utf-8-sig", "replace") != p.before:
                    raise Fatal(ExitCode.USAGE, N_("{path} changed while importing; nothing was written: import again."), path=p.path)
                bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
                files.append((target, bom + p.text.encode("utf-8")))
        write_all(root, files)
    return len(files)

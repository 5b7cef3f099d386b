"""`import` as functions: what a workbook would write, checked against the repository."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from giaoviec.app.checking import check
from giaoviec.diagnostics import Diagnostic
from giaoviec.load.repository import load_registry
from giaoviec.sheets import evaluation_import, importer
from giaoviec.sheets.importer import Planned
from giaoviec.write.atomic import write_text


def plan_import(root: Path, workbook: Path, today: dt.date | None = None) -> tuple[list[Planned], list[Diagnostic]]:
    return importer.plan(load_registry(root), workbook, today)


def plan_evaluation(root: Path, workbook: Path, council: str) -> tuple[list[Planned], list[Diagnostic]]:
    return evaluation_import.plan(check(root).repo, workbook, council)


def write_planned(root: Path, planned: list[Planned]) -> None:
    for p in planned:
        if p.state == "new":
            target = root / p.path
            target.parent.mkdir(parents=True, exist_ok=True)
            write_text(target, p.text)

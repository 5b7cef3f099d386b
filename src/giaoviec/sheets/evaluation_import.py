"""`giaoviec import --evaluation FILE.xlsx --council ID`: the council's filled sheet → an Evaluation
file. Scores above a task's weight, unknown tasks and unknown cadres are refused at their cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from giaoviec.diagnostics import N_, Diagnostic, finding
from giaoviec.load.repository import Repository
from giaoviec.sheets.importer import Planned
from giaoviec.sheets.names import coded, plain
from giaoviec.sheets.read import date_of, number_of
from giaoviec.sheets.workbook import open_workbook
from giaoviec.sheets.xlsx import LEFT_OUT_SHEET, SCORE_HEAD
from giaoviec.write.yamlwrite import emit


def plan(repo: Repository, workbook: Path, council: str) -> tuple[list[Planned], list[Diagnostic]]:
    """The Evaluation file the sheet gives, against the checked repository (its assignment summaries)."""
    root = repo.root
    display = workbook.name
    found: list[Diagnostic] = []
    if council not in repo.units:
        return [], [finding(display, None, "ref.unknown", N_("Unknown unit '{unit}'."), line=1, column=1, unit=council)]
    opened = open_workbook(workbook, display)
    if opened.diagnostics:
        return [], opened.diagnostics
    wb = opened.workbook
    entries, starts, ends = [], [], []
    for ws in wb.worksheets:
        if ws.title == LEFT_OUT_SHEET:
            continue  # what the exported sheet left out: not scores
        def err(row: int, col: int, message: str, where: str = f"{display}#{ws.title}", **args: Any) -> None:
            found.append(finding(where, None, "sheet.value", message, line=row, column=col, **args))

        head = {plain(ws.cell(r, 1).value): (r, ws.cell(r, 2).value) for r in range(1, 8)}
        cadre = str(head.get("ma can bo", (1, ""))[1] or "").strip()
        program = coded("program", head.get("hinh thuc", (3, ""))[1]) or "focus"
        start, end = (date_of(head.get(k, (0, None))[1]) for k in ("ky danh gia tu", "ky danh gia den"))
        if cadre not in repo.cadres:
            err(head.get("ma can bo", (1, None))[0], 2, N_("Unknown cadre '{cadre}'."), cadre=cadre)
            continue
        if start is None or end is None:
            err(4, 2, N_("'{value}' is not a date (dd/mm/yyyy or an Excel date)."), value=head.get("ky danh gia tu", (4, None))[1])
            continue
        matches = [a for a in repo.by_cadre.get(cadre, ()) if a.program == program and a.period.overlaps(start, end)]
        if len(matches) != 1:
            err(1, 2, N_("No single assignment of '{cadre}' ({program}) for {start} – {end}."), cadre=cadre, program=program,
                start=start, end=end)
            continue
        weights = matches[0].weights
        entry: dict = {"cadre": cadre, "program": program}
        general_row, general = head.get("diem tieu chi chung", (6, None))
        if general not in (None, ""):
            value = number_of(general)
            if value is None:
                err(general_row, 2, N_("'{value}' is not a number."), value=general)
            else:
                entry["general"] = value
        header_row = next((r for r in range(1, ws.max_row + 1) if plain(ws.cell(r, 1).value) == plain(SCORE_HEAD[0])), None)
        tasks: dict = {}
        for r in range(header_row + 1 if header_row else ws.max_row + 1, ws.max_row + 1):
            task_id, score, note = ws.cell(r, 1).value, ws.cell(r, 6).value, ws.cell(r, 7).value
            if task_id in (None, "") or score in (None, ""):
                continue
            task_id = str(task_id).strip()
            value = number_of(score)
            if task_id not in weights:
                err(r, 1, N_("Task '{task}' does not exist in {file}."), task=task_id, file=matches[0].path)
            elif value is None:
                err(r, 6, N_("'{value}' is not a number."), value=score)
            elif not 0 <= value <= weights[task_id]:
                err(r, 6, N_("Score {score:g} for task {task} is above its weight {weight:g}."), score=value, task=task_id, weight=weights[task_id])
            else:
                tasks[task_id] = {"score": value, **({"note": str(note).strip()} if note not in (None, "") else {})}
        if tasks:
            entry["tasks"] = tasks
        entries.append(entry)
        starts.append(start)
        ends.append(end)
    if found or not entries:
        return [], found or [finding(display, None, "sheet.missing-sheet", N_("No sheet holds a cadre's scores."), line=1, column=1)]
    period = {"from": min(starts).isoformat(), "to": max(ends).isoformat()}
    document = {"apiVersion": "giaoviec/v1", "kind": "Evaluation", "council": council, "period": period,
                "date": max(ends).isoformat(), "evaluations": entries}
    rel = f"evaluations/{max(ends).year}/{council}.yaml"
    text = "# yaml-language-server: $schema=../../schemas/evaluation.schema.json\n" + emit(document)
    target = root / rel
    state = "new" if not target.exists() else ("unchanged" if target.read_text(encoding="utf-8") == text else "changed")
    if state == "changed":
        return [], [finding(rel, None, "sheet.exists", N_("{file} exists with other content; it is left as it is (edit it, or remove it to import again)."),
                            line=1, column=1, file=rel)]
    return [Planned(rel, text, state)], []



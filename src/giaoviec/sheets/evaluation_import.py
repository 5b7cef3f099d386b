"""`giaoviec import --evaluation FILE.xlsx --council ID`: the council's filled sheet → an Evaluation
file. Scores above a task's weight, unknown tasks and unknown cadres are refused at their cell.

Only what the council filled in is written: a cadre's sheet with no score at all (no general
criteria, no component, no task) writes no entry, so the session of an earlier sheet or file keeps
scoring that cadre (a blank entry of a later session would replace it: spec/format.md, "the latest
date wins"). The plan says, per cadre, what it writes and what it leaves as it was."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from giaoviec.diagnostics import N_, Diagnostic, finding
from giaoviec.i18n import Phrase, phrase
from giaoviec.model.values import Repository
from giaoviec.sheets.cells import date_finding, date_of, number_of
from giaoviec.sheets.importer import Planned
from giaoviec.sheets.names import coded, label, plain
from giaoviec.sheets.workbook import open_workbook
from giaoviec.sheets.xlsx import GENERAL_LABEL, LEFT_OUT_SHEET, MEETING_LABEL, MINUTES_LABEL, SCORE_HEAD
from giaoviec.words import COMPONENT, PROGRAM
from giaoviec.write.yamlwrite import emit

COMPONENTS = {plain(f"diem {label(COMPONENT, k)}"): k for k in COMPONENT if k not in ("general", "tasks")}


@dataclass
class Session:
    """What the sheets say of the whole session: its minutes' number and its date, with the cell each came from."""

    minutes: dict[str, tuple[str, int]] = field(default_factory=dict)  # number → (sheet, row)
    meeting: dict[dt.date, tuple[str, int]] = field(default_factory=dict)


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
    entries, starts, ends, notes = [], [], [], []
    session = Session()
    for ws in opened.workbook.worksheets:
        if ws.title != LEFT_OUT_SHEET:  # what the exported sheet left out: not scores
            got = _sheet(ws, repo, f"{display}#{ws.title}", found, session)
            if got is not None:
                entry, start, end, note = got
                notes.append(note)
                if entry is not None:
                    entries.append(entry)
                    starts.append(start)
                    ends.append(end)
    for seen in (session.minutes, session.meeting):
        if len(seen) > 1:
            (first, at), (second, (sheet, row)) = sorted(seen.items(), key=lambda kv: kv[1])[:2]
            found.append(finding(f"{display}#{sheet}", None, "sheet.value", N_("'{value}' differs from '{other}' on sheet {sheet}: one session has one minutes' number and one date."),
                                 line=row, column=2, value=second, other=first, sheet=at[0]))
    if found or not entries:
        return [], found or [finding(display, None, "sheet.missing-sheet", N_("No sheet holds a cadre's scores."), line=1, column=1)]
    day = next(iter(session.meeting), None) or max(ends)
    document: dict[str, Any] = {"apiVersion": "giaoviec/v1", "kind": "Evaluation", "council": council,
                                "period": {"from": min(starts).isoformat(), "to": max(ends).isoformat()}, "date": day.isoformat()}
    if session.minutes:
        document["basis"] = {"number": next(iter(session.minutes)), "date": day.isoformat()}
    document["evaluations"] = entries
    text = "# yaml-language-server: $schema=../../schemas/evaluation.schema.json\n" + emit(document)
    rel, state = _target(root, f"evaluations/{max(ends).year}", council, day, text)
    return [Planned(rel, text, state, notes=tuple(notes))], []


def _target(root: Path, folder: str, council: str, day: dt.date, text: str) -> tuple[str, str]:
    """Where the session is written: <council>.yaml, the first session of the year; a later session
    (another sheet, another meeting) goes to a file of its own, <council>-<meeting date>.yaml (then
    -2, -3, ...), so that no session is ever overwritten and no one is told to delete one (the latest
    date wins per cadre: spec/format.md). The same sheet imported again finds its own file unchanged."""
    names = [f"{council}.yaml", f"{council}-{day.isoformat()}.yaml"]
    n = 2
    while (root / folder / names[-1]).exists():
        names.append(f"{council}-{day.isoformat()}-{n}.yaml")
        n += 1
    for name in names:
        target = root / folder / name
        if target.exists() and target.read_text(encoding="utf-8") == text:
            return f"{folder}/{name}", "unchanged"
    return f"{folder}/{next(name for name in names if not (root / folder / name).exists())}", "new"


def _sheet(ws, repo: Repository, where: str, found: list[Diagnostic], session: Session) -> tuple[dict | None, dt.date, dt.date, Phrase] | None:
    """A cadre's sheet: its entry (None when the council filled nothing in), its period, and what the import does with it."""
    def err(row: int, col: int, message: str, **args: Any) -> None:
        found.append(finding(where, None, "sheet.value", message, line=row, column=col, **args))

    header_row = next((r for r in range(1, ws.max_row + 1) if plain(ws.cell(r, 1).value) == plain(SCORE_HEAD[0])), ws.max_row + 1)
    head = {plain(ws.cell(r, 1).value): (r, ws.cell(r, 2).value) for r in range(1, min(header_row, ws.max_row + 1))}
    cadre = str(head.get("ma can bo", (1, ""))[1] or "").strip()
    program = coded("program", head.get("hinh thuc", (3, ""))[1]) or "focus"
    start, end = (date_of(head.get(k, (0, None))[1]) for k in ("ky danh gia tu", "ky danh gia den"))
    if cadre not in repo.cadres:
        err(head.get("ma can bo", (1, None))[0], 2, N_("Unknown cadre '{cadre}'."), cadre=cadre)
        return None
    if start is None or end is None:
        err(4, 2, N_("'{value}' is not a date (dd/mm/yyyy or an Excel date)."), value=head.get("ky danh gia tu", (4, None))[1])
        return None
    matches = [a for a in repo.by_cadre.get(cadre, ()) if a.program == program and a.period.overlaps(start, end)]
    if len(matches) != 1:
        err(1, 2, N_("No single assignment of '{cadre}' ({program}) for {start} – {end}."), cadre=cadre, program=program, start=start, end=end)
        return None
    weights = matches[0].weights
    entry: dict = {"cadre": cadre, "program": program}
    components: dict[str, float] = {}
    for key, (row, value) in head.items():
        if value in (None, ""):
            continue
        if key == plain(MINUTES_LABEL):
            minutes = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value).strip()  # 15, not 15.0
            session.minutes.setdefault(minutes, (ws.title, row))
            continue
        if key == plain(MEETING_LABEL):
            day = date_of(value)
            if day is None:
                found.append(date_finding(where, row, 2, value))
            else:
                session.meeting.setdefault(day, (ws.title, row))
            continue
        name = "general" if key == plain(GENERAL_LABEL) else COMPONENTS.get(key) or (key[5:].replace(" ", "-") if key.startswith("diem ") else None)
        if name is None:
            continue
        number = number_of(value)
        if number is None:
            err(row, 2, N_("'{value}' is not a number."), value=value)
        elif name == "general":
            entry["general"] = number
        else:
            components[name] = number
    if components:
        entry["components"] = components
    tasks: dict = {}
    for r in range(header_row + 1, ws.max_row + 1):
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
    who = {"cadre": repo.name(cadre), "program": Phrase(PROGRAM[program]) if program in PROGRAM else program}
    if len(entry) == 2:  # cadre and program alone: the council filled nothing in for this cadre
        return None, start, end, phrase(N_("{cadre} ({program}): no score in the sheet; left as it was (an earlier session's scores still hold)"), **who)
    scored = tuple([Phrase(N_("general criteria"))] if "general" in entry else []) + tuple(Phrase(COMPONENT[c]) for c in components if c in COMPONENT)
    if scored:
        return entry, start, end, phrase(N_("{cadre} ({program}): {scored}; {n}/{total} tasks scored"), n=len(tasks), total=len(weights), scored=scored, **who)
    return entry, start, end, phrase(N_("{cadre} ({program}): {n}/{total} tasks scored"), n=len(tasks), total=len(weights), **who)

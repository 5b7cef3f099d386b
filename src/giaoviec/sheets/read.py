"""Spreadsheets in: a workbook laid out as a Ban Tổ chức lays it out → Assignment files.

Sheet "Nhiệm vụ" (any sheet whose header row names the task columns): one row per task; the
assignment columns (cadre, unit, period, decision…) on each row, or only on the first row of a
cadre's block, or once in a sheet "Thông tin" (label in column A, value in B). Headers are matched
with or without diacritics, in any order, also when they are merged over two rows; dates may be
Excel dates or dd/mm/yyyy text; numbers may use a decimal comma. Every problem is a diagnostic at
FILE.xlsx#Sheet, row, column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from giaoviec.diagnostics import N_, Diagnostic, finding
from giaoviec.sheets.cells import date_finding, date_of, number_of
from giaoviec.sheets.names import SHOWN, coded, plain
from giaoviec.sheets.workbook import open_workbook

ASSIGNMENT_COLUMNS = {
    "cadre": ("ma can bo", "can bo"), "name": ("ho va ten", "ho ten"), "unit": ("ma don vi", "don vi"),
    "position": ("chuc vu",), "program": ("hinh thuc",), "from": ("tu ngay", "ky tu", "bat dau ky"),
    "to": ("den ngay", "ky den", "ket thuc ky"), "status": ("trang thai",), "basis_number": ("so quyet dinh", "can cu"),
    "basis_date": ("ngay quyet dinh",), "issued_by": ("co quan ban hanh", "noi ban hanh"), "monitor": ("dau moi theo doi", "dau moi"),
}
TASK_COLUMNS = {
    "id": ("ma nhiem vu", "ma nv", "stt", "ma"), "what": ("noi dung nhiem vu", "noi dung", "nhiem vu", "ro viec"),
    "lead": ("nguoi chu tri", "chu tri", "ro nguoi"), "support": ("phoi hop", "don vi phoi hop"),
    "start": ("ngay bat dau",), "due": ("han hoan thanh", "thoi han", "han", "ro thoi gian"),
    "checkpoints": ("moc kiem tra", "cac moc"),
    "product": ("san pham", "ro ket qua", "ket qua"), "indicator": ("ten chi tieu", "chi tieu"), "measure_unit": ("don vi tinh", "dvt"),
    "target": ("gia tri can dat", "muc tieu", "chi tieu can dat"), "direction": ("chieu",),
    "accountable": ("nguoi chiu trach nhiem", "chiu trach nhiem", "ro trach nhiem"), "authority": ("tham quyen", "ro tham quyen"),
    "support_from_above": ("cap tren ho tro", "ho tro"), "weight": ("trong so",), "confidential": ("mat",),
    "done_on": ("ngay hoan thanh",), "outcome_value": ("ket qua cuoi cung", "gia tri khi hoan thanh"), "evidence": ("minh chung",),
    "checkin_date": ("ngay bao cao tien do", "ngay bao cao gan nhat"), "checkin_value": ("gia tri bao cao tien do", "gia tri bao cao gan nhat"),
    "checkin_note": ("noi dung bao cao tien do", "noi dung bao cao gan nhat"),
    "council_score": ("diem hoi dong",), "council_note": ("nhan xet cua hoi dong",),
}
FIELD_LOCS = {  # where a task column's value goes in the task: a finding there points at the column's cell, an empty one too
    "lead": ("who", "lead"), "support": ("who", "support"), "start": ("when", "start"), "due": ("when", "due"),
    "checkpoints": ("when", "checkpoints"), "product": ("result", "product"), "indicator": ("result", "measure", "indicator"),
    "measure_unit": ("result", "measure", "unit"), "target": ("result", "measure", "target"), "direction": ("result", "measure", "direction"),
    "accountable": ("responsibility", "accountable"), "authority": ("responsibility", "authority"),
    "support_from_above": ("responsibility", "support_from_above"), "weight": ("weight",), "confidential": ("confidential",),
    "done_on": ("outcome", "done_on"), "outcome_value": ("outcome", "value"), "evidence": ("outcome", "evidence"),
    "checkin_date": ("progress",),
}
PARENT_COLUMNS = {  # a finding about a whole part of the task: the column that holds its first value
    ("who",): ("lead",), ("when",): ("checkpoints", "due"), ("result",): ("product",), ("result", "measure"): ("indicator", "target"),
    ("responsibility",): ("accountable",), ("outcome",): ("done_on", "outcome_value"),
}
REQUIRED = ("id", "what")
HEADERS = {"id": "Mã nhiệm vụ", "what": "Nội dung nhiệm vụ", "cadre": "Mã cán bộ", "unit": "Mã đơn vị", "from": "Từ ngày", "to": "Đến ngày"}


@dataclass
class Cell:
    sheet: str
    row: int
    column: int
    value: Any


@dataclass
class Parsed:
    """Assignments read from a workbook, with the cell each value came from."""

    assignments: list[dict] = field(default_factory=list)
    cells: list[dict] = field(default_factory=list)  # per assignment: loc tuple → Cell
    diagnostics: list[Diagnostic] = field(default_factory=list)
    columns: set[str] = field(default_factory=set)  # the keys the workbook has a column (or a Thông tin line) for


def _diag(path: str, cell: Cell, code: str, message: str, **args: Any) -> Diagnostic:
    return finding(f"{path}#{cell.sheet}", None, code, message, line=cell.row, column=cell.column, **args)


def _header_row(ws, wanted: dict[str, tuple[str, ...]]) -> tuple[int, dict[str, int]] | None:
    """The row (of the first 12) naming the most columns, and column → key, reading merged cells."""
    merged = {}
    for rng in ws.merged_cells.ranges:
        top = ws.cell(rng.min_row, rng.min_col).value
        for row in range(rng.min_row, rng.max_row + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                merged[(row, col)] = top
    best: tuple[int, dict[str, int]] | None = None
    for row in range(1, min(ws.max_row, 12) + 1):
        found: dict[str, int] = {}
        for col in range(1, ws.max_column + 1):
            value = ws.cell(row, col).value
            if value is None:
                value = merged.get((row, col))
            key = _key(plain(value), wanted)
            if key and key not in found:
                found[key] = col
        if best is None or len(found) > len(best[1]):
            best = (row, found)
    return best if best and len(best[1]) >= 2 else None


def _key(header: str, wanted: dict[str, tuple[str, ...]]) -> str | None:
    for key, aliases in wanted.items():
        if header in aliases:
            return key
    for key, aliases in wanted.items():  # "nội dung nhiệm vụ (rõ việc)" and the like
        if any(header.startswith(a + " ") for a in aliases):
            return key
    return None


def read_workbook(path: Path, display: str) -> Parsed:
    out = Parsed()
    opened = open_workbook(path, display)
    if opened.diagnostics:
        out.diagnostics += opened.diagnostics
        return out
    wb = opened.workbook
    defaults: dict[str, Cell] = {}
    for ws in wb.worksheets:
        if plain(ws.title) in ("thong tin", "thong tin chung", "info"):
            for row in range(1, ws.max_row + 1):
                key = _key(plain(ws.cell(row, 1).value), ASSIGNMENT_COLUMNS)
                if key and ws.cell(row, 2).value not in (None, ""):
                    defaults[key] = Cell(ws.title, row, 2, ws.cell(row, 2).value)
    sheet = None
    for ws in wb.worksheets:
        if plain(ws.title) in ("thong tin", "thong tin chung", "info", "chua day du"):
            continue  # the assignment's header; what an export left out
        header = _header_row(ws, {**TASK_COLUMNS, **ASSIGNMENT_COLUMNS})
        if header and all(k in header[1] for k in ("what",)):
            sheet, (header_row, columns) = ws, header
            break
    if sheet is None:
        out.diagnostics.append(finding(display, None, "sheet.missing-sheet",
                                       N_("No sheet has a header row naming the task columns (Nội dung nhiệm vụ, Hạn hoàn thành…)."), line=1, column=1))
        return out
    where = f"{display}#{sheet.title}"
    for key in REQUIRED:
        if key not in columns:
            out.diagnostics.append(finding(where, None, "sheet.missing-column", N_("The task sheet has no column '{name}'."),
                                           line=header_row, column=1, name=HEADERS[key]))
    for key in ("cadre", "unit", "from", "to"):
        if key not in columns and key not in defaults:
            out.diagnostics.append(finding(where, None, "sheet.missing-column",
                                           N_("Neither the task sheet nor a sheet 'Thông tin' gives '{name}'."),
                                           line=header_row, column=1, name=HEADERS[key]))
    if out.diagnostics:
        return out
    out.columns = set(columns) | set(defaults)
    current: dict[str, Cell] = dict(defaults)
    groups: dict[tuple, tuple[dict, dict]] = {}
    read: dict[tuple, Any] = {}
    for row in range(header_row + 1, sheet.max_row + 1):
        cells = {k: Cell(sheet.title, row, c, sheet.cell(row, c).value) for k, c in columns.items()}
        if all(c.value in (None, "") for c in cells.values()):
            continue
        for key in ASSIGNMENT_COLUMNS:  # an assignment column left blank continues the block above
            if key in cells and cells[key].value not in (None, ""):
                current[key] = cells[key]
        if cells.get("what") is None or cells["what"].value in (None, ""):
            continue  # a sub-heading or a note row
        head = dict(current)
        values = {}
        for k, cell in head.items():  # a cell shared by many rows (Thông tin, a block's first row) is read, and reported, once
            at = (k, cell.sheet, cell.row, cell.column)
            if at not in read:
                read[at] = _value(k, cell, display, out)
            values[k] = read[at]
        gkey = (values.get("cadre"), values.get("program") or "focus", values.get("from"), values.get("to"))
        if gkey not in groups:
            groups[gkey] = _assignment(values, head, display, out)
        data, origin = groups[gkey]
        i = len(data["tasks"])
        task, task_origin = _task(cells, display, out, data)
        first = next((origin[("tasks", j)].row for j, t in enumerate(data["tasks"]) if task["id"] and t["id"] == task["id"]), None)
        if first is not None:  # a row copied (in Excel, the last copy would silently win): refused at the copy
            out.diagnostics.append(_diag(display, cells["id"], "ref.duplicate-id", N_("Task {task} is listed twice for this assignment: also at row {row}."),
                                         task=task["id"], row=first))
            continue
        data["tasks"].append(task)
        origin[("tasks", i)] = cells["what"]  # a finding about the whole task points at its row
        for field_loc, cell in task_origin.items():
            origin[("tasks", i, *field_loc)] = cell
    for data, origin in groups.values():
        out.assignments.append(data)
        out.cells.append(origin)
    return out


def _value(key: str, cell: Cell, display: str, out: Parsed) -> Any:
    if key in ("from", "to", "basis_date"):
        day = date_of(cell.value)
        if day is None:
            out.diagnostics.append(date_finding(f"{display}#{cell.sheet}", cell.row, cell.column, cell.value))
        return day
    if key in ("program", "status"):
        code = coded(key, cell.value)
        if code is None:
            out.diagnostics.append(_diag(display, cell, "sheet.value", N_("'{value}' is not one of: {choices}."), value=cell.value,
                                         choices=", ".join(SHOWN[key].values())))
        return code
    return _text(cell.value)


def _text(value: Any) -> str:
    """A cell as text: a whole number typed into a text column as that number ("12", not "12.0")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _assignment(values: dict, head: dict[str, Cell], display: str, out: Parsed) -> tuple[dict, dict]:
    data: dict[str, Any] = {"cadre": values.get("cadre"), "unit": values.get("unit")}
    origin: dict[tuple[str, ...], Cell | None] = {("cadre",): head.get("cadre"), ("unit",): head.get("unit")}
    if values.get("position"):
        data["position"] = values["position"]
    data["program"] = values.get("program") or "focus"
    data["period"] = {"from": values.get("from"), "to": values.get("to")}
    origin[("period", "from")], origin[("period", "to")] = head.get("from"), head.get("to")
    data["status"] = values.get("status") or "assigned"
    for key, loc in (("status", ("status",)), ("position", ("position",)), ("program", ("program",)),
                     ("basis_number", ("basis", "number")), ("basis_date", ("basis", "date"))):
        if head.get(key) is not None:
            origin[loc] = head[key]
    if values.get("basis_number"):
        data["basis"] = {"number": values["basis_number"], "date": values.get("basis_date")}
        if values.get("issued_by"):
            data["basis"]["issued_by"] = values["issued_by"]
            origin[("basis", "issued_by")] = head.get("issued_by")
    if values.get("monitor"):
        data["monitor"] = values["monitor"]
        origin[("monitor",)] = head.get("monitor")
    data["tasks"] = []
    return data, {k: v for k, v in origin.items() if v is not None}


def _task(cells: dict[str, Cell], display: str, out: Parsed, assignment: dict) -> tuple[dict, dict]:
    def text(key):
        cell = cells.get(key)
        return None if cell is None or cell.value in (None, "") or not _text(cell.value) else _text(cell.value)

    def day_of(key):
        day = date_of(cells[key].value)
        if day is None:
            out.diagnostics.append(date_finding(f"{display}#{cells[key].sheet}", cells[key].row, cells[key].column, cells[key].value))
        return day

    def number(key):
        value = number_of(cells[key].value)
        if value is None:
            out.diagnostics.append(_diag(display, cells[key], "sheet.number", N_("'{value}' is not a number."), value=cells[key].value))
        return value

    origin: dict[tuple, Cell] = {}
    ident = text("id") or ""
    if re.fullmatch(r"\d+(\.0)?", ident):
        ident = f"{int(float(ident)):02d}"
    task: dict[str, Any] = {"id": ident, "what": text("what")}
    origin[("id",)], origin[("what",)] = cells["id"], cells["what"]
    who: dict[str, Any] = {}
    if text("lead"):
        leads = [x.strip() for x in re.split(r"[;,\n]", text("lead")) if x.strip()]
        who["lead"] = leads[0] if len(leads) == 1 else leads
        origin[("who", "lead")] = cells["lead"]
        for j in range(len(leads) if len(leads) > 1 else 0):
            origin[("who", "lead", j)] = cells["lead"]
    if text("support"):
        who["support"] = [s.strip() for s in re.split(r"[;,\n]", text("support")) if s.strip()]
        for j in range(len(who["support"])):
            origin[("who", "support", j)] = cells["support"]
    if who:
        task["who"] = who
    when: dict[str, Any] = {}
    for key in ("start", "due"):
        if text(key):
            day = date_of(cells[key].value)
            if day is None:
                out.diagnostics.append(date_finding(f"{display}#{cells[key].sheet}", cells[key].row, cells[key].column, cells[key].value))
            when[key] = day
            origin[("when", key)] = cells[key]
    if text("checkpoints"):
        points = []
        for part in (p.strip() for p in re.split(r"[;\n]", text("checkpoints")) if p.strip()):
            m = re.fullmatch(r"([^:]+?)(?:\s*:\s*([^-]+?))?(?:\s+-\s+(.+))?", part)
            day = date_of(m.group(1)) if m else None
            target = number_of(m.group(2)) if m and m.group(2) else None
            if m is None or day is None or (m.group(2) and target is None):
                out.diagnostics.append(_diag(display, cells["checkpoints"], "sheet.value",
                                             N_("'{value}' is not a checkpoint (dd/mm/yyyy: target - expectation)."), value=part))
                continue
            point: dict[str, Any] = {"by": day}
            if m.group(3):
                point["expect"] = m.group(3).strip()
            if target is not None:
                point["target"] = target
            points.append(point)
        if points:
            when["checkpoints"] = points
            origin[("when", "checkpoints")] = cells["checkpoints"]
    if when:
        task["when"] = when
    result: dict[str, Any] = {}
    if text("product"):
        result["product"] = text("product")
    if text("indicator") or text("target"):
        measure: dict[str, Any] = {"indicator": text("indicator"), "unit": text("measure_unit")}
        if text("target"):
            target = number_of(cells["target"].value)
            if target is None:
                out.diagnostics.append(_diag(display, cells["target"], "sheet.number", N_("'{value}' is not a number."), value=cells["target"].value))
            measure["target"] = target
            origin[("result", "measure", "target")] = cells["target"]
        if text("direction"):
            direction = coded("direction", text("direction"))
            if direction is None:
                out.diagnostics.append(_diag(display, cells["direction"], "sheet.value", N_("'{value}' is not one of: {choices}."),
                                             value=cells["direction"].value, choices="tăng, giảm"))
            elif direction == "decrease":
                measure["direction"] = "decrease"
        result["measure"] = {k: v for k, v in measure.items() if v is not None}
    if result:
        task["result"] = result
    resp: dict[str, Any] = {}
    for key in ("accountable", "authority", "support_from_above"):
        if text(key):
            resp[key] = text(key)
            origin[("responsibility", key)] = cells[key]
    if resp:
        task["responsibility"] = resp
    if text("weight"):
        weight = number_of(cells["weight"].value)
        if weight is None:
            out.diagnostics.append(_diag(display, cells["weight"], "sheet.number", N_("'{value}' is not a number."), value=cells["weight"].value))
        task["weight"] = weight
        origin[("weight",)] = cells["weight"]
    if text("confidential") and plain(text("confidential")) in ("x", "co", "true", "mat", "1"):
        task["confidential"] = True
    outcome: dict[str, Any] = {}
    if text("done_on"):
        outcome["done_on"] = day_of("done_on")
        origin[("outcome", "done_on")] = cells["done_on"]
    if text("outcome_value"):
        outcome["value"] = number("outcome_value")
        origin[("outcome", "value")] = cells["outcome_value"]
    if text("evidence"):
        outcome["evidence"] = [e.strip() for e in re.split(r"[;\n]", text("evidence")) if e.strip()]
        origin[("outcome", "evidence")] = cells["evidence"]
    if outcome:
        task["outcome"] = outcome
    if text("checkin_date") or text("checkin_value") or text("checkin_note"):  # the latest check-in, as the export shows it
        check_in: dict[str, Any] = {"date": day_of("checkin_date") if text("checkin_date") else None}
        if text("checkin_value"):
            check_in["value"] = number("checkin_value")
        if text("checkin_note"):
            check_in["note"] = text("checkin_note")
        task["_check_in"] = check_in
        origin[("_check_in",)] = cells.get("checkin_date") or cells.get("checkin_value") or cells["checkin_note"]
    if text("council_score") or text("council_note"):  # the council's score of the task, in its latest session
        council: dict[str, Any] = {}
        if text("council_score"):
            council["score"] = number("council_score")
        if text("council_note"):
            council["note"] = text("council_note")
        task["_council"] = council
        origin[("_council",)] = cells.get("council_score") or cells["council_note"]
    for key, loc in FIELD_LOCS.items():
        if key in cells:
            origin.setdefault(loc, cells[key])
    for loc, keys in PARENT_COLUMNS.items():
        held = next((cells[k] for k in keys if k in cells), None)
        if held is not None:
            origin.setdefault(loc, held)
    return task, origin

"""`giaoviec export`: tasks with their 5 rõ, statuses and points, one row per task, with the cadre
totals, as csv or json (the workbook is `sheets.xlsx`); the headers are those `giaoviec import`
reads, so an export can be imported again."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TextIO

from giaoviec.compute import incomplete
from giaoviec.compute.report import Models
from giaoviec.compute.year import YearResult
from giaoviec.i18n import Gettext
from giaoviec.render import jsontext
from giaoviec.render.escape import csv_cell, csv_comment, json_text
from giaoviec.render.output import Output, Renderer, table
from giaoviec.words import ASSIGNMENT_STATUS, PROGRAM, STATUS, TIER, word

COLUMNS = (  # (header, width); the ones `giaoviec import` reads are edited in place when they change
    ("Mã cán bộ", 18), ("Họ và tên", 20), ("Mã đơn vị", 16), ("Chức vụ", 22), ("Hình thức", 20), ("Từ ngày", 11),
    ("Đến ngày", 11), ("Trạng thái", 12), ("Số quyết định", 14), ("Ngày quyết định", 11), ("Cơ quan ban hành", 18),
    ("Đầu mối theo dõi", 18), ("Mã nhiệm vụ", 8), ("Nội dung nhiệm vụ", 42), ("Người chủ trì", 16), ("Phối hợp", 22),
    ("Ngày bắt đầu", 11), ("Hạn hoàn thành", 11), ("Mốc kiểm tra", 24), ("Sản phẩm", 30), ("Tên chỉ tiêu", 24), ("Đơn vị tính", 10),
    ("Giá trị cần đạt", 10), ("Chiều", 7), ("Người chịu trách nhiệm", 16), ("Thẩm quyền", 16), ("Cấp trên hỗ trợ", 24),
    ("Trọng số", 8), ("Mật", 5), ("Ngày báo cáo gần nhất", 11), ("Giá trị báo cáo gần nhất", 10), ("Nội dung báo cáo gần nhất", 30),
    ("Ngày hoàn thành", 11), ("Kết quả cuối cùng", 10), ("Minh chứng", 30), ("Điểm hội đồng", 9), ("Nhận xét của hội đồng", 30),
    ("Tình trạng", 14), ("Giá trị đạt được", 13), ("Điểm", 8),
)
COMPUTED = ("Tình trạng", "Giá trị đạt được", "Điểm")  # what giaoviec computes: shown, never read back
PRINTED = {  # the task sheet's columns shown and printed; the others are folded (one click on + opens them)
    "Họ và tên", "Mã nhiệm vụ", "Nội dung nhiệm vụ", "Hạn hoàn thành", "Sản phẩm", "Đơn vị tính", "Giá trị cần đạt", "Trọng số",
    "Ngày hoàn thành", "Điểm hội đồng", "Tình trạng", "Giá trị đạt được", "Điểm",
}
WRAPPED = {"Nội dung nhiệm vụ", "Sản phẩm", "Họ và tên", "Tình trạng"}  # long text: wrapped within the column
TOTALS = (("Mã cán bộ", 18), ("Họ và tên", 22), ("Đơn vị", 24), ("Hình thức", 20), ("Nhiệm vụ", 9), ("Hoàn thành", 10),
          ("Đúng hạn", 9), ("Vượt mức", 9), ("Chậm", 7), ("Chưa xong", 9), ("Điểm", 8), ("Xếp loại", 18))
DATE_COLUMNS = {"Từ ngày", "Đến ngày", "Ngày quyết định", "Ngày bắt đầu", "Hạn hoàn thành", "Ngày báo cáo gần nhất", "Ngày hoàn thành"}
TEXT_COLUMNS = {"Mã nhiệm vụ", "Mã cán bộ", "Mã đơn vị", "Số quyết định"}  # kept as text: "01" stays "01"


def headers(result: YearResult) -> list[str]:
    """The task columns, the achieved value named with the day it is computed for."""
    return [f"{h} (tính đến {result.as_of.strftime('%d/%m/%Y')})" if h == "Giá trị đạt được" else h for h, _w in COLUMNS]


def task_rows(result: YearResult, models: Models, _: Gettext) -> Iterator[list]:
    """One row per task, made as it is written: an export holds one row at a time, not the year's."""
    name = result.repo.name
    for s, key in ((row, key) for row in result.assignments for key in row.keys):  # a move: each pooled file's tasks
        m = models[key]
        scores = {t.id: t for t in s.tasks_of(key)}
        for t in m.tasks:
            measure = t.result.measure if t.result else None
            ts = scores.get(t.id)
            got = ts.achieved if ts else None
            lead = t.who.lead if t.who else None
            latest = max(t.progress, key=lambda p: p.date) if t.progress else None
            outcome = t.outcome
            yield [
                m.cadre, name(m.cadre), m.unit, m.position or "", word(PROGRAM, m.program, _), m.period.start, m.period.end,
                word(ASSIGNMENT_STATUS, m.status, _),
                m.basis.number if m.basis else "", m.basis.date if m.basis else None, (m.basis.issued_by or "") if m.basis else "",
                m.monitor or "", t.id, t.what, ", ".join(lead) if isinstance(lead, tuple) else (lead or ""),
                ", ".join(t.who.support) if t.who else "", t.when.start if t.when else None, t.when.due if t.when else None,
                "; ".join(_checkpoint(c) for c in t.when.checkpoints) if t.when else "",
                (t.result.product or "") if t.result else "", (measure.indicator or "") if measure else "",
                (measure.unit or "") if measure else "", measure.target if measure else None,
                ("giảm" if measure.direction == "decrease" else "tăng") if measure else "",
                (t.responsibility.accountable or "") if t.responsibility else "", (t.responsibility.authority or "") if t.responsibility else "",
                (t.responsibility.support_from_above or "") if t.responsibility else "", t.weight, "x" if t.confidential else "",
                latest.date if latest else None, latest.value if latest else None, (latest.note or "") if latest else "",
                outcome.done_on if outcome else None, outcome.value if outcome else None, "; ".join(outcome.evidence) if outcome else "",
                ts.council if ts and ts.council is not None else None, (ts.council_note or "") if ts else "",
                word(STATUS, ts.status, _) if ts else "", got.value if got is not None and got.source != "none" else None,
                round(ts.points, 2) if ts and ts.points is not None else None,
            ]


def total_rows(result: YearResult, _: Gettext) -> Iterator[list]:
    """One row per assignment: its counts, points and tier (made as they are written)."""
    name = result.repo.name
    for s in result.assignments:
        c, a = s.counts, s.assignment
        yield [a.cadre, name(a.cadre), name(a.unit), word(PROGRAM, a.program, _), c.tasks, c.done, c.on_time, c.exceeded,
               c.late, c.not_done, round(s.points if s.points is not None else s.provisional_points, 2), word(TIER, s.tier, _)]


def _num(value: float) -> str:
    """A number as the importer reads it back: no exponent, no separators (1500000, 12.5)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _checkpoint(c) -> str:
    text = c.by.strftime("%d/%m/%Y")
    if c.target is not None:
        text += f": {_num(c.target)}"
    if c.expect:
        text += f" - {c.expect}"
    return text


def _plain(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def _excel(value):
    """A cell for Excel or LibreOffice under a Vietnamese locale: 12,5 and 31/12/2022 read as a number and a date."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, (int, float)):
        return _num(value).replace(".", ",")
    return csv_cell(value)


def as_csv(result: YearResult, models: Models, _: Gettext, out: TextIO, dialect: str = "excel") -> None:
    """`excel` (the default): semicolons, decimal commas, dd/mm/yyyy — what Excel and LibreOffice
    under a Vietnamese locale read as numbers and dates; `plain`: commas, points and ISO dates, for programs."""
    end = "\n" if dialect == "plain" else "\r\n"
    for line in [*incomplete.public(result.withheld, _), *incomplete.lines(result.left_out, result.repo, _)]:
        out.write("# " + csv_comment(line) + end)  # comment lines first: what this export leaves out
    if dialect == "plain":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(headers(result))
        for row in task_rows(result, models, _):
            writer.writerow(["" if v is None else csv_cell(_plain(v)) for v in row])
        return
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers(result))
    for row in task_rows(result, models, _):
        writer.writerow([_excel(v) for v in row])


def as_json(result: YearResult, models: Models, _: Gettext, out: TextIO) -> None:
    """The same text as one `json.dumps(…, indent=2)` of the whole, written a task at a time."""
    heads = headers(result)
    head = json.dumps({
        "generator": "giaoviec", "version": 1, "year": result.year, "complete": result.complete,
        **incomplete.public_json(result.withheld), "left_out": incomplete.as_json(result.left_out, result.repo, _), "tasks": [],
    }, ensure_ascii=False, indent=2)
    out.write(json_text(head.removesuffix('"tasks": []\n}')) + '"tasks": [')
    wrote = False
    for row in task_rows(result, models, _):
        out.write(("," if wrote else "") + "\n    " + json_text(jsontext.dumps({h: _plain(v) for h, v in zip(heads, row, strict=True)}, 2)))
        wrote = True
    out.write(("\n  ]" if wrote else "]") + ',\n  "cadres": [')
    wrote = False
    for row in total_rows(result, _):  # a cadre at a time too: a province's totals are tens of thousands of rows
        out.write(("," if wrote else "") + "\n    " + json_text(jsontext.dumps({h: v for (h, _w), v in zip(TOTALS, row, strict=True)}, 2)))
        wrote = True
    out.write(("\n  ]" if wrote else "]") + "\n}\n")


@dataclass(frozen=True, kw_only=True)
class ExportOutput(Output):
    models: Models  # the Assignment documents of the results, for their tasks' words
    dialect: str = "excel"  # csv: excel or plain (as_csv)
    scoring_sheet: bool = False  # xlsx: the council's scoring sheet rather than the export


def render_csv(result: YearResult, o: ExportOutput) -> None:
    as_csv(result, o.models, o.gettext, o.out, o.dialect)


def render_json(result: YearResult, o: ExportOutput) -> None:
    as_json(result, o.models, o.gettext, o.out)


RENDERERS: Mapping[str, Renderer[YearResult, ExportOutput]] = table({"csv": render_csv, "json": render_json})  # the text formats; sheets/export.py adds the workbook

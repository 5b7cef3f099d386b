"""`giaoviec export`: tasks with their 5 rõ, statuses and points, one row per task, with the cadre
totals, as csv or json (the workbook is `sheets.xlsx`); the headers are those `giaoviec import`
reads, so an export can be imported again."""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import TextIO

from giaoviec.compute.year import YearResult
from giaoviec.i18n import Gettext
from giaoviec.render import incomplete
from giaoviec.render.escape import csv_cell, visible
from giaoviec.render.report import Models
from giaoviec.words import STATUS, TIER, word

PROGRAM_NAMES = {"focus": "nhiệm vụ trọng tâm", "breakthrough": "việc đột phá", "action-program": "chương trình hành động",
                 "product-contract": "khoán sản phẩm"}
COLUMNS = (  # (header, width); the first ones are read back by `giaoviec import`
    ("Mã cán bộ", 18), ("Họ và tên", 20), ("Mã đơn vị", 16), ("Chức vụ", 22), ("Hình thức", 20), ("Từ ngày", 11),
    ("Đến ngày", 11), ("Trạng thái", 10), ("Số quyết định", 14), ("Ngày quyết định", 11), ("Cơ quan ban hành", 18),
    ("Đầu mối theo dõi", 18), ("Mã nhiệm vụ", 8), ("Nội dung nhiệm vụ", 50), ("Người chủ trì", 16), ("Phối hợp", 22),
    ("Ngày bắt đầu", 11), ("Hạn hoàn thành", 11), ("Mốc kiểm tra", 24), ("Sản phẩm", 40), ("Tên chỉ tiêu", 24), ("Đơn vị tính", 10),
    ("Giá trị cần đạt", 10), ("Chiều", 7), ("Người chịu trách nhiệm", 16), ("Thẩm quyền", 16), ("Cấp trên hỗ trợ", 24),
    ("Trọng số", 8), ("Mật", 5), ("Tình trạng", 14), ("Giá trị đạt được", 10), ("Điểm", 8),
)
TOTALS = (("Mã cán bộ", 18), ("Họ và tên", 22), ("Đơn vị", 24), ("Hình thức", 20), ("Nhiệm vụ", 9), ("Hoàn thành", 10),
          ("Đúng hạn", 9), ("Vượt mức", 9), ("Chậm", 7), ("Chưa xong", 9), ("Điểm", 8), ("Xếp loại", 18))
DATE_COLUMNS = {"Từ ngày", "Đến ngày", "Ngày quyết định", "Ngày bắt đầu", "Hạn hoàn thành"}


def rows(result: YearResult, models: Models, _: Gettext) -> tuple[list[list], list[list]]:
    name = result.repo.name
    tasks_rows: list[list] = []
    totals: list[list] = []
    for s in result.assignments:
        m = models[s.key]
        scores = {t.id: t for t in s.tasks}
        for t in m.tasks:
            measure = t.result.measure if t.result else None
            ts = scores.get(t.id)
            got = ts.achieved if ts else None
            actual = got.value if got is not None and got.reported else None
            tasks_rows.append([
                m.cadre, name(m.cadre), m.unit, m.position or "", PROGRAM_NAMES[m.program], m.period.start, m.period.end, m.status,
                m.basis.number if m.basis else "", m.basis.date if m.basis else None, (m.basis.issued_by or "") if m.basis else "",
                m.monitor or "", t.id, t.what, (t.who.lead if t.who and isinstance(t.who.lead, str) else "") or "",
                ", ".join(t.who.support) if t.who else "", t.when.start if t.when else None, t.when.due if t.when else None,
                "; ".join(_checkpoint(c) for c in t.when.checkpoints) if t.when else "",
                (t.result.product or "") if t.result else "", (measure.indicator or "") if measure else "",
                (measure.unit or "") if measure else "", measure.target if measure else None,
                ("giảm" if measure.direction == "decrease" else "tăng") if measure else "",
                (t.responsibility.accountable or "") if t.responsibility else "", (t.responsibility.authority or "") if t.responsibility else "",
                (t.responsibility.support_from_above or "") if t.responsibility else "", t.weight, "x" if t.confidential else "",
                word(STATUS, ts.status, _) if ts else "", actual, round(ts.points, 2) if ts and ts.points is not None else None,
            ])
        c = s.counts
        totals.append([m.cadre, name(m.cadre), name(m.unit), PROGRAM_NAMES[m.program], c.tasks, c.done, c.on_time, c.exceeded,
                       c.late, c.not_done, round(s.points if s.points is not None else s.provisional_points, 2), word(TIER, s.tier, _)])
    return tasks_rows, totals


def _checkpoint(c) -> str:
    text = c.by.strftime("%d/%m/%Y")
    if c.target is not None:
        text += f": {c.target:g}"
    if c.expect:
        text += f" - {c.expect}"
    return text


def _plain(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def as_csv(result: YearResult, models: Models, _: Gettext, out: TextIO) -> None:
    tasks_rows, _totals = rows(result, models, _)
    for line in incomplete.lines(result.left_out, result.repo, _):
        out.write("# " + visible(line).replace("\n", " ") + "\n")  # comment lines first: what this export leaves out
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([h for h, _w in COLUMNS])
    for row in tasks_rows:
        writer.writerow(["" if v is None else csv_cell(_plain(v)) for v in row])


def as_json(result: YearResult, models: Models, _: Gettext, out: TextIO) -> None:
    tasks_rows, totals = rows(result, models, _)
    out.write(json.dumps({
        "generator": "giaoviec", "version": 1, "year": result.year, "complete": result.complete,
        "left_out": incomplete.as_json(result.left_out, result.repo, _),
        "tasks": [{h: _plain(v) for (h, _w), v in zip(COLUMNS, row, strict=True)} for row in tasks_rows],
        "cadres": [{h: v for (h, _w), v in zip(TOTALS, row, strict=True)} for row in totals],
    }, ensure_ascii=False, indent=2) + "\n")


RENDERERS = {"csv": as_csv, "json": as_json}

"""`giaoviec export`: tasks with their 5 rõ, statuses and points, one row per task (xlsx, csv,
json), with the cadre totals; the headers are those `giaoviec import` reads, so an export can be
imported again. `--scoring-sheet`: the council's sheet, one sheet per cadre, to fill in."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from giaoviec.i18n import Gettext
from giaoviec.report_data import _model
from giaoviec.score_report import STATUS_NAMES
from giaoviec.score_year import YearScore
from giaoviec.scoring import TIER_NAMES

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


def rows(result: YearScore, _: Gettext) -> tuple[list[list], list[list]]:
    repo = result.repo

    def name(ident):
        entry = repo.cadres.get(ident) or repo.units.get(ident) if ident else None
        return entry.item.name if entry else (ident or "")

    tasks_rows, totals = [], []
    for s in result.cadres:
        m = _model(repo.root, s)
        if m is None:
            continue
        scores = {t.id: t for t in s.tasks}
        for t in m.tasks:
            measure = t.result.measure if t.result else None
            ts = scores.get(t.id)
            actual = t.outcome.value if t.outcome and t.outcome.value is not None else None
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
                _(STATUS_NAMES[ts.status]) if ts else "", actual, round(ts.points, 2) if ts and ts.points is not None else None,
            ])
        c = s.counts
        totals.append([m.cadre, name(m.cadre), name(m.unit), PROGRAM_NAMES[m.program], sum(v for k, v in c.items() if k != "cancelled"),
                       c["exceeded"] + c["on-time"] + c["late"], c["exceeded"] + c["on-time"], c["exceeded"], c["late"],
                       c["not-done"] + c["overdue"], round(s.points if s.points is not None else s.provisional_points, 2), _(TIER_NAMES[s.tier])])
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


def as_csv(result: YearScore, _: Gettext) -> str:
    tasks_rows, _totals = rows(result, _)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([h for h, _w in COLUMNS])
    for row in tasks_rows:
        writer.writerow(["" if v is None else _plain(v) for v in row])
    return out.getvalue()


def as_json(result: YearScore, _: Gettext) -> str:
    tasks_rows, totals = rows(result, _)
    return json.dumps({
        "version": 1, "year": result.year,
        "tasks": [{h: _plain(v) for (h, _w), v in zip(COLUMNS, row)} for row in tasks_rows],
        "cadres": [{h: v for (h, _w), v in zip(TOTALS, row)} for row in totals],
    }, ensure_ascii=False, indent=2) + "\n"


def _sheet(ws, columns, data_rows) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append([h for h, _w in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF4")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in data_rows:
        ws.append(row)
    for i, (header, width) in enumerate(columns, 1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = width
        if header in DATE_COLUMNS:
            for cell in ws[letter][1:]:
                cell.number_format = "DD/MM/YYYY"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def as_xlsx(result: YearScore, _: Gettext, path: Path) -> None:
    from openpyxl import Workbook

    tasks_rows, totals = rows(result, _)
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    _sheet(ws, COLUMNS, tasks_rows)
    _sheet(wb.create_sheet("Tổng hợp"), TOTALS, totals)
    wb.properties.creator = "giaoviec"
    wb.properties.created = wb.properties.modified = dt.datetime(result.year, 12, 31)  # the same data, the same file
    wb.save(path)


SCORE_HEAD = ("Mã nhiệm vụ", "Nội dung nhiệm vụ", "Trọng số", "Tình trạng (máy tính)", "Điểm (máy tính)", "Điểm hội đồng", "Nhận xét")


def scoring_sheet(result: YearScore, _: Gettext, path: Path) -> None:
    """One sheet per cadre: the tasks with an empty score column, and the general criteria cell."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for s in result.cadres:
        m = _model(result.repo.root, s)
        if m is None:
            continue
        title = m.cadre[:28]
        while title in used:
            title = title[:26] + f"{len(used):02d}"
        used.add(title)
        ws = wb.create_sheet(title)
        entry = result.repo.cadres.get(m.cadre)
        head = [("Mã cán bộ", m.cadre), ("Họ và tên", entry.item.name if entry else m.cadre), ("Hình thức", PROGRAM_NAMES[m.program]),
                ("Kỳ đánh giá từ", s.window.start), ("Kỳ đánh giá đến", s.window.end), ("Điểm tiêu chí chung", None)]
        for label, value in head:
            ws.append([label, value])
        ws.append([])
        ws.append(list(SCORE_HEAD))
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        scores = {t.id: t for t in s.tasks}
        for t in m.tasks:
            ts = scores.get(t.id)
            if ts is None or ts.status == "cancelled":
                continue
            ws.append([t.id, t.what, t.weight, _(STATUS_NAMES[ts.status]), round(ts.computed or 0, 2), None, None])
            ws.cell(ws.max_row, 6).fill = PatternFill("solid", fgColor="FFF8DC")
        ws.cell(6, 2).fill = PatternFill("solid", fgColor="FFF8DC")
        for col, width in zip("ABCDEFG", (22, 60, 9, 20, 12, 14, 40)):
            ws.column_dimensions[col].width = width
        for row in (4, 5):
            ws.cell(row, 2).number_format = "DD/MM/YYYY"
    wb.properties.created = wb.properties.modified = dt.datetime(result.year, 12, 31)
    wb.save(path)

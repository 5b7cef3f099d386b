"""Writes examples/templates/giao-viec.xlsx: the import template, with a 'Thông tin' sheet for the
assignment header and a 'Nhiệm vụ' sheet, one row per task (two example rows). Run after changing
the columns of giaoviec.export; tests/test_sheets.py imports it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from openpyxl.worksheet.datavalidation import DataValidation

from giaoviec.render.export import COLUMNS, COMPUTED

OUT = Path(__file__).resolve().parent.parent / "examples" / "templates" / "giao-viec.xlsx"
INFO = [
    ("Mã cán bộ", "le-van-cuong"), ("Mã đơn vị", "tam-hong"), ("Chức vụ", "Bí thư Đảng ủy xã"),
    ("Hình thức", "nhiệm vụ trọng tâm"), ("Từ ngày", dt.date(2027, 1, 1)), ("Đến ngày", dt.date(2027, 12, 31)),
    ("Trạng thái", "đề xuất"), ("Số quyết định", ""), ("Ngày quyết định", ""), ("Cơ quan ban hành", ""), ("Đầu mối theo dõi", ""),
]
FOLLOW_UP = {"Ngày báo cáo gần nhất", "Giá trị báo cáo gần nhất", "Nội dung báo cáo gần nhất", "Ngày hoàn thành", "Kết quả cuối cùng",
             "Minh chứng", "Điểm hội đồng", "Nhận xét của hội đồng"}  # filled in as the year goes: in the export, not in a plan
TASK_HEADERS = [h for h, _w in COLUMNS if h not in {h for h, _v in INFO} and h not in ("Họ và tên", *COMPUTED) and h not in FOLLOW_UP]
CHOICES = {"Hình thức": "nhiệm vụ trọng tâm,việc đột phá,chương trình hành động,khoán sản phẩm",
           "Trạng thái": "đề xuất,đã thẩm định,đã giao,đã kết thúc", "Chiều": "tăng,giảm"}


def choices(ws, ref: str, header: str) -> None:
    dv = DataValidation(type="list", formula1=f'"{CHOICES[header]}"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(ref)
ROWS = [
    {"Mã nhiệm vụ": "01", "Nội dung nhiệm vụ": "Kết nạp 15 đảng viên mới", "Người chủ trì": "le-van-cuong",
     "Hạn hoàn thành": dt.date(2027, 12, 15), "Sản phẩm": "Quyết định kết nạp đảng viên", "Tên chỉ tiêu": "Số đảng viên mới",
     "Đơn vị tính": "đảng viên", "Giá trị cần đạt": 15, "Chiều": "tăng", "Người chịu trách nhiệm": "le-van-cuong", "Trọng số": 2},
    {"Mã nhiệm vụ": "02", "Nội dung nhiệm vụ": "Giảm tỷ lệ hộ nghèo xuống dưới 1%", "Người chủ trì": "pham-thi-dung",
     "Hạn hoàn thành": dt.date(2027, 12, 31), "Sản phẩm": "Quyết định công nhận kết quả rà soát hộ nghèo", "Tên chỉ tiêu": "Tỷ lệ hộ nghèo",
     "Đơn vị tính": "%", "Giá trị cần đạt": 1, "Chiều": "giảm", "Người chịu trách nhiệm": "le-van-cuong", "Trọng số": 1},
]


def main() -> None:
    wb = Workbook()
    info = wb.active
    info.title = "Thông tin"
    for label, value in INFO:
        info.append([label, value])
        if isinstance(value, dt.date):
            info.cell(info.max_row, 2).number_format = "DD/MM/YYYY"
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 22, 34
    for row, (label, _value) in enumerate(INFO, 1):
        if label in CHOICES:
            choices(info, f"B{row}", label)
    tasks = wb.create_sheet("Nhiệm vụ")
    tasks.append(TASK_HEADERS)
    for cell in tasks[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF4")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in ROWS:
        tasks.append([row.get(h) for h in TASK_HEADERS])
    widths = dict(COLUMNS)
    for i, header in enumerate(TASK_HEADERS, 1):
        tasks.column_dimensions[tasks.cell(1, i).column_letter].width = widths.get(header, 14)
        if header in ("Ngày bắt đầu", "Hạn hoàn thành"):
            for r in range(2, tasks.max_row + 1):
                tasks.cell(r, i).number_format = "DD/MM/YYYY"
        if header == "Chiều":
            choices(tasks, f"{tasks.cell(1, i).column_letter}2:{tasks.cell(1, i).column_letter}500", header)
        if header == "Mã nhiệm vụ":
            for r in range(2, 501):
                tasks.cell(r, i).number_format = "@"
    tasks.freeze_panes = "A2"
    tasks.page_setup.orientation = "landscape"
    tasks.page_setup.fitToWidth, tasks.page_setup.fitToHeight = 1, 0
    tasks.sheet_properties.pageSetUpPr.fitToPage = True
    tasks.print_title_rows = "1:1"
    wb.properties.creator = "giaoviec"
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 1)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    wb.save(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

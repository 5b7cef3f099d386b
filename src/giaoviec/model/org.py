"""Units and Cadres: the organisation tree and the people with the positions they held."""

from __future__ import annotations

from typing import Literal

from giaoviec.model.common import Date, Header, Id, Model, NonEmptyText, f

Level = Literal["province", "district", "commune", "agency", "committee"]
Role = Literal["secretary", "chair", "director", "deputy", "member", "other"]
Category = Literal["can-bo", "cong-chuc", "vien-chuc"]


class Unit(Model):
    id: Id = f("Mã đơn vị", "Mã viết thường, không dấu, nối bằng gạch ngang, ví dụ nguyet-duc.")
    name: NonEmptyText = f("Tên đơn vị", "Tên đầy đủ, ví dụ Xã Nguyệt Đức.")
    level: Level = f("Cấp", "province (tỉnh), district (huyện), commune (xã), agency (cơ quan), committee (ban, hội đồng).")
    parent: Id | None = f("Đơn vị cấp trên", "Mã đơn vị cấp trên trực tiếp.", default=None)
    valid_from: Date | None = f("Hiệu lực từ", "Ngày đơn vị bắt đầu tồn tại.", default=None)
    valid_to: Date | None = f("Hiệu lực đến", "Ngày cuối đơn vị tồn tại (giải thể, sáp nhập).", default=None)
    succeeded_by: tuple[Id, ...] = f("Đơn vị kế thừa", "Các đơn vị tiếp nhận sau sáp nhập, chia tách.", default=())


class Units(Header):
    kind: Literal["Units"] = f("Loại tài liệu", "Units: cây tổ chức.")
    units: tuple[Unit, ...] = f("Danh sách đơn vị", "Tỉnh, huyện, xã, cơ quan, ban.")


class Position(Model):
    title: NonEmptyText = f("Chức vụ", "Tên chức vụ, ví dụ Bí thư Đảng ủy xã.")
    role: Role = f("Vai trò", "secretary (bí thư), chair (chủ tịch), director (giám đốc, trưởng), deputy (phó), member (ủy viên), other.")
    unit: Id = f("Đơn vị", "Mã đơn vị nơi giữ chức vụ.")
    start: Date | None = f("Từ ngày", "Ngày bắt đầu giữ chức vụ.", alias="from", default=None)
    end: Date | None = f("Đến ngày", "Ngày thôi giữ chức vụ; null nếu đang giữ.", alias="to", default=None)


class Cadre(Model):
    id: Id = f("Mã cán bộ", "Mã viết thường, không dấu, ví dụ nguyen-van-an.")
    name: NonEmptyText = f("Họ và tên", "Họ và tên đầy đủ, có dấu.")
    hometown: Id | None = f("Quê quán", "Mã đơn vị quê quán (dùng cho chỉ tiêu không phải người địa phương).", default=None)
    category: Category | None = f("Loại cán bộ", "can-bo (cán bộ), cong-chuc (công chức), vien-chuc (viên chức): mục 'scoring' nào của giaoviec.yaml áp dụng.", default=None)
    positions: tuple[Position, ...] = f("Chức vụ đã giữ", "Các chức vụ cùng thời gian giữ.", default=())


class Cadres(Header):
    kind: Literal["Cadres"] = f("Loại tài liệu", "Cadres: danh sách cán bộ.")
    cadres: tuple[Cadre, ...] = f("Danh sách cán bộ", "")

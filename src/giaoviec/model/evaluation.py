"""Evaluation: one council session's scores for one or more cadres."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from giaoviec.model.assignment import Program, Tier
from giaoviec.model.common import LIMIT, Date, Figure, Header, Id, Model, NonEmptyText, Number, Period, Text, f

Discipline = Literal["none", "reprimand", "warning", "dismissal", "expulsion"]
DISCIPLINE_ORDER: tuple[str, ...] = ("none", "reprimand", "warning", "dismissal", "expulsion")


class TaskScore(Model):
    score: Number = Field(ge=0, le=LIMIT, title="Điểm", description="Điểm hội đồng chấm, từ 0 đến trọng số của nhiệm vụ.")
    note: Text | None = f("Nhận xét", "", default=None)


class EvalBasis(Model):
    number: NonEmptyText = f("Số biên bản", "")
    date: Date = f("Ngày", "")


class CadreEvaluation(Model):
    cadre: Id = f("Cán bộ", "Mã cán bộ được đánh giá.")
    program: Program | None = f("Hình thức", "Chỉ cần khi cán bộ có nhiều tệp giao việc trong kỳ.", default=None)
    general: Number | None = Field(default=None, ge=0, le=LIMIT, title="Điểm tiêu chí chung", description="Điểm nhóm tiêu chí chung, nếu bộ quy tắc có.")
    tasks: dict[Id, TaskScore] = f("Điểm từng nhiệm vụ", "Theo mã nhiệm vụ.", default_factory=dict)
    components: dict[Id, Figure] = f("Điểm thành phần khác", "Ví dụ {reform: 8}.", default_factory=dict)
    discipline: Discipline | None = f("Kỷ luật", "none, reprimand (khiển trách), warning (cảnh cáo), dismissal (cách chức), expulsion (khai trừ).", default=None)
    decided_tier: Tier | None = f("Mức xếp loại quyết định", "Quyết định cuối cùng của cấp có thẩm quyền.", default=None)
    reason: Text | None = f("Lý do", "Bắt buộc khi có decided_tier.", default=None)


class Evaluation(Header):
    kind: Literal["Evaluation"] = f("Loại tài liệu", "Evaluation: một phiên chấm điểm của hội đồng.")
    council: Id = f("Hội đồng", "Mã đơn vị của hội đồng đánh giá.")
    period: Period = f("Kỳ đánh giá", "")
    date: Date = f("Ngày họp", "")
    basis: EvalBasis | None = f("Căn cứ", "Biên bản họp hội đồng.", default=None)
    evaluations: tuple[CadreEvaluation, ...] = f("Kết quả đánh giá", "")

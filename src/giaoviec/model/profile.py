"""ScoringProfile: a scoring rule set (thresholds, deductions, quotas) as data."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from giaoviec.model.assignment import Tier
from giaoviec.model.common import Bool, Header, Id, Model, NonEmptyText, Number, f

Share = Field(default=None, ge=0, le=1)
MAX_POINTS = 1000  # a component, a tier's minimum: every rule known scores out of 100; past this, a slip (1e308)
MAX_FACTOR = 10  # a task's factor, or what one late period or failed check takes off it: a task counts at most ten times its weight
MAX_DAYS = 3660  # days early: ten years, past any term
Points = Annotated[Number, Field(ge=0, le=MAX_POINTS)]


class TaskFactors(Model):
    exceeded: Number = Field(default=1.0, ge=0, le=MAX_FACTOR, title="Hệ số vượt mức")
    on_time: Number = Field(default=1.0, ge=0, le=MAX_FACTOR, title="Hệ số đúng hạn")
    late: Number = Field(default=1.0, ge=0, le=MAX_FACTOR, title="Hệ số chậm")
    late_deduction: Number = Field(default=0, ge=0, le=MAX_FACTOR, title="Trừ mỗi kỳ chậm")
    quality_deduction: Number = Field(default=0, ge=0, le=MAX_FACTOR, title="Trừ mỗi lần không đạt chất lượng")
    partial_credit: Number = Field(default=0, ge=0, le=1, title="Tính một phần khi chưa hoàn thành")


class ExceededWhen(Model):
    ratio_above: Number | None = Field(default=1.0, ge=0, le=MAX_FACTOR, title="Vượt khi tỷ lệ đạt lớn hơn")
    days_early: int | None = Field(default=None, ge=0, le=MAX_DAYS, title="Vượt khi xong sớm ít nhất (ngày)")


class Require(Model):
    done_share: Number | None = Share
    done_share_gt: Number | None = Share
    on_time_share: Number | None = Share
    exceeded_share: Number | None = Share
    late_share_max: Number | None = Share
    late_or_not_done_share_max: Number | None = Share
    not_done_share_max: Number | None = Share


class TierRule(Model):
    tier: Tier = f("Mức xếp loại", "excellent, good, completed, not-completed.")
    min_points: Number | None = Field(default=None, ge=0, le=MAX_POINTS, title="Điểm tối thiểu")
    min_exclusive: Bool = f("Không gồm điểm tối thiểu", "true: phải lớn hơn hẳn min_points.", default=False)
    require: Require | None = f("Điều kiện", "Tỷ lệ nhiệm vụ theo tình trạng.", default=None)


class Quota(Model):
    tier: Tier = f("Mức bị giới hạn", "")
    of: Tier = f("So với mức", "")
    share: Number = Field(ge=0, le=1, title="Tỷ lệ tối đa")


class ScoringProfile(Header):
    kind: Literal["ScoringProfile"] = f("Loại tài liệu", "ScoringProfile: bộ quy tắc chấm điểm.")
    id: Id = f("Mã bộ quy tắc", "")
    title: NonEmptyText = f("Tên", "")
    source: NonEmptyText = f("Nguồn", "Văn bản quy định từng con số.")
    components: dict[Id, Points] = f("Thành phần điểm", "Ví dụ {general: 30, tasks: 70}; tasks do máy tính.")
    task_factors: TaskFactors = f("Hệ số nhiệm vụ", "", default_factory=TaskFactors)
    exceeded_when: ExceededWhen = f("Điều kiện vượt mức", "", default_factory=ExceededWhen)
    tiers: tuple[TierRule, ...] = f("Các mức xếp loại", "Xét từ trên xuống.", min_length=1)
    disqualifier: Literal["reprimand", "warning", "dismissal", "expulsion"] | None = f("Kỷ luật loại trừ", "Mức kỷ luật này trở lên thì xếp mức thấp nhất.", default=None)
    quota: Quota | None = f("Giới hạn tỷ lệ", "", default=None)
    defaults: tuple[NonEmptyText, ...] = f("Tham số mặc định", "Các tham số không có trong văn bản nguồn.", default=())

    @property
    def ranks_by_points(self) -> bool:
        """Whether the points decide anything: some tier has a minimum of points (under QĐ 124 none has)."""
        return any(t.min_points is not None for t in self.tiers)

    @property
    def short_title(self) -> str:
        """The rules as a reader names them: the title up to its subject ("Quy định 124-QĐ/TW ngày 04/10/2023")."""
        return self.title.split(" về ")[0]

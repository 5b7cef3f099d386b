"""Assignment: the tasks assigned to one cadre for one period, with progress and outcome."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from giaoviec.model.common import LIMIT, Bool, Date, Figure, Header, Id, Model, NonEmptyText, Number, Period, Text, f

Program = Literal["focus", "breakthrough", "action-program", "product-contract"]
Tag = Literal["new", "hard", "breakthrough", "backlog", "unprecedented"]
Tier = Literal["excellent", "good", "completed", "not-completed"]
SelfStatus = Literal["exceeded", "on-time", "late", "overdue", "in-progress", "not-done", "cancelled"]


class Basis(Model):
    number: NonEmptyText = f("Số văn bản", "Số quyết định, ví dụ 125-QĐ/HU.")
    date: Date = f("Ngày ban hành", "Ngày ký quyết định.")
    issued_by: Id | None = f("Cơ quan ban hành", "Mã đơn vị ban hành (ví dụ Ban Thường vụ Huyện ủy).", default=None)


class Amendment(Model):
    date: Date = f("Ngày điều chỉnh", "Ngày của quyết định điều chỉnh.")
    decision: NonEmptyText = f("Quyết định điều chỉnh", "Số quyết định điều chỉnh.")
    tasks: tuple[Id, ...] = f("Nhiệm vụ được điều chỉnh", "Mã các nhiệm vụ có nội dung, thời hạn hoặc chỉ tiêu thay đổi.", default=())
    note: Text | None = f("Ghi chú", "Nội dung điều chỉnh.", default=None)


class AnnualReport(Model):
    obstacles: tuple[NonEmptyText, ...] = f("Vướng mắc", "Khó khăn, vướng mắc người đứng đầu báo cáo.", default=())
    proposals: tuple[NonEmptyText, ...] = f("Kiến nghị, đề xuất", "Kiến nghị, đề xuất với cấp trên.", default=())


class Who(Model):
    lead: Id | tuple[Id, ...] | None = f("Người chủ trì", "Rõ người: một cán bộ chủ trì (một việc một đầu mối); mặc định là cán bộ của tệp.", default=None)
    support: tuple[Id, ...] = f("Phối hợp", "Đơn vị hoặc cán bộ phối hợp.", default=())


class Checkpoint(Model):
    by: Date = f("Mốc thời gian", "Ngày phải đạt mốc.")
    expect: Text | None = f("Yêu cầu tại mốc", "Kết quả cần đạt tại mốc.", default=None)
    target: Figure | None = f("Chỉ tiêu tại mốc", "Giá trị chỉ tiêu cần đạt tại mốc.", default=None)


class When(Model):
    start: Date | None = f("Ngày bắt đầu", "Mặc định là ngày đầu kỳ.", default=None)
    due: Date | None = f("Hạn hoàn thành", "Rõ thời gian: ngày phải hoàn thành.", default=None)
    checkpoints: tuple[Checkpoint, ...] = f("Các mốc kiểm tra", "Bắt buộc với nhiệm vụ nhiều năm: ít nhất một mốc mỗi năm.", default=())


class Measure(Model):
    indicator: NonEmptyText | None = f("Chỉ tiêu", "Tên chỉ tiêu đo kết quả, ví dụ Số vụ được xử lý dứt điểm.", default=None)
    unit: NonEmptyText | None = f("Đơn vị tính", "Ví dụ vụ, km, %, hộ.", default=None)
    target: Figure | None = f("Chỉ tiêu cần đạt", "Giá trị phải đạt.", default=None)
    baseline: Figure | None = f("Giá trị ban đầu", "Giá trị lúc giao việc (tham khảo).", default=None)
    direction: Literal["increase", "decrease"] = f("Chiều", "increase: càng cao càng tốt; decrease: càng thấp càng tốt (ví dụ số hộ nghèo).", default="increase")


class Result(Model):
    product: NonEmptyText | None = f("Sản phẩm", "Rõ kết quả: sản phẩm cụ thể, kiểm chứng được.", default=None)
    measure: Measure | None = f("Đo lường", "Chỉ tiêu, đơn vị tính và giá trị cần đạt.", default=None)


class Responsibility(Model):
    accountable: Id | None = f("Người chịu trách nhiệm", "Rõ trách nhiệm: mã cán bộ chịu trách nhiệm.", default=None)
    authority: Id | None = f("Thẩm quyền", "Rõ thẩm quyền (6 rõ): đơn vị hoặc cán bộ có thẩm quyền.", default=None)
    support_from_above: Text | None = f("Cấp trên hỗ trợ", "Cấp trên hỗ trợ gì (không khoán trắng).", default=None)


class CheckIn(Model):
    date: Date = f("Ngày báo cáo", "Ngày của lần báo cáo tiến độ.")
    value: Figure | None = f("Giá trị đạt được", "Giá trị chỉ tiêu đã đạt tính đến ngày báo cáo.", default=None)
    note: Text | None = f("Ghi chú", "Nội dung báo cáo.", default=None)
    evidence: tuple[NonEmptyText, ...] = f("Minh chứng", "Văn bản, đường dẫn làm căn cứ cho lần báo cáo.", default=())


class ObjectiveCause(Model):
    note: NonEmptyText = f("Nguyên nhân", "Nguyên nhân khách quan.")
    confirmed_by: Id | None = f("Xác nhận bởi", "Đơn vị hoặc cán bộ xác nhận.", default=None)
    decision: Text | None = f("Văn bản xác nhận", "Số văn bản xác nhận nguyên nhân khách quan.", default=None)


class Outcome(Model):
    done_on: Date | None = f("Ngày hoàn thành", "Ngày hoàn thành nhiệm vụ.", default=None)
    value: Figure | None = f("Giá trị đạt được", "Giá trị chỉ tiêu đạt được khi kết thúc.", default=None)
    evidence: tuple[NonEmptyText, ...] = f("Minh chứng", "Văn bản, báo cáo chứng minh kết quả.", default=())
    objective_cause: ObjectiveCause | None = f("Nguyên nhân khách quan", "Được xác nhận thì không trừ điểm chậm tiến độ.", default=None)
    quality_failures: int = Field(default=0, ge=0, strict=True, title="Số lần không đạt chất lượng", description="Số lần kiểm tra chất lượng không đạt.")


class Cancelled(Model):
    decision: NonEmptyText = f("Quyết định hủy", "Số quyết định hủy nhiệm vụ.")
    date: Date = f("Ngày hủy", "Ngày quyết định hủy.")
    note: Text | None = f("Ghi chú", "Lý do hủy.", default=None)


class SelfAssessment(Model):
    status: SelfStatus | None = f("Tự đánh giá", "Tình trạng do cán bộ tự nhận.", default=None)
    note: Text | None = f("Ghi chú", "", default=None)


class Task(Model):
    id: Id = f("Mã nhiệm vụ", 'Ví dụ "01" (đặt trong ngoặc kép) hoặc ten-ngan-gon.')
    what: NonEmptyText = f("Nội dung nhiệm vụ", "Rõ việc: việc cụ thể, đo được.")
    tags: tuple[Tag, ...] = f("Nhãn", "new (mới), hard (khó), breakthrough (đột phá), backlog (tồn đọng), unprecedented (chưa có tiền lệ).", default=())
    who: Who | None = f("Rõ người", "Người chủ trì và phối hợp.", default=None)
    when: When | None = f("Rõ thời gian", "Ngày bắt đầu, hạn hoàn thành, các mốc.", default=None)
    result: Result | None = f("Rõ kết quả", "Sản phẩm và chỉ tiêu.", default=None)
    responsibility: Responsibility | None = f("Rõ trách nhiệm", "Người chịu trách nhiệm, thẩm quyền, hỗ trợ của cấp trên.", default=None)
    weight: Number = Field(default=1, gt=0, le=LIMIT, title="Trọng số", description="Trọng số tương đối trong tệp (mặc định 1).")
    confidential: Bool = f("Mật", "true: không đưa vào báo cáo công khai.", default=False)
    progress: tuple[CheckIn, ...] = f("Tiến độ", "Các lần báo cáo tiến độ.", default=())
    outcome: Outcome | None = f("Kết quả cuối cùng", "Khi hoàn thành hoặc khi kết thúc kỳ.", default=None)
    cancelled: Cancelled | None = f("Hủy nhiệm vụ", "Quyết định hủy: nhiệm vụ không tính điểm.", default=None)
    self_assessment: SelfAssessment | None = f("Tự đánh giá", "Ý kiến của cán bộ về kết quả.", default=None)


class Assignment(Header):
    kind: Literal["Assignment"] = f("Loại tài liệu", "Assignment: nhiệm vụ giao cho một cán bộ trong một kỳ.")
    cadre: Id = f("Cán bộ", "Mã cán bộ được giao nhiệm vụ.")
    unit: Id = f("Đơn vị", "Mã đơn vị nơi cán bộ công tác khi được giao.")
    position: Text | None = f("Chức vụ", "Chức vụ khi được giao.", default=None)
    program: Program = f("Hình thức", "focus (nhiệm vụ trọng tâm), breakthrough (việc đột phá), action-program (chương trình hành động), product-contract (khoán sản phẩm).")
    period: Period = f("Kỳ", "Thời gian thực hiện: một năm hoặc cả nhiệm kỳ.")
    status: Literal["proposed", "appraised", "assigned", "closed"] = f("Trạng thái", "proposed (đề xuất), appraised (đã thẩm định), assigned (đã giao), closed (đã kết thúc).", default="assigned")
    basis: Basis | None = f("Căn cứ", "Quyết định giao nhiệm vụ.", default=None)
    monitor: Id | None = f("Đầu mối theo dõi", "Mã đơn vị hoặc cán bộ theo dõi, đôn đốc.", default=None)
    confidential: Bool = f("Mật", "true: cả tệp không đưa vào báo cáo công khai.", default=False)
    self_rating: Tier | None = f("Tự nhận mức xếp loại", "Mức xếp loại cán bộ tự đề xuất.", default=None)
    annual_report: AnnualReport | None = f("Báo cáo năm", "Vướng mắc và kiến nghị của người đứng đầu.", default=None)
    amendments: tuple[Amendment, ...] = f("Điều chỉnh", "Mỗi thay đổi nội dung, thời hạn, chỉ tiêu phải có quyết định.", default=())
    tasks: tuple[Task, ...] = f("Nhiệm vụ", "Danh sách nhiệm vụ được giao.")

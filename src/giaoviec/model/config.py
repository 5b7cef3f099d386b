"""Config: the settings of a data repository (giaoviec.yaml)."""

from __future__ import annotations

from typing import Literal

from giaoviec.model.common import Date, Header, Id, Model, NonEmptyText, f


class ScoringRange(Model):
    profile: Id = f("Bộ quy tắc chấm điểm", "Mã ScoringProfile áp dụng trong khoảng thời gian này.")
    start: Date | None = f("Áp dụng từ ngày", "Ngày bắt đầu áp dụng (gồm cả ngày này).", alias="from", default=None)
    end: Date | None = f("Áp dụng đến ngày", "Ngày cuối áp dụng (gồm cả ngày này); bỏ trống nếu còn hiệu lực.", alias="to", default=None)


class Config(Header):
    kind: Literal["Config"] = f("Loại tài liệu", "Config: cấu hình kho dữ liệu (giaoviec.yaml).")
    organization: NonEmptyText = f("Tổ chức", "Tên tổ chức đảng sử dụng kho dữ liệu, ví dụ Đảng bộ tỉnh Vĩnh Phúc.")
    language: Literal["vi", "en"] = f("Ngôn ngữ", "Ngôn ngữ của thông báo và báo cáo: vi hoặc en.", default="vi")
    clarity: Literal["5ro", "6ro"] = f("Quy tắc rõ", "5ro: rõ người, rõ việc, rõ thời gian, rõ kết quả, rõ trách nhiệm; 6ro thêm rõ thẩm quyền.", default="5ro")
    checks: Literal["monthly", "quarterly"] = f("Kỳ báo cáo tiến độ", "monthly: hằng tháng; quarterly: hằng quý.", default="quarterly")
    scoring: tuple[ScoringRange, ...] = f("Quy tắc chấm điểm theo thời gian", "Bộ quy tắc nào áp dụng cho kỳ đánh giá nào, theo ngày.", default=())
    vague_phrases: tuple[NonEmptyText, ...] | None = f("Cụm từ chung chung", "Thêm vào danh sách có sẵn các cụm từ chung chung (tăng cường, nâng cao, đẩy mạnh...); thay hẳn danh sách có sẵn nếu vague_phrases_replace: true.", default=None)
    vague_phrases_replace: bool = f("Thay danh sách cụm từ chung chung", "true: chỉ dùng vague_phrases của kho này, bỏ danh sách có sẵn.", default=False)
    generic_products: tuple[NonEmptyText, ...] | None = f("Loại sản phẩm chung chung", "Thêm vào danh sách có sẵn các loại văn bản tự nó không nói được kết quả (báo cáo, kế hoạch, tờ trình...); thay hẳn nếu generic_products_replace: true.", default=None)
    generic_products_replace: bool = f("Thay danh sách loại sản phẩm chung chung", "true: chỉ dùng generic_products của kho này, bỏ danh sách có sẵn.", default=False)

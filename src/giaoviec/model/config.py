"""Config: the settings of a data repository (giaoviec.yaml)."""

from __future__ import annotations

from typing import Literal

from giaoviec.model.common import Date, Header, Id, Model, NonEmptyText, Text, f
from giaoviec.model.org import Category, Role


class ScoringRange(Model):
    profile: Id = f("Bộ quy tắc chấm điểm", "Mã ScoringProfile áp dụng trong khoảng thời gian này.")
    start: Date | None = f("Áp dụng từ ngày", "Ngày bắt đầu áp dụng (gồm cả ngày này).", alias="from", default=None)
    end: Date | None = f("Áp dụng đến ngày", "Ngày cuối áp dụng (gồm cả ngày này); bỏ trống nếu còn hiệu lực.", alias="to", default=None)
    roles: tuple[Role, ...] = f("Chỉ áp dụng cho vai trò", "Vai trò của chức vụ tại đơn vị giao việc (secretary, chair...); bỏ trống: mọi vai trò.", default=())
    categories: tuple[Category, ...] = f("Chỉ áp dụng cho loại cán bộ", "Loại trong danh sách cán bộ (can-bo, cong-chuc, vien-chuc), ví dụ cong-chuc cho Nghị định 335; bỏ trống: mọi loại.", default=())

    @property
    def narrow(self) -> bool:
        """Whether the entry names the cadres it covers (roles or categories)."""
        return bool(self.roles or self.categories)


class Signer(Model):
    authority: Text | None = f("Thẩm quyền ký", "Ví dụ T/M BAN THƯỜNG VỤ, K/T TRƯỞNG BAN; bỏ trống khi người đứng đầu ký.", default=None)
    title: NonEmptyText = f("Chức vụ người ký", "Ví dụ TRƯỞNG BAN, PHÓ BÍ THƯ, CHỦ TỊCH.")
    name: Text | None = f("Họ tên người ký", "Bỏ trống để ký tay.", default=None)


class DocumentSettings(Model):
    unit: Id | None = f("Đơn vị", "Báo cáo của đơn vị này dùng các thiết lập dưới; bỏ trống: mọi đơn vị.", default=None)
    form: Literal["party", "state"] | None = f("Thể thức", "party: văn bản của Đảng (Hướng dẫn 36-HD/VPTW); state: văn bản hành chính (Nghị định 30/2020/NĐ-CP). Mặc định theo loại đơn vị.", default=None)
    superior: Text | None = f("Cơ quan cấp trên", "Ví dụ Huyện ủy Yên Lạc (dòng trên tên cơ quan ban hành).", default=None)
    issuer: NonEmptyText | None = f("Cơ quan ban hành", "Ví dụ Ban Tổ chức.", default=None)
    symbol: NonEmptyText | None = f("Ký hiệu văn bản", "Ví dụ BC/BTCHU (văn bản của Đảng: Số 15-BC/BTCHU) hoặc BC-UBND (hành chính: Số: 15/BC-UBND).", default=None)
    place: NonEmptyText | None = f("Địa danh", "Ví dụ Yên Lạc.", default=None)
    signer: Signer | None = f("Người ký", "", default=None)
    recipients: tuple[NonEmptyText, ...] = f("Nơi nhận", "Ví dụ Ban Thường vụ Huyện ủy (để báo cáo); Lưu Văn phòng.", default=())


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
    documents: tuple[DocumentSettings, ...] = f("Thể thức văn bản báo cáo", "Cơ quan ban hành, ký hiệu, người ký, nơi nhận của báo cáo Word/PDF, theo đơn vị.", default=())
    generic_products_replace: bool = f("Thay danh sách loại sản phẩm chung chung", "true: chỉ dùng generic_products của kho này, bỏ danh sách có sẵn.", default=False)

"""The words the wording analyser reads a task with (spec/clarity.md): the vocabulary of standing
duties, the kinds of document, event, work and place a named result is made of, the verbs that
draft, hold or bring about one, the words that say nothing of what a document is about, and the
units and number words of quantities. Data only; checks/wording_phrase.py and
checks/wording_numbers.py read with them."""

from __future__ import annotations

from giaoviec.characters import lazy

VAGUE_PHRASES = (
    "tăng cường", "nâng cao", "đẩy mạnh", "đẩy nhanh", "tiếp tục", "tập trung", "chú trọng", "quan tâm", "tích cực",
    "phát huy", "duy trì", "củng cố", "góp phần", "từng bước", "thực hiện tốt", "làm tốt", "có hiệu quả", "quyết liệt",
    "thường xuyên", "đồng bộ", "chăm lo", "đổi mới", "triển khai", "quán triệt", "lãnh đạo", "chỉ đạo", "tham mưu",
    "phối hợp", "cải thiện", "giữ vững", "chấn chỉnh", "phát triển", "thực hiện", "tổ chức thực hiện", "đảm bảo", "bảo đảm",
    "xây dựng", "quản lý", "làm theo", "học tập",
)
# words that open a task without saying what it does: stripped before its head verb is read
OPENERS = (
    "phấn đấu", "quyết tâm", "khẩn trương", "chủ động", "kịp thời", "nghiêm túc", "tập trung cao độ", "nỗ lực",
    "mục tiêu", "yêu cầu", "đề nghị", "giao", "sớm", "tích cực", "có", "có thêm", "hoàn thành việc", "tăng tốc",
    "nghiên cứu", "rà soát", "khảo sát", "tổng hợp", "chủ trì",  # they precede the verb that says what is produced
)
# hedges: a state they qualify is not one a decision can recognise ("cơ bản đạt", "hướng tới")
HEDGES = ("cơ bản", "từng bước", "hướng tới", "bước đầu", "góp phần", "tiến tới", "dần")
# kinds of document that, alone or with only such words after them, identify nothing
GENERIC_PRODUCTS = (
    "báo cáo", "kế hoạch", "tờ trình", "công văn", "thông báo", "biên bản", "quyết định", "nghị quyết", "văn bản",
    "danh sách", "phương án", "đề án", "chương trình", "đề xuất", "hồ sơ", "sổ", "sổ theo dõi",
    "tài liệu", "báo cáo tổng hợp", "bản kiểm điểm", "bản cam kết", "bản đăng ký", "kết luận", "chỉ thị", "hướng dẫn", "thống kê",
    "quy hoạch", "đề cương", "dự thảo", "chương trình hành động", "kế hoạch hành động", "văn kiện", "tham luận",
)
# kinds of document a task drafts, issues or submits (with the generic ones); "bản thu hoạch" is a kind
DOCUMENTS = (
    *GENERIC_PRODUCTS, "bản thu hoạch", "dự án", "đề tài", "quy chế", "quy định", "bộ tiêu chí", "chiến lược", "cẩm nang", "bản đồ",
    "nghị định", "thông tư", "chỉ thị", "phương án", "quy trình", "bộ thủ tục", "hợp đồng", "thỏa thuận", "báo cáo chính trị",
    "biểu", "biểu mẫu", "bảng tổng hợp", "báo cáo đề xuất", "báo cáo kiểm điểm",
)
# verbs that draft, issue, submit or settle a document
DRAFT_VERBS = (
    "xây dựng", "ban hành", "soạn thảo", "dự thảo", "trình", "lập", "hoàn thiện", "hoàn chỉnh", "tham mưu ban hành",
    "tham mưu xây dựng", "phê duyệt", "báo cáo", "sửa đổi", "bổ sung", "điều chỉnh", "xây dựng và ban hành",
    "ký kết", "thông qua", "rà soát, ban hành", "xây dựng, ban hành", "tham mưu", "đề xuất", "gửi", "công bố",
    "thống nhất", "báo cáo đề xuất",
    "tham gia ý kiến", "tham gia ý kiến vào", "góp ý", "góp ý vào", "cho ý kiến", "cho ý kiến vào",  # on a named draft
    "đóng góp ý kiến", "đóng góp ý kiến vào",
)
# verbs that build a work; with a work kind and its proper name, a named result ("Xây dựng nhà văn hóa thôn Đông")
BUILD_VERBS = ("xây dựng", "thiết lập", "xây mới", "làm mới", "cứng hóa", "nâng cấp", "sửa chữa", "lắp đặt", "hoàn thành", "khánh thành", "khởi công")
# events a task holds, and the verbs that hold them
EVENTS = (
    "hội nghị", "đại hội", "lễ", "hội thảo", "tọa đàm", "hội thi", "cuộc thi", "hội diễn", "liên hoan", "giải",
    "diễn đàn", "kỳ họp", "phiên họp", "lớp bồi dưỡng", "lớp tập huấn", "lớp", "hội chợ", "triển lãm", "ngày hội",
    "tuần lễ", "diễn tập", "hội khỏe", "đại hội thể dục thể thao", "lễ hội", "cuộc vận động", "chiến dịch", "sơ kết", "tổng kết",
)
EVENT_VERBS = ("tổ chức thành công", "tổ chức", "mở", "khai mạc", "tiến hành", "chủ trì", "đăng cai", "tham gia")
# what a named place or body is called by; a proper name follows ("xã Tam Hồng", "Trường THCS Yên Lạc")
PLACES = (
    "xã", "phường", "thị trấn", "huyện", "thị xã", "quận", "thành phố", "tỉnh", "thôn", "xóm", "bản", "làng", "ấp",
    "buôn", "tổ dân phố", "khu", "trường", "trạm", "chợ", "cảng", "cầu", "đường", "khu công nghiệp", "cụm công nghiệp",
    "hợp tác xã", "chi bộ", "đảng bộ", "bệnh viện", "trung tâm", "nhà máy", "dự án", "công trình", "tuyến", "kênh",
    "hồ", "đập", "tt.", "tx", "tp", "tp.",
)
# verbs of an end state, said of a named object that precedes or follows them
END_STATES = (
    "đạt chuẩn", "đạt tiêu chí", "được công nhận", "công nhận", "về đích", "đi vào hoạt động", "vào hoạt động",
    "vào khai thác", "vào sử dụng", "vào vận hành", "thoát khỏi", "trở thành", "thành", "đạt", "khánh thành",
    "thành lập", "khởi công", "hoàn thành", "ban hành", "phê duyệt", "đón nhận", "ký kết", "bàn giao", "di dời",
    "xử lý dứt điểm", "giải quyết dứt điểm", "tổ chức thành công", "kiện toàn", "sáp nhập", "giải thể", "hợp nhất", "nâng cấp", "cải tạo",
    "xây dựng xong", "thực hiện xong", "tiếp nhận", "đưa vào sử dụng", "đưa vào hoạt động", "đi vào khai thác",
    "theo tiêu chí", "theo chuẩn",
)
# states an end-state verb like "đạt" or "trở thành" must name to be one a decision can recognise
STATUSES = (
    "chuẩn", "tiêu chí", "nông thôn mới", "đô thị loại", "thị xã", "thành phố", "thị trấn", "quận", "phường",
    "kiểu mẫu", "danh hiệu", "huyện", "loại", "hoạt động", "khai thác", "sử dụng", "vận hành", "đích", "ntm",
)
# words that say nothing of what a document is about (with the vague phrases)
FILLER = (
    "kết quả", "thực hiện", "tình hình", "công tác", "sơ kết", "tổng kết", "định kỳ", "tiến độ", "đánh giá", "kiểm tra",
    "năm học", "hằng năm", "hàng năm", "tháng", "quý", "năm", "các", "của", "về", "việc", "nhiệm vụ", "chỉ đạo",
    "tuyên truyền", "triển khai", "giải quyết", "nghiệm thu", "tích cực", "chuyển biến", "tốt", "và", "cho", "theo",
    "đề nghị", "trình", "gửi", "số", "lần", "đợt", "cuối", "đầu", "giữa", "tổng hợp", "chung", "chi tiết",
    "được", "ban hành", "phê duyệt", "thông qua", "trọng tâm", "trọng điểm", "chủ yếu", "cụ thể", "đề ra", "liên quan",
    "chất lượng", "hiệu quả", "vai trò", "phong trào", "giải pháp", "mục tiêu", "chỉ tiêu", "nội dung", "hoạt động",
    "những", "một số", "mọi", "trên địa bàn", "địa bàn", "đạt", "yêu cầu", "đối với", "trong", "với", "tại", "nhằm",
    "hài lòng", "người dân", "nhân dân", "ngày càng", "hơn", "cao", "tốt hơn", "mới", "đảm bảo", "bảo đảm",
    "xem xét", "theo quy định", "theo đúng quy định", "quy định hiện hành", "hiện hành", "cấp có thẩm quyền",
)
# heads of a product that is a work, a status or a thing someone can be shown
WORKS = (
    "nhà văn hóa", "trường", "chợ", "cầu", "đường", "trạm", "hệ thống", "phần mềm", "cơ sở dữ liệu", "bản đồ",
    "giấy chứng nhận", "bằng công nhận", "chứng chỉ", "công trình", "sân vận động", "nhà máy", "mô hình", "hợp đồng",
    "quy chế", "quy định", "cổng", "trang", "sản phẩm", "di tích", "nhà", "xe", "khu", "cụm",
)
# before a kind of document or work: it is plural and unnamed ("các chương trình, đề án")
PLURAL = ("các", "những", "một số", "mọi", "nhiều", "toàn bộ")
# capitalised words that name no particular thing: roman numerals, and the institutions every text names
NOT_NAMES = frozenset({
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii",
    "xix", "xx", "đảng", "nhà", "nước", "nhân", "dân", "tổ", "quốc", "bác", "chính", "phủ", "trung", "ương",
})
NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "trăm": 100}
# units by dimension and their factor to the dimension's base unit
UNITS = {
    "%": ("percent", 1.0), "phần trăm": ("percent", 1.0),
    "m": ("length", 1.0), "mét": ("length", 1.0), "km": ("length", 1000.0), "ki-lô-mét": ("length", 1000.0),
    "m2": ("area", 1.0), "m²": ("area", 1.0), "ha": ("area", 10_000.0), "héc-ta": ("area", 10_000.0), "km2": ("area", 1e6),
    "đồng": ("money", 1.0), "nghìn đồng": ("money", 1e3), "ngàn đồng": ("money", 1e3), "triệu đồng": ("money", 1e6),
    "tỷ đồng": ("money", 1e9), "tỉ đồng": ("money", 1e9), "kg": ("mass", 1.0), "tấn": ("mass", 1000.0),
}
# an entire defined population a task covers: checkable as all of it ("cho công dân đủ điều kiện",
# "cho các hộ thuộc diện được hỗ trợ", "Toàn bộ cán bộ, công chức … phải …")
WHOLE_SCOPE = ("đủ điều kiện", "thuộc diện", "trong diện", "thuộc đối tượng")
WHOLE_GROUP = ("toàn bộ", "tất cả", "100%")
PEOPLE = ("người", "lao động", "đảng viên", "chiến sĩ", "học sinh", "học viên", "cán bộ", "hội viên", "thanh niên", "công nhân", "người dân")
NOT_AFTER_NUMBER = ("nhiệm vụ", "phần việc", "trụ cột", "mũi nhọn", "chương trình trọng điểm", "nội dung", "khâu", "đột phá", "giải pháp", "mục tiêu", "chỉ tiêu", "quan điểm", "năm", "tháng", "ngày", "quý", "tuần", "giờ", "giai đoạn", "nhiệm kỳ", "khóa", "lần thứ", "-", "–", "/")
# a working session with a body about a named document or event ("Làm việc với Sở Tài chính về dự thảo Đề án …",
# "… làm việc với UBND tỉnh để cho ý kiến về: Đề án …", "… về chuẩn bị nội dung Hội nghị Tỉnh ủy lần thứ 9")
SESSION = lazy(r"(?<!\w)làm việc với\s[^;]{0,160}?\s(?:để\s+)?(?:cho ý kiến\s+(?:về|vào)|về)[\s:]+"
               r"(?:(?:việc|công tác|chuẩn bị|nội dung|các|dự thảo)\s+)*")

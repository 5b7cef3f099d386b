"""What a vague task could count or name instead, from the words of its object (spec/clarity.md:
"the hint proposes the shape of a fix from the task's own words")."""

from __future__ import annotations

from giaoviec.i18n import N_, Phrase, phrase

# (words of the object, what such a task can count or name); the longest word that matches wins, so
# that "trật tự xây dựng" is construction order, not public security, and "xây dựng đảng" the party's
TOPICS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("trật tự xây dựng", "xây dựng trái phép", "giấy phép xây dựng", "cấp phép xây dựng", "vi phạm xây dựng",
      "quản lý xây dựng", "trật tự đô thị"),
     N_("the construction works in breach dealt with, the building permits issued, the illegal works removed")),
    (("làng nghề",), N_("the number of craft villages recognised, of households in the trade, the trade's revenue")),
    (("thương mại điện tử", "chuyển đổi số", "không dùng tiền mặt", "số hóa"),
     N_("the number of businesses selling online, the share of payments without cash (%), the services run fully online")),
    (("tài nguyên nước", "nước sạch", "môi trường", "rác", "ô nhiễm"),
     N_("the share of households with clean water (%), the pollution sites dealt with, the tonnes of waste collected")),
    (("đất đai", "lấn chiếm", "giải phóng mặt bằng", "địa chính"),
     N_("the violations settled, the land-use certificates issued, the hectares cleared or surveyed")),
    (("cải cách hành chính", "thủ tục", "hồ sơ", "một cửa"),
     N_("the share of applications settled on time (%), the procedures offered fully online")),
    (("đảng viên", "chi bộ", "tổ chức cơ sở đảng", "tổ chức đảng", "xây dựng đảng", "đảng bộ"),
     N_("the new party members admitted, the cells rated clean and strong, the cells set up")),
    (("nông thôn mới",), N_("the criteria met, the decision recognising the commune as meeting the standard")),
    (("nghèo", "an sinh", "chính sách"), N_("the households lifted out of poverty, the poverty rate (%), the houses built for the poor")),
    (("giáo dục", "dạy học", "học sinh", "trường"), N_("the schools meeting the national standard, the pass rate (%), the classrooms built")),
    (("y tế", "sức khỏe", "bảo hiểm"), N_("the share of people with health insurance (%), the health stations meeting the standard")),
    (("giao thông", "đường", "kênh", "hạ tầng"), N_("the kilometres of road or canal built or hardened, the works handed over")),
    (("ngân sách", "thu", "vốn", "giải ngân", "đầu tư công"), N_("the revenue or disbursement in billion đồng, the share of the plan disbursed (%)")),
    (("an ninh", "trật tự an toàn xã hội", "an ninh trật tự", "tội phạm", "ma túy", "tai nạn", "an toàn giao thông"), N_("the cases solved, the fall in crimes or accidents (%), the hotspots cleared")),
    (("đơn thư", "khiếu nại", "tố cáo", "tiếp công dân", "đối thoại"), N_("the complaints settled for good, the share settled on time (%), the dialogues held")),
    (("văn hóa", "du lịch", "di sản", "di tích", "thể thao"), N_("the visitors, the relics ranked, the cultural houses or events completed")),
    (("nông nghiệp", "sản xuất", "kinh tế", "doanh nghiệp", "hợp tác xã"),
     N_("the hectares or tonnes, the cooperatives or businesses founded, the output value in billion đồng")),
    (("cán bộ", "công chức", "kỷ luật", "kỷ cương", "thi đua"), N_("the staff trained or rotated, the breaches dealt with, the units rated")),
    (("nghị quyết", "kết luận", "chỉ thị", "kế hoạch", "chương trình", "đề án", "quy định"),
     N_("the figures and works that document sets for this post, one task each")),
)
ANY = N_("a number with its unit (households, hectares, %, billion đồng)")


def countables(obj: str) -> Phrase:
    """What a task about `obj` could count or name: the topic whose matching words are the longest."""
    obj = " ".join(obj.lower().split())
    best, length = ANY, 0
    for words, suggestion in TOPICS:
        for w in words:
            if len(w) > length and w in obj:
                best, length = suggestion, len(w)
    return phrase(best)

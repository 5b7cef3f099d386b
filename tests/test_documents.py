"""The report as a document to sign: the Word file in the Party's (HD 36-HD/VPTW) and the State's
(NĐ 30/2020) form — its mandatory elements in order, fonts, paper and orientation, the MẬT mark —
and its PDF by LibreOffice: page budget, page sizes, a page image against a golden one, and no
confidential string in the public version; injected markup stays text."""

from __future__ import annotations

import io
import os
import shutil
import sys

import pytest
from docx import Document

from conftest import EXAMPLES, HERE, copy_example, subprocess_cli
from giaoviec.load.documents import read_file
from giaoviec.model import Assignment

VP = EXAMPLES / "vinh-phuc"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(SOFFICE is None and os.environ.get("CI", "").lower() not in ("1", "true", "yes"),
                                  reason="LibreOffice is not installed (CI installs it)")
INJECTED = "<script>alert(1)</script> =HYPERLINK(\"http://x\") **đậm** & <b>"


def docx(cli, tmp_path, *args: str, root=VP):
    tmp_path.mkdir(parents=True, exist_ok=True)
    out = tmp_path / "r.docx"
    run = cli("-C", str(root), "report", "--format", "docx", "--out", str(out), "--date", "2023-01-10", *args)
    assert run.code == 0, run.err
    return out


def paragraphs(doc) -> list[str]:
    """Every paragraph of the document in reading order, the cells of its tables included."""
    out: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for p in child.iter():
                if p.tag.endswith("}p"):
                    out.append("".join(t.text or "" for t in p.iter() if t.tag.endswith("}t")))
    return [p for p in out if p.strip()]


def in_order(lines: list[str], wanted: list[str]) -> list[str]:
    """The wanted texts not found in this order (each a substring of a line after the previous one)."""
    missing, at = [], 0
    for w in wanted:
        found = next((i for i in range(at, len(lines)) if w in lines[i]), None)
        if found is None:
            missing.append(w)
        else:
            at = found + 1
    return missing


def test_party_form_has_its_elements_in_order(cli, tmp_path):
    doc = Document(docx(cli, tmp_path, "--unit", "yen-lac", "--year", "2022", "--number", "15"))
    lines = paragraphs(doc)
    assert in_order(lines, [
        "HUYỆN ỦY YÊN LẠC", "BAN TỔ CHỨC", "*", "Số 15-BC/BTCHU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Yên Lạc, ngày 10 tháng 01 năm 2023",
        "BÁO CÁO", "kết quả thực hiện nhiệm vụ được giao năm 2022", "Căn cứ các quyết định giao nhiệm vụ năm 2022, Ban Tổ chức Huyện ủy Yên Lạc",
        "I. KẾT QUẢ CHUNG", "II. KẾT QUẢ THEO ĐƠN VỊ", "III. KẾT QUẢ CỦA TỪNG CÁN BỘ", "Đồng chí Nguyễn Văn An",
        "Hội đồng đánh giá: Hội đồng tư vấn đánh giá cán bộ huyện Yên Lạc, phiên họp ngày 06/01/2023, biên bản số 15-BB/HĐĐG",
        "Điều chỉnh: 210-QĐ/HU (01/07/2022)", "IV. KIẾN NGHỊ, ĐỀ XUẤT", "Trên đây là báo cáo",
        "Nơi nhận:", "- Thường trực Huyện ủy (để báo cáo),", "- Lưu Ban Tổ chức Huyện ủy.", "TRƯỞNG BAN", "Bùi Văn Khoa",
        "PHỤ LỤC", "Kèm theo Báo cáo số 15-BC/BTCHU ngày 10/01/2023", "Nguyễn Văn An",
    ]) == []
    assert not any(line.strip() == "MẬT" for line in lines)  # nothing confidential under Yên Lạc
    first, appendix = doc.sections[0], doc.sections[-1]
    mm = lambda *lengths: tuple(round(x.mm) for x in lengths)  # noqa: E731
    assert mm(first.page_width, first.page_height) == (210, 297) and first.orientation == 0
    assert mm(first.left_margin, first.right_margin, first.top_margin, first.bottom_margin) == (30, 15, 20, 20)
    assert mm(appendix.page_width, appendix.page_height) == (297, 210) and appendix.orientation == 1
    fonts = {run.font.name for p in doc.paragraphs for run in p.runs if run.text.strip()}
    sizes = {run.font.size.pt for p in doc.paragraphs for run in p.runs if run.text.strip() and run.font.size}
    assert fonts == {"Times New Roman"} and doc.styles["Normal"].font.name == "Times New Roman"
    body = [run.font.size.pt for p in doc.paragraphs if p.text.startswith("- ") for run in p.runs if run.font.size]
    assert body and set(body) <= {13.0} and max(sizes) <= 15 and min(sizes) >= 11


def test_state_form_for_a_state_body(cli, tmp_path):
    doc = Document(docx(cli, tmp_path, "--unit", "so-noi-vu-vinh-phuc", "--year", "2022", "--number", "7"))
    lines = paragraphs(doc)
    assert in_order(lines, ["ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC", "SỞ NỘI VỤ", "Số: 7/BC-SNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                            "Độc lập - Tự do - Hạnh phúc", "Vĩnh Phúc, ngày 10 tháng 01 năm 2023", "BÁO CÁO", "Nơi nhận:",
                            "GIÁM ĐỐC", "Ngô Thị Lan"]) == []
    assert "MẬT" in lines  # the internal version holds the confidential task of the Sở Nội vụ
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in lines


def test_a_unit_below_takes_the_settings_above_and_no_number_leaves_a_blank(cli, tmp_path):
    lines = paragraphs(Document(docx(cli, tmp_path, "--unit", "tam-hong", "--year", "2022")))
    assert in_order(lines, ["HUYỆN ỦY YÊN LẠC", "BAN TỔ CHỨC", "Số " + "\u00a0" * 6 + "-BC/BTCHU", "Yên Lạc, ngày 10 tháng 01 năm 2023"]) == []


def test_an_unconfigured_unit_takes_its_names(cli, tmp_path):
    """The commune's Party committee under the province's Party organisation (not the commune's name)."""
    lines = paragraphs(Document(docx(cli, tmp_path, "--unit", "nguyet-duc-phu-tho", "--year", "2025")))
    assert in_order(lines, ["ĐẢNG BỘ TỈNH PHÚ THỌ", "ĐẢNG ỦY XÃ NGUYỆT ĐỨC", "Số " + "\u00a0" * 6 + "-BC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                            "Nguyệt Đức, ngày 10 tháng 01 năm 2023", "Căn cứ các quyết định giao nhiệm vụ năm 2025, Đảng ủy xã Nguyệt Đức báo cáo",
                            "Nơi nhận:", "- Ban Thường vụ Tỉnh ủy Phú Thọ (để báo cáo),", "- Lưu Văn phòng Đảng ủy xã Nguyệt Đức.",
                            "(thẩm quyền, chức vụ người ký)"]) == []
    assert "XÃ NGUYỆT ĐỨC (TỈNH PHÚ THỌ)" not in lines and "TỈNH PHÚ THỌ" not in lines


def confidential_strings() -> list[str]:
    out = []
    for path in (VP / "assignments").rglob("*.yaml"):
        docs, _ = read_file(VP, str(path.relative_to(VP)), path.read_bytes())
        for d in docs:
            if isinstance(d.model, Assignment):
                for t in d.model.tasks:
                    if t.confidential or d.model.confidential:
                        out.append(t.what)
    assert out
    return out


def test_public_document_holds_no_confidential_string_and_no_mark(cli, tmp_path):
    doc = Document(docx(cli, tmp_path, "--unit", "vinh-phuc", "--year", "2022", "--public"))
    text = "\n".join(paragraphs(doc))
    assert "MẬT" not in paragraphs(doc)
    for secret in confidential_strings():
        assert secret not in text


def test_same_content_same_bytes(cli, tmp_path):
    a = docx(cli, tmp_path / "a", "--unit", "yen-lac", "--year", "2022").read_bytes()
    b = docx(cli, tmp_path / "b", "--unit", "yen-lac", "--year", "2022").read_bytes()
    assert a == b


def test_injected_markup_is_text_in_word_and_pdf(cli, tmp_path):
    root = copy_example(tmp_path / "vp")
    path = root / "assignments/2022/tam-hong/le-van-cuong.yaml"
    text = path.read_text(encoding="utf-8").replace("what: Kết nạp 12 đảng viên mới", f"what: 'Kết nạp 12 đảng viên mới {INJECTED.replace(chr(39), chr(39) * 2)}'")
    path.write_text(text, encoding="utf-8")
    out = docx(cli, tmp_path, "--unit", "tam-hong", "--year", "2022", root=root)
    assert any(INJECTED in line for line in paragraphs(Document(out)))
    if SOFFICE:
        pdf = tmp_path / "r.pdf"
        assert cli("-C", str(root), "report", "--unit", "tam-hong", "--year", "2022", "--format", "pdf", "--out", str(pdf)).code == 0
        assert "<script>alert(1)</script>" in pdf_text(pdf)


def pdf_text(path) -> str:
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(str(path))
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


@needs_office
def test_pdf_by_libreoffice_within_its_page_budget_and_like_its_golden_page(cli, tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    from PIL import Image, ImageChops, ImageStat

    pdf = tmp_path / "r.pdf"
    run = cli("-C", str(VP), "report", "--unit", "yen-lac", "--year", "2022", "--format", "pdf", "--out", str(pdf),
              "--date", "2023-01-10", "--number", "15")
    assert run.code == 0, run.err
    doc = pdfium.PdfDocument(str(pdf))
    sizes = [tuple(round(x) for x in doc[i].get_size()) for i in range(len(doc))]
    cadres = 7
    assert len(sizes) <= 2 * cadres + 2  # the budget: two A4 pages a cadre, and the summary
    assert sizes[0] == (595, 842) and sizes[-1] == (842, 595)  # A4 portrait, the appendix landscape
    text = pdf_text(pdf)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Yên Lạc, ngày 10 tháng 01 năm 2023" in text and "Bùi Văn Khoa" in text
    page = doc[0].render(scale=100 / 72).to_pil().convert("L")  # 100 dpi
    golden = HERE / "golden" / "report-yen-lac-2022-page1.png"
    if os.environ.get("GIAOVIEC_UPDATE_GOLDEN") == "1" or not golden.exists():
        page.save(golden)
        if not golden.exists():
            pytest.fail("golden page written; review it and rerun")
    want = Image.open(golden).convert("L")
    assert want.size == page.size
    diff = ImageStat.Stat(ImageChops.difference(page, want)).mean[0]
    assert diff < 2.0, f"the first page differs from {golden.name} by {diff:.2f} grey levels on average"


def test_a_missing_libreoffice_is_a_clear_error(tmp_path):
    run = subprocess_cli("-C", str(VP), "report", "--unit", "yen-lac", "--year", "2022", "--format", "pdf", "--out", str(tmp_path / "r.pdf"),
                         env={"PATH": str(tmp_path)})
    assert run.code == 3 and "LibreOffice" in run.err and "apt-get install" in run.err and "Traceback" not in run.err
    assert not (tmp_path / "r.pdf").exists()


def test_word_and_pdf_need_out(cli):
    run = cli("-C", str(VP), "report", "--unit", "yen-lac", "--format", "docx")
    assert run.code == 2 and "--out" in run.err


def test_the_word_report_reads_back(cli, tmp_path):
    data = docx(cli, tmp_path, "--unit", "yen-lac", "--year", "2022").read_bytes()
    doc = Document(io.BytesIO(data))
    assert doc.core_properties.author == "giaoviec" and doc.core_properties.created.year == 2023
    assert sys.getsizeof(data) < 200_000

"""The report reads right as a document to sign: the issuing body named once and as the Party names
it (drawn from the units when giaoviec.yaml has no `documents` entry, with a note that says so), the
unit's kind word lower-case inside a sentence, the MẬT mark in every format of an internal report,
the components by their Vietnamese word, the "tính đến" date the as-of actually used, and a layout
that keeps the signature block, the national title and every appendix row whole."""

from __future__ import annotations

import re
import shutil

import pytest
from docx import Document
from docx.oxml.ns import qn

from conftest import EXAMPLES, build_repo
from test_documents import docx, in_order, needs_office, paragraphs

VP = EXAMPLES / "vinh-phuc"

KINH_MON_UNITS = """apiVersion: giaoviec/v1
kind: Units
units:
  - {id: hai-duong, name: Tỉnh Hải Dương, level: province}
  - {id: huyen-t, name: Thị xã Kinh Môn, level: district, parent: hai-duong}
  - {id: btv-huyen-t, name: Ban Thường vụ Thị ủy Kinh Môn, level: committee, parent: huyen-t}
  - {id: btc-huyen-t, name: Ban Tổ chức Thị ủy Kinh Môn, level: committee, parent: huyen-t}
  - {id: hd-huyen-t, name: Hội đồng đánh giá thị xã Kinh Môn, level: committee, parent: huyen-t}
  - {id: xa-a, name: Phường An Lưu, level: commune, parent: huyen-t}
"""


def kinh_mon(tmp_path, documents: str = ""):
    root = build_repo(tmp_path)
    (root / "org/units.yaml").write_text(KINH_MON_UNITS, encoding="utf-8")
    if documents:
        with (root / "giaoviec.yaml").open("a", encoding="utf-8") as config:
            config.write(documents)
    return root


def test_without_a_documents_entry_the_party_committee_issues_under_the_party_organisation(cli, tmp_path):
    root = kinh_mon(tmp_path / "r")
    out = tmp_path / "r.docx"
    run = cli("-C", str(root), "report", "--unit", "huyen-t", "--year", "2022", "--format", "docx", "--out", str(out), "--date", "2023-01-10")
    assert run.code == 0, run.err
    lines = paragraphs(Document(out))
    assert in_order(lines, [
        "ĐẢNG BỘ TỈNH HẢI DƯƠNG", "THỊ ỦY KINH MÔN", "*", "-BC/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Kinh Môn, ngày 10 tháng 01 năm 2023",
        "BÁO CÁO", "cán bộ lãnh đạo, quản lý thị xã Kinh Môn",
        "Căn cứ các quyết định giao nhiệm vụ năm 2022, Thị ủy Kinh Môn báo cáo kết quả thực hiện nhiệm vụ được giao của 1 cán bộ lãnh đạo, quản lý thị xã Kinh Môn,",
        "Nơi nhận:", "- Ban Thường vụ Tỉnh ủy Hải Dương (để báo cáo),", "- Lưu Văn phòng Thị ủy Kinh Môn.",
    ]) == []
    assert "THỊ XÃ KINH MÔN" not in lines and not any("Như trên" in line for line in lines)
    assert "giaoviec.yaml chưa có mục 'documents' cho huyen-t" in run.err and "Thị ủy Kinh Môn" in run.err


def test_a_configured_committee_under_its_party_organisation_is_named_once(cli, tmp_path):
    root = kinh_mon(tmp_path / "r", "documents:\n  - {unit: huyen-t, superior: Đảng bộ tỉnh Hải Dương, issuer: Thị ủy Kinh Môn, symbol: BC/TU}\n")
    out = tmp_path / "r.docx"
    run = cli("-C", str(root), "report", "--unit", "huyen-t", "--year", "2022", "--format", "docx", "--out", str(out), "--date", "2023-01-10")
    assert run.code == 0 and "documents" not in run.err, run.err
    text = "\n".join(paragraphs(Document(out)))
    assert "Căn cứ các quyết định giao nhiệm vụ năm 2022, Thị ủy Kinh Môn báo cáo" in text
    assert "Kinh Môn Đảng bộ" not in text


def test_an_unconfigured_commune_and_organ_are_drawn_from_the_units():
    import datetime as dt

    from giaoviec.app.documents import letterhead
    from giaoviec.load.repository import load_registry

    repo = load_registry(VP).repo

    commune = letterhead(repo, "nguyet-duc-phu-tho", dt.date(2026, 1, 10))
    assert (commune.superior, commune.issuer, commune.symbol, commune.issuer_in_text) == (
        "Đảng bộ tỉnh Phú Thọ", "Đảng ủy xã Nguyệt Đức", "BC/ĐU", "Đảng ủy xã Nguyệt Đức")
    assert commune.recipients[-1] == "Lưu Văn phòng Đảng ủy xã Nguyệt Đức" and not commune.configured
    organ = letterhead(repo, "ban-to-chuc-tinh-uy-phu-tho", dt.date(2026, 1, 10))
    assert (organ.superior, organ.issuer, organ.issuer_in_text) == ("Tỉnh ủy Phú Thọ", "Ban Tổ chức", "Ban Tổ chức Tỉnh ủy Phú Thọ")


def test_unit_kind_words_are_lower_case_inside_a_sentence():
    from giaoviec.domain.unitnames import in_sentence

    assert [in_sentence(n) for n in ("Huyện Yên Lạc", "Tỉnh Vĩnh Phúc", "Thị xã Kinh Môn", "Xã Nguyệt Đức (tỉnh Phú Thọ)",
                                     "Sở Nội vụ tỉnh Vĩnh Phúc", "Tỉnh ủy Vĩnh Phúc", "Ban Tổ chức Huyện ủy Yên Lạc")] == [
        "huyện Yên Lạc", "tỉnh Vĩnh Phúc", "thị xã Kinh Môn", "xã Nguyệt Đức (tỉnh Phú Thọ)",
        "Sở Nội vụ tỉnh Vĩnh Phúc", "Tỉnh ủy Vĩnh Phúc", "Ban Tổ chức Huyện ủy Yên Lạc"]


def test_the_former_unit_note_names_its_successor_inside_the_sentence(cli):
    text = cli("-C", str(VP), "report", "--unit", "nguyet-duc-phu-tho", "--year", "2022").out
    assert "(đơn vị cũ, nay là xã Nguyệt Đức (tỉnh Phú Thọ))" in text and "nay là Xã" not in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_internal_report_with_confidential_tasks_carries_the_mark_in_every_format(cli, fmt):
    internal = cli("-C", str(VP), "report", "--unit", "so-noi-vu-vinh-phuc", "--year", "2022", "--format", fmt).out
    public = cli("-C", str(VP), "report", "--unit", "so-noi-vu-vinh-phuc", "--year", "2022", "--format", fmt, "--public").out
    none = cli("-C", str(VP), "report", "--unit", "yen-lac", "--year", "2022", "--format", fmt).out  # nothing confidential there
    mark = "**MẬT**" if fmt == "md" else ">MẬT<"
    assert mark in internal and mark not in public and mark not in none
    if fmt == "md":
        assert internal.startswith("**MẬT**\n\n# ")


def test_council_components_are_named_by_their_vietnamese_word(cli, tmp_path):
    root = tmp_path / "vp"
    shutil.copytree(VP, root)
    evaluation = root / "evaluations/2025/hoi-dong-danh-gia-tinh-phu-tho.yaml"
    evaluation.write_text(evaluation.read_text(encoding="utf-8").replace("    general: 18\n", "    general: 18\n    components: {reform: 8}\n"),
                          encoding="utf-8")
    config = root / "giaoviec.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("profile: tw366-2025", "profile: khanhhoa-kpi-2025"), encoding="utf-8")
    args = ("-C", str(root), "report", "--unit", "nguyet-duc-phu-tho", "--year", "2025")
    for fmt in ("md", "html"):
        text = cli(*args, "--format", fmt).out
        assert "Đổi mới, sáng tạo: 8" in text and "reform" not in text, fmt
    lines = paragraphs(Document(docx(cli, tmp_path / "d", "--unit", "nguyet-duc-phu-tho", "--year", "2025", root=root)))
    assert any("Đổi mới, sáng tạo: 8" in line for line in lines) and not any("reform" in line for line in lines)


def test_the_as_of_date_is_the_one_used_and_said(cli):
    args = ("-C", str(VP), "report", "--unit", "nguyet-duc-phu-tho", "--year", "2025")
    mid_year = cli(*args, "--date", "2025-07-02").out
    assert "tính đến 02/07/2025" in mid_year and "31/12/2025" not in mid_year.split("\n", 4)[2]
    given = cli(*args, "--date", "2025-07-02", "--as-of", "2025-06-30").out
    assert "tính đến 30/06/2025" in given
    year_end = cli(*args, "--date", "2026-01-10").out
    assert "tính đến 31/12/2025" in year_end
    later = cli(*args, "--date", "2025-07-02", "--as-of", "2025-12-31")
    assert later.code == 2 and "02/07/2025" in later.err and "31/12/2025" in later.err


def test_the_as_of_date_gives_the_figures_score_gives_for_that_day(cli):
    import json

    report = cli("-C", str(VP), "report", "--unit", "nguyet-duc-phu-tho", "--year", "2025", "--date", "2025-09-30", "--as-of", "2025-09-15").out
    scored = json.loads(cli("-C", str(VP), "score", "2025", "--unit", "nguyet-duc-phu-tho", "--as-of", "2025-09-15", "--format", "json").out)
    for cadre in scored["cadres"]:
        points = f"{cadre['points'] if cadre['points'] is not None else cadre['provisional_points']:.2f}".replace(".", ",")
        assert f"Điểm: **{points}" in report, (cadre["name"], points)


def rows_that_may_break(table) -> int:
    return sum(1 for tr in table._tbl.tr_lst if tr.trPr is None or tr.trPr.find(qn("w:cantSplit")) is None)


def test_no_table_row_of_the_document_breaks_across_pages(cli, tmp_path):
    doc = Document(docx(cli, tmp_path, "--unit", "yen-lac", "--year", "2022"))
    tables = doc.tables
    signature = next(t for t in tables if "Nơi nhận:" in t.rows[0].cells[0].text)
    assert rows_that_may_break(signature) == 0
    assert all(p.paragraph_format.keep_with_next for cell in signature.rows[0].cells for p in cell.paragraphs)
    closing = next(p for p in doc.paragraphs if p.text.startswith("Trên đây là báo cáo"))
    assert closing.paragraph_format.keep_with_next  # the closing sentence goes with the signature
    grids = [t for t in tables if t.style is not None and t.style.name == "Table Grid"]
    assert grids and all(rows_that_may_break(t) == 0 for t in grids)


def pdf_pages(path) -> list[str]:
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(str(path))
    return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]


def pdf(cli, tmp_path, name: str, *args: str, root=VP):
    out = tmp_path / f"{name}.pdf"
    run = cli("-C", str(root), "report", "--format", "pdf", "--out", str(out), "--date", "2023-01-10", *args)
    assert run.code == 0, run.err
    return pdf_pages(out)


@needs_office
def test_the_signature_block_stays_on_one_page_in_every_document(cli, tmp_path):
    """Four documents whose signature block fell across two pages (the signer's name alone on a page
    before the appendix), one whose block ended at the page's foot (the paragraph carrying the section
    break alone on a page): the block is whole, on the page of the closing sentence, the appendix next."""
    documents = {  # the signer's name, or for none the last line of the block
        ("tam-hong", "2024"): "Bùi Văn Khoa", ("yen-dong", "2024"): "Bùi Văn Khoa",
        ("so-noi-vu-vinh-phuc", "2022"): "Ngô Thị Lan", ("nguyet-duc-phu-tho", "2025"): "(thẩm quyền, chức vụ người ký)",
    }
    for (unit, year), last in documents.items():
        pages = pdf(cli, tmp_path, f"{unit}-{year}", "--unit", unit, "--year", year)
        holding = [i for i, page in enumerate(pages) if "Nơi nhận" in page]
        assert len(holding) == 1, unit
        page = pages[holding[0]]
        assert last in page and "Trên đây là báo cáo" in page, (unit, page[-300:])
        appendix = next(i for i, text in enumerate(pages) if "PHỤ LỤC" in text)
        assert appendix == holding[0] + 1, (unit, pages[holding[0] + 1][:200])  # no page holding only the rest of the block
        bare = [i + 1 for i, text in enumerate(pages) if re.fullmatch(r"\s*\d*\s*", text)]
        assert bare == [], (unit, year, bare)  # no page holding only its number (the section break's paragraph spilt over)


@needs_office
def test_the_national_title_is_one_line(cli, tmp_path):
    first = pdf(cli, tmp_path, "state", "--unit", "so-noi-vu-vinh-phuc", "--year", "2022", "--number", "7")[0]
    lines = [re.sub(r"\s+", " ", line).strip() for line in first.splitlines()]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines, lines[:12]




def test_the_opening_sentence_names_the_rules_the_rows_were_scored_with(cli, tmp_path):
    """Not the code of the rules in force on 31/12: the title of each one the report's rows were scored with."""
    def opening(unit: str) -> str:
        lines = paragraphs(Document(docx(cli, tmp_path / unit, "--unit", unit, "--year", "2025", "--date", "2026-01-10")))
        return next(line for line in lines if "chấm điểm theo" in line)
    one = opening("yen-lac")  # its one row of 2025 is scored under QĐ 124 (the term 2021-2025)
    assert "chấm điểm theo Quy định 124-QĐ/TW ngày 04/10/2023, như sau" in one and "tw366" not in one and "366" not in one
    both = opening("phu-tho")
    assert "Quy định 366-QĐ/TW" in both and "Quy định 124-QĐ/TW" in both and " và " in both and "tw" not in both.split("chấm điểm theo")[1]

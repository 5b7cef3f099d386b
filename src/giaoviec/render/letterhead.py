"""The letterhead of the report's Word document and its signature block: the heading of the issuing
body with its superior, the national or Party title, number and symbol, place and date in words
(HD 36-HD/VPTW; NĐ 30/2020/NĐ-CP, Phụ lục I), the MẬT mark; the recipients and the signer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from giaoviec import formats
from giaoviec.compute.reportview import Report
from giaoviec.i18n import Gettext
from giaoviec.render.docxparts import SMALL, font, no_borders, para, together, widths
from giaoviec.render.escape import docx as docx_text

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # bold 12.5 pt: 9.13 cm of Times New Roman, and the cell's margins 0.38 cm
STATE_COLUMNS = [6.7, 9.8]  # cm, 16.5 in all (A4 less 30 and 15 mm): the national title on one line (NĐ 30/2020, Phụ lục I)
PARTY_COLUMNS = [7.2, 9.3]  # "ĐẢNG CỘNG SẢN VIỆT NAM", bold 15 pt: 7.3 cm


@dataclass(frozen=True)
class Letterhead:
    """What the document form needs beyond the report's content (giaoviec.yaml `documents`, or
    options, or what the unit's names give)."""

    form: str  # "party" (HD 36-HD/VPTW) or "state" (NĐ 30/2020)
    superior: str  # the body the issuer stands under ("ĐẢNG BỘ TỈNH VĨNH PHÚC"), "" for none
    issuer: str  # the issuing body ("BAN TỔ CHỨC HUYỆN ỦY")
    number: str  # "15", or "" for a blank to fill by hand
    symbol: str  # "BC/BTCHU" (party: "Số 15-BC/BTCHU"; state: "Số: 15/BC-UBND")
    place: str  # "Yên Lạc"
    date: dt.date  # the date the document states (the day it is made, unless given)
    authority: str  # "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", "" for none
    title: str  # "TRƯỞNG BAN"
    signer: str  # the signer's name, "" for a blank
    recipients: tuple[str, ...]
    issuer_in_text: str = ""  # the issuer as the body names it ("Ban Tổ chức Huyện ủy Yên Lạc"); the issuer when ""
    configured: bool = True  # False: giaoviec.yaml has no `documents` entry for the unit, all drawn from the units

    @property
    def number_line(self) -> str:
        number = self.number or "\u00a0" * 6
        if self.form == "state":
            return f"Số: {number}/{self.symbol}"
        return f"Số {number}-{self.symbol}"


def heading_block(doc, head: Letterhead, r: Report, _: Gettext) -> None:
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    left, right = table.rows[0].cells
    left.paragraphs[0].paragraph_format.space_after = Pt(0)
    right.paragraphs[0].paragraph_format.space_after = Pt(0)
    center = WD_ALIGN_PARAGRAPH.CENTER
    first = left.paragraphs[0]
    first.alignment = center
    if head.superior:
        font(first.add_run(docx_text(head.superior.upper())), Pt(13) if head.form == "party" else Pt(12.5))
        para(left, head.issuer.upper(), size=Pt(13), bold=True, align=center, after=0)
    else:
        font(first.add_run(docx_text(head.issuer.upper())), Pt(13), bold=True)
    para(left, "*" if head.form == "party" else "—————", size=Pt(13), align=center, after=0)
    para(left, head.number_line, size=Pt(13), align=center, after=0)
    if r.confidential:
        mark = para(left, _("CONFIDENTIAL"), size=Pt(13), bold=True, align=center, before=4, after=0)
        ppr = mark._p.get_or_add_pPr()
        border = OxmlElement("w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), "8")
            el.set(qn("w:space"), "1")
            border.append(el)
        ppr.append(border)
    top = right.paragraphs[0]
    top.alignment = center
    if head.form == "party":
        font(top.add_run("ĐẢNG CỘNG SẢN VIỆT NAM"), Pt(15), bold=True, underline=True)
    else:
        font(top.add_run(NATIONAL_TITLE), Pt(12.5), bold=True)  # one line: the column is wide enough (STATE_COLUMNS)
        para(right, "Độc lập - Tự do - Hạnh phúc", size=Pt(13.5), bold=True, underline=True, align=center, after=0)
    para(right, "", size=Pt(8), align=center, after=0)
    dated = formats.long_day(head.date, r.lang)
    para(right, f"{head.place}, {dated}" if head.place else dated, size=Pt(14), italic=True, align=center, after=0)
    widths(table, STATE_COLUMNS if head.form == "state" else PARTY_COLUMNS)


def signature(doc, head: Letterhead, _: Gettext) -> None:
    """The recipients and the signer, side by side, on one page: never split across two, and with the
    closing sentence before them (its paragraph keeps with the next)."""
    para(doc, "", after=6, keep=True)
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    font(first.add_run(docx_text(_("Recipients:"))), Pt(12), bold=True, italic=True)
    first.paragraph_format.space_after = Pt(0)
    names = head.recipients or (_("Archive (the issuing body's files)"),)  # never "Như trên": a report has no "Kính gửi" above
    for i, name in enumerate(names, 1):
        para(left, f"- {name}" + ("." if i == len(names) else ","), size=SMALL, align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
    center = WD_ALIGN_PARAGRAPH.CENTER
    top = right.paragraphs[0]
    top.alignment = center
    top.paragraph_format.space_after = Pt(0)
    if head.authority:
        font(top.add_run(docx_text(head.authority.upper())), Pt(14), bold=True)
        para(right, head.title.upper(), size=Pt(14), bold=True, align=center, after=0)
    elif head.title:
        font(top.add_run(docx_text(head.title.upper())), Pt(14), bold=True)
    else:  # no signer configured: the places to fill by hand
        font(top.add_run(docx_text(_("(authority, title of the signer)"))), Pt(13), italic=True)
    for _line in range(4):
        para(right, "", size=Pt(14), align=center, after=0)
    para(right, head.signer or "\u00a0", size=Pt(14), bold=True, align=center, after=0)
    widths(table, [8.0, 8.5])
    together(table)

"""The report as a Word document in the form the Party (Hướng dẫn 36-HD/VPTW, 03-4-2018) or the
State (Nghị định 30/2020/NĐ-CP, Phụ lục I) prescribes for a report (báo cáo): the heading of the
issuing body with its superior, the national or Party title, number and symbol, place and date in
words, the kind and subject, the body, the signature block and the recipients; the MẬT mark when
confidential content is included; the task tables as an appendix on landscape pages.

A4, Times New Roman (TCVN 6909:2001 Unicode), 13 pt body, margins 20/20/30/15 mm. The content is
the Report of compute/report.py, nothing else: every figure there comes from the one computation.
python-docx escapes every text for XML; nothing from a data file is read as markup; every run's text goes
through `escape.docx` (control characters, which XML cannot hold, and bidi overrides written as codes).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from giaoviec import formats
from giaoviec.compute.reportview import CadreSection, Report
from giaoviec.domain.unitnames import in_sentence
from giaoviec.i18n import Gettext
from giaoviec.render.docxparts import BODY, FONT, SMALL
from giaoviec.render.docxparts import grid as _grid
from giaoviec.render.docxparts import hairline as _hairline
from giaoviec.render.docxparts import page_numbers as _page_numbers
from giaoviec.render.docxparts import para as _para
from giaoviec.render.docxparts import runs as _runs
from giaoviec.render.escape import docx as docx_text
from giaoviec.render.letterhead import Letterhead, heading_block, signature
from giaoviec.render.reportlabels import texts
from giaoviec.words import BUCKET, STATUS


def _title(doc, r: Report, _: Gettext) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, _("REPORT"), size=Pt(15), bold=True, align=center, before=18, after=0)
    _para(doc, _("the results of the tasks assigned to the leading cadres of {unit} in {year}").format(unit=in_sentence(r.unit), year=r.year),
          size=Pt(14), bold=True, align=center, after=0)
    _para(doc, "-----", size=Pt(13), align=center, after=8)


def _count_line(r: Report, _: Gettext) -> str:
    parts = "; ".join(f"{name} {n} ({pct})" for name, n, pct in r.buckets)
    return _("{cadres} cadres were assigned {tasks} tasks that count this year: {parts}.").format(
        cadres=r.people, tasks=r.tasks, parts=parts.lower() if r.lang == "vi" else parts)


def _body(doc, head: Letterhead, r: Report, _: Gettext) -> None:
    t = texts(r, _)
    _para(doc, _("Under the decisions assigning the tasks of {year}, {issuer} reports the results of the tasks assigned to "
                 "{n} leading cadres of {unit}, as of {as_of}, scored under {profile}, as follows:").format(
        year=r.year, issuer=head.issuer_in_text or head.issuer, n=r.people, unit=in_sentence(r.unit), as_of=r.as_of, profile=r.profile_title), indent=True)
    if r.incomplete:
        _para(doc, "⚠ " + r.incomplete[0], bold=True, indent=True)
        for line in r.incomplete[1:]:
            _para(doc, "- " + line, size=SMALL, indent=True)
    if r.public:
        _para(doc, t["public_note"], italic=True, indent=True)
    _para(doc, _("I. OVERALL RESULTS"), bold=True, before=6, keep=True)
    _para(doc, "1. " + _count_line(r, _), indent=True)
    tiers = "; ".join(f"{name}: {n}" for _tier, name, n in r.tiers)
    _para(doc, "2. " + _("Tiers: {tiers}.").format(tiers=tiers or "—") + (f" {r.ratings_note}" if r.ratings_note else ""), indent=True)
    n = 3
    if r.overdue:
        _para(doc, f"{n}. {t['overdue']}:", indent=True, keep=True)
        for cadre, task, what, due in r.overdue:
            _para(doc, "- " + _("{cadre}, task {task}: {what} (due {due}).").format(cadre=cadre, task=task, what=what, due=due), indent=True)
        n += 1
    if r.quota:
        _para(doc, f"{n}. {t['quota']}:", indent=True, keep=True)
        for w in r.quota:
            _para(doc, "- " + w, indent=True)
        n += 1
    if r.notes:
        _para(doc, f"{n}. {t['notes']}:", indent=True, keep=True)
        for w in r.notes:
            _para(doc, "- " + w, indent=True)
    if len(r.by_unit) > 1:
        _para(doc, _("II. RESULTS BY UNIT"), bold=True, before=6, keep=True)
        names = [_(BUCKET[b]) for b in BUCKET]
        rows = [[name, *(str(c[b]) for b in BUCKET), str(total)] for (name, c), total in zip(r.by_unit, r.by_unit_tasks, strict=True)]
        _grid(doc, [_("Unit"), *names, _("Total")], rows, [4.5, 2.4, 2.4, 2.4, 2.4, 1.6], numeric=frozenset({1, 2, 3, 4, 5}))
        section_no = "III"
    else:
        section_no = "II"
    _para(doc, _("{no}. RESULTS OF EACH CADRE").format(no=section_no), bold=True, before=8, keep=True)
    for i, c in enumerate(r.cadres, 1):
        _cadre(doc, i, c, r, t, _)
    last = "IV" if section_no == "III" else "III"
    if r.proposals:
        _para(doc, _("{no}. PROPOSALS").format(no=last), bold=True, before=8, keep=True)
        for cadre, proposal in r.proposals:
            _para(doc, f"- {proposal} ({cadre}).", indent=True)
    _para(doc, _("Above is the report of the results of the tasks assigned in {year}.").format(year=r.year), indent=True, before=4,
          keep=True)  # with the signature block that follows


def _cadre(doc, i: int, c: CadreSection, r: Report, t: dict[str, str], _: Gettext) -> None:
    who = c.held
    p = _para(doc, "", indent=True, before=4, keep=True)
    _runs(p, (f"{i}. " + _("Comrade {name}").format(name=c.name), True), (f", {who}" + (f" ({c.unit_note})" if c.unit_note else "") + f" — {c.program}, {c.period}", False))
    if c.basis:
        _para(doc, f"- {t['basis']}: {c.basis}.", indent=True)
    counts = "; ".join(f"{name} {n}" for name, n in _statuses(c, _) if n)
    _para(doc, "- " + _("Results: {counts}.").format(counts=counts or "—"), indent=True)
    points = f"{t['points']}: {c.points}" + (f" ({c.points_note})" if c.points_note else "")
    q = _para(doc, "- ", indent=True)
    _runs(q, (points + "; " + _("tier") + ": ", False), (c.tier_long, True), (". " + _sentence(c.tier_reason) + ".", False))
    if c.self_rating:
        _para(doc, f"- {t['self_rating']}: {c.self_rating}.", indent=True)
    if c.council:
        line = f"- {t['council']}: {c.council.session}; {c.council.scored} {t['scored']}"
        if c.council.general:
            line += f"; {t['general']}: {c.council.general}"
        line += "".join(f"; {name}: {v}" for name, v in c.council.components)
        _para(doc, line + ".", indent=True)
        for task, note in c.council.notes:
            _para(doc, "+ " + _("task {task}: {note}").format(task=task, note=note), indent=True, size=Pt(12))
        if c.council.decided:
            _para(doc, "- " + c.council.decided + ".", indent=True)
        if c.council.discipline:
            _para(doc, f"- {t['discipline']}: {c.council.discipline}.", indent=True)
        if c.council.stale:
            _para(doc, f"- ⚠ {t['stale']}: {', '.join(c.council.stale)}.", indent=True)
    for a in c.amendments:
        what = " — " + _("tasks {ids}").format(ids=a.tasks) if a.tasks else ""
        _para(doc, f"- {t['amendments']}: {a.decision} ({a.date}){what}" + (f": {a.note}" if a.note else "") + ".", indent=True)
    if c.hidden_tasks:
        _para(doc, "- " + t["hidden_tasks"].format(n=c.hidden_tasks), indent=True, italic=True)
    if c.unclear:
        _para(doc, "- ⚠ " + t["unclear"].format(ids=", ".join(c.unclear)), indent=True)
    if c.strengths:
        _para(doc, f"- {t['strengths']}: " + " ".join(c.strengths), indent=True)
    if c.shortcomings:
        _para(doc, f"- {t['shortcomings']}: " + " ".join(c.shortcomings), indent=True)
    if c.obstacles:
        _para(doc, f"- {t['obstacles']}: " + "; ".join(c.obstacles) + ".", indent=True)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _statuses(c: CadreSection, _: Gettext) -> list[tuple[str, int]]:
    return [(_(STATUS[k]), c.counts.get(k, 0)) for k in STATUS]


def _appendix(doc, head: Letterhead, r: Report, _: Gettext) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _hairline(doc.paragraphs[-1])  # the paragraph after the signature table carrying the break: no page of its own
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(15)
    section.left_margin, section.right_margin = Mm(20), Mm(15)
    t = texts(r, _)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, _("APPENDIX"), bold=True, align=center, after=0)
    _para(doc, _("The results of each task, {year}").format(year=r.year), bold=True, align=center, after=0)
    _para(doc, "(" + _("Attached to report {number} of {date}").format(
        number=head.number_line.removeprefix("Số: ").removeprefix("Số "), date=formats.day(head.date, r.lang)) + ")",
        italic=True, align=center, after=8)
    heads = ["#", t["what"], t["when"], t["result"], t["target"], t["actual"], t["status"], t["points"], t["council_score"], t["evidence"]]
    widths = [0.9, 6.6, 2.3, 4.0, 1.9, 1.9, 2.2, 1.4, 2.6, 2.4]  # 26.2 cm: the width of the landscape page
    for i, c in enumerate(r.cadres, 1):
        p = _para(doc, "", before=6, after=2, keep=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        _runs(p, (f"{i}. {c.name}", True), (f" — {c.held}", False), size=Pt(12))
        rows = []
        for row in c.tasks:
            what = row.what + (f" ({row.who})" if row.who else "") + (f" — {row.note}" if row.note else "")
            council = row.council + (f": {row.council_note}" if row.council_note else "")
            rows.append([row.id, what, row.due, row.result, row.target, row.actual, row.status_name, row.points, council,
                         "; ".join(row.evidence)])
        _grid(doc, heads, rows, widths, numeric=frozenset({4, 5, 7}))


def _reproducible(data: bytes, when: dt.date) -> bytes:
    """The same document for the same content and date: every part of the package stamped with
    `when` (python-docx stamps them with the time of writing), in a fixed order."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def document(r: Report, head: Letterhead, _: Gettext) -> bytes:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, BODY
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _page_numbers(section)
    props = doc.core_properties
    stamp = dt.datetime(head.date.year, head.date.month, head.date.day)
    props.title = docx_text(texts(r, _)["title"])
    props.author = "giaoviec"  # the mark by which giaoviec knows its own file (write/paths.py)
    props.last_modified_by = docx_text(head.issuer)
    props.created = props.modified = stamp
    props.revision = 1
    props.comments = _("Prepared with giaoviec")
    heading_block(doc, head, r, _)
    _title(doc, r, _)
    _body(doc, head, r, _)
    signature(doc, head, _)
    if any(c.tasks for c in r.cadres):
        _appendix(doc, head, r, _)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _reproducible(buffer.getvalue(), head.date)

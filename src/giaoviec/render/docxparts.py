"""The pieces of the report's Word document (docx.py): Times New Roman runs, paragraphs, tables
without borders or in a grid whose rows never break across a page, the page number, and the
paragraphs a page must not separate (`together`)."""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from giaoviec.render.escape import docx as docx_text

FONT = "Times New Roman"
BODY = Pt(13)
SMALL = Pt(11)


def keep(text: str) -> str:
    """A figure stays with its unit on one line: "20 %" is never split between two."""
    return text.replace(" %", "\u00a0%")


def font(run, size=BODY, bold: bool | None = None, italic: bool | None = None, underline: bool | None = None) -> None:
    run.text = keep(run.text)
    run.font.name = FONT
    run.font.size = size
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    if underline is not None:
        run.underline = underline


def para(container, text: str = "", *, size=BODY, bold: bool = False, italic: bool = False, underline: bool = False,
          align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False, before: float = 0, after: float = 4, keep: bool = False) -> Paragraph:
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = 1.1
    if indent:
        fmt.first_line_indent = Cm(1.0)
    if keep:
        fmt.keep_with_next = True
    if text:
        font(p.add_run(docx_text(text)), size, bold, italic, underline)
    return p


def runs(p: Paragraph, *parts: tuple[str, bool], size=BODY) -> Paragraph:
    """Runs of one paragraph, each (text, bold)."""
    for text, bold in parts:
        font(p.add_run(docx_text(text)), size, bold)
    return p


def no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def widths(table: Table, cm: list[float]) -> None:
    """Column widths, in the grid (what LibreOffice follows) and in every cell (what Word follows)."""
    table.autofit = False
    for column, width in zip(table.columns, cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, cm, strict=True):
            cell.width = Cm(width)


def cell(cell, text: str, *, size=SMALL, bold: bool = False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    p = cell.paragraphs[0]
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    for i, line in enumerate(text.split("\n")):
        if i:
            p.add_run().add_break()
        font(p.add_run(docx_text(line)), size, bold)


def grid(container, heads: list[str], rows: list[list[str]], cm: list[float], numeric: frozenset[int] = frozenset()) -> Table:
    table = container.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, head in enumerate(heads):
        cell(table.rows[0].cells[i], head, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    cant_split(table.rows[0])
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the heading row again on every page
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    for values in rows:
        row = table.add_row()
        cant_split(row)
        cells = row.cells
        for i, value in enumerate(values):
            cell(cells[i], value, align=WD_ALIGN_PARAGRAPH.RIGHT if i in numeric else WD_ALIGN_PARAGRAPH.LEFT)
    widths(table, cm)
    return table


def cant_split(row) -> None:
    """A table row that a page never breaks: it moves whole to the next page."""
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def together(table: Table) -> None:
    """A block kept on one page: its rows never break, and every paragraph in it keeps its lines
    together and with the next (what Word and LibreOffice both follow)."""
    for row in table.rows:
        cant_split(row)
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_together = True
                p.paragraph_format.keep_with_next = True


def page_numbers(section) -> None:
    """The page number at the top centre, from the second page (HD 36, NĐ 30)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    font(run, Pt(13))
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)



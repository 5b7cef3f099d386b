"""The report laid out: its context (`compute.report.build`: every figure and word already there)
through the templates, as Markdown or HTML, or as the Word document of the prescribed form (docx.py)
and its PDF (`RENDERERS`, render/output.py). The labels (reportlabels.py) and the charts' drawing
are all this module adds; it counts nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from giaoviec.compute.reportview import Report
from giaoviec.domain.status import BUCKET_ORDER
from giaoviec.i18n import Gettext
from giaoviec.render import charts
from giaoviec.render.escape import html as escape_html
from giaoviec.render.jinja import pieces
from giaoviec.render.output import Output, Renderer, table
from giaoviec.render.reportlabels import texts
from giaoviec.words import BUCKET, TIER, word

if TYPE_CHECKING:
    from giaoviec.render.letterhead import Letterhead  # python-docx: loaded only for a Word document


def markdown(r: Report, _: Gettext) -> str:
    return "".join(markdown_pieces(r, _))


def html(r: Report, _: Gettext) -> str:
    return "".join(html_pieces(r, _))


def markdown_pieces(r: Report, _: Gettext) -> Iterator[str]:
    return pieces("report.md.j2", r=r, t=texts(r, _), charts={})


def html_pieces(r: Report, _: Gettext) -> Iterator[str]:
    t = texts(r, _)
    chart_set = {
        "units": charts.stacked_bars(t["chart_units"], r.by_unit, [(b, _(BUCKET[b])) for b in BUCKET_ORDER]),
        "tiers": charts.columns(t["chart_tiers"], [(word(TIER, tier, _), n, tier, str(n)) for tier, n in r.tier_counts.items()]),
        "quarters": charts.columns(t["chart_quarters"], [(q, share, "", str(rounded)) for q, share, rounded in r.quarter_shares], "%"),
    }
    # the labels, escaped here once (the environment would escape each of them again in every task row)
    labels = {k: Markup(escape_html(v)) for k, v in t.items()}
    return pieces("report.html.j2", r=r, t=labels, charts=chart_set)


PIECES = {"md": markdown_pieces, "html": html_pieces}


@dataclass(frozen=True, kw_only=True)
class ReportOutput(Output):
    letterhead: Letterhead | None = None  # docx, pdf: the heading and the signature of the document's form
    to_pdf: Callable[[bytes], bytes] | None = None  # pdf: the converter of a Word document (app/documents.py, LibreOffice)


def render_markdown(r: Report, o: ReportOutput) -> None:
    for piece in markdown_pieces(r, o.gettext):  # a piece at a time: a province's report is never one string
        o.out.write(piece)


def render_html(r: Report, o: ReportOutput) -> None:
    for piece in html_pieces(r, o.gettext):
        o.out.write(piece)


def _word(r: Report, o: ReportOutput) -> bytes:
    from giaoviec.render.docx import document

    assert o.letterhead is not None
    return document(r, o.letterhead, o.gettext)


def render_docx(r: Report, o: ReportOutput) -> None:
    o.out.write(_word(r, o))


def render_pdf(r: Report, o: ReportOutput) -> None:
    assert o.to_pdf is not None
    o.out.write(o.to_pdf(_word(r, o)))


RENDERERS: Mapping[str, Renderer[Report, ReportOutput]] = table(
    {"md": render_markdown, "html": render_html, "docx": render_docx, "pdf": render_pdf})

"""The Jinja environments of reports; templates only format.

Every value a template prints is escaped for the document it lands in, by the environment itself
(so no template can forget): in an HTML template by `escape.html` (control characters made visible,
then & < > ' " as entities, what Jinja's autoescape writes), in a Markdown template by `escape.md`.
What a template means as markup is written in the template, or passed as Markup (the SVG charts,
built with every text escaped), which is printed as it is.

The escaping is the environment's `finalize`, which Jinja applies to every `{{ … }}` of a template,
and not Jinja's autoescape: autoescape wraps each value in a Markup object through two Python calls
of markupsafe, 40 values a task (HTML report of 1,000 files: render 2.2 → 1.3 s). The difference it
would make is for what a template builds as markup itself (a macro, `|safe`, `~` joining Markup and
text): the report templates use none of it, and a macro's output would be escaped once more — shown,
never interpreted (tests/test_hostile.py, golden files)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import islice

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from giaoviec.render.escape import html, md

BATCH = 256  # pieces joined before they are written: Jinja yields one a value or literal


def _html(value: object) -> object:
    return value if isinstance(value, Markup) else html(value)


def _md(value: object) -> object:
    return value if value is None or isinstance(value, Markup) else md(value)


@cache
def environment(kind: str) -> Environment:
    """The environment of the templates of one kind of document: "html" or "md"."""
    return Environment(
        loader=PackageLoader("giaoviec", "templates/report"), autoescape=False,
        undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
        finalize=_html if kind == "html" else _md,
    )


def pieces(template: str, **context) -> Iterator[str]:
    """The rendered text in pieces, as the template reaches them: a large report is never one string."""
    kind = "md" if template.endswith(".md.j2") else "html"
    rendered = environment(kind).get_template(template).generate(**context)
    while batch := list(islice(rendered, BATCH)):  # taken in C; a batch of empty pieces is not the end
        yield "".join(batch)

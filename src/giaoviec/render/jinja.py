"""The one Jinja environment of reports; templates only format.

Every value a template prints is escaped for the document it lands in, by the environment itself
(so no template can forget): in an HTML template by autoescape after `escape.visible`; in a
Markdown template by `escape.md`. What a template means as markup is written in the template, or
passed as Markup (the SVG charts, built with every text escaped)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup

from giaoviec.render.escape import md, visible


@pass_context
def _finalize(ctx: Context, value: object) -> object:
    if isinstance(value, Markup) or value is None:
        return value
    name = ctx.name or ""
    return md(value) if name.endswith(".md.j2") else visible(value)


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("giaoviec", "templates/report"),
        autoescape=select_autoescape(["html", "html.j2"], default_for_string=False, default=False),
        undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
        finalize=_finalize,
    )


def pieces(template: str, **context) -> Iterator[str]:
    """The rendered text in pieces, as the template reaches them: a large report is never one string."""
    return environment().get_template(template).generate(**context)

"""The one Jinja environment of reports and its filters; templates only format."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


def md(text: object) -> str:
    """A value made safe for a Markdown table cell: no pipe, no line break, no raw HTML."""
    value = "" if text is None else str(text)
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\r", " ").replace("\n", " ")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("giaoviec", "templates/report"),
        autoescape=select_autoescape(["html", "html.j2"], default_for_string=False, default=False),
        undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["md"] = md
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)

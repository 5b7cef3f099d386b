"""The registered codes (giaoviec.codes) as documentation: `giaoviec rules` (`RENDERERS`: text for the
terminal, md the page of the user guide, docs/ma-loi.md), and each code's help as SARIF carries it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rich.text import Text

from giaoviec.codes import CODES, Code
from giaoviec.i18n import Gettext
from giaoviec.render.output import Output, Renderer, table

DOCS = "https://github.com/giaoviec/giaoviec/blob/main/docs"


def anchor(code: str) -> str:
    """The anchor GitHub gives the heading `### code` (lower case, punctuation but '-' dropped)."""
    return re.sub(r"[^a-z0-9\- ]", "", code.lower()).replace(" ", "-")


def help_uri(code: str) -> str:
    return f"{DOCS}/ma-loi.md#{anchor(code)}"


def _examples(good: str, bad: str, _: Gettext, depth: str = "") -> list[str]:
    passes, fails = _("passes:"), _("fails:")
    return [depth + passes, "", "```yaml", *good.splitlines(), "```", "", depth + fails, "", "```yaml", *bad.splitlines(), "```"]


def help_text(c: Code, _: Gettext) -> str:
    lines = [_(c.explanation), "", _("passes:"), *("    " + line for line in c.good.splitlines()), _("fails:"),
             *("    " + line for line in c.bad.splitlines())]
    return "\n".join(lines)


def help_markdown(c: Code, _: Gettext) -> str:
    lines = [_(c.explanation), "", *_examples(c.good, c.bad, _)]
    for shape, good, bad in c.shapes:
        lines += ["", f"**{_(shape)}**", "", *_examples(good, bad, _)]
    return "\n".join(lines)


def page(_: Gettext, codes: Iterable[Code] = CODES) -> str:
    """Every code with its severity, its explanation and a passing and a failing example."""
    codes = tuple(codes)
    lines = ["# " + _("Diagnostic codes"), "", _("Every finding of giaoviec has one of these codes (giaoviec rules prints the same)."), ""]
    lines += ["| " + _("Code") + " | " + _("Severity") + " |", "|---|---|"]
    lines += [f"| [`{c.code}`](#{anchor(c.code)}) | {_(c.severity.value)} |" for c in codes]
    for c in codes:
        lines += ["", f"### {c.code}", "", f"*{_(c.severity.value)}* — {help_markdown(c, _)}"]
    return "\n".join(lines) + "\n"


def render_text(codes: Iterable[Code], o: Output) -> None:
    """Each code in the terminal: its severity, its explanation, and what passes and fails (for each of its shapes too)."""
    _, console = o.gettext, o.console
    assert console is not None
    for c in codes:
        console.print(Text(f"{c.code}  ({_(c.severity.value)})", style="bold cyan"))
        console.print(Text("  " + _(c.explanation)))
        console.print(Text("  " + _("passes:"), style="green"))
        for line in c.good.splitlines():
            console.print(Text("      " + line))
        console.print(Text("  " + _("fails:"), style="red"))
        for line in c.bad.splitlines():
            console.print(Text("      " + line))
        for shape, good, bad in c.shapes:
            console.print(Text("  · " + _(shape), style="bold"))
            console.print(Text("    " + _("passes:"), style="green"))
            for line in good.splitlines():
                console.print(Text("        " + line))
            console.print(Text("    " + _("fails:"), style="red"))
            for line in bad.splitlines():
                console.print(Text("        " + line))
        console.print()


def render_markdown(codes: Iterable[Code], o: Output) -> None:
    o.out.write(page(o.gettext, codes))


RENDERERS: Mapping[str, Renderer[Iterable[Code], Output]] = table({"text": render_text, "md": render_markdown})

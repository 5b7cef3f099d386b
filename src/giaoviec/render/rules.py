"""The registered codes (giaoviec.codes) as documentation: the Markdown page of the user guide
(docs/ma-loi.md, printed by `giaoviec rules --format md`), and each code's help as SARIF carries it."""

from __future__ import annotations

import re

from giaoviec.codes import CODES, Code
from giaoviec.i18n import Gettext

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


def page(_: Gettext) -> str:
    """Every code with its severity, its explanation and a passing and a failing example."""
    lines = ["# " + _("Diagnostic codes"), "", _("Every finding of giaoviec has one of these codes (giaoviec rules prints the same)."), ""]
    lines += ["| " + _("Code") + " | " + _("Severity") + " |", "|---|---|"]
    lines += [f"| [`{c.code}`](#{anchor(c.code)}) | {_(c.severity.value)} |" for c in CODES]
    for c in CODES:
        lines += ["", f"### {c.code}", "", f"*{_(c.severity.value)}* — {help_markdown(c, _)}"]
    return "\n".join(lines) + "\n"

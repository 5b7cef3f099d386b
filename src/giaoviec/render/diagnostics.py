"""Diagnostics → text | json | github | sarif. RENDERERS maps a format name to its function (render/output.py).

Every reporter receives localized diagnostics and writes to the streams of its context: what to
print, and for github the job summary (the CLI opens $GITHUB_STEP_SUMMARY). None of them reads a
file (a diagnostic carries its source line) or decides the exit code.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from giaoviec import __version__
from giaoviec.compute.tally import Tally
from giaoviec.diagnostics import Diagnostic, Severity
from giaoviec.i18n import Gettext
from giaoviec.render.escape import github as gh_escape
from giaoviec.render.escape import json_text, md, md_code, one_line, terminal
from giaoviec.render.output import Output, Renderer, table

if TYPE_CHECKING:
    from rich.console import Console  # (rich, imported to print text: not for json, which an answer from the cache may print)

GITHUB_LIMIT = 10


@dataclass(frozen=True, kw_only=True)
class ReportContext(Output):
    root: Path
    tally: Tally  # the files checked, the errors and warnings found (compute/tally.py)
    console: Console | None = None  # for text (rich)
    out: TextIO
    summary: TextIO | None = None  # the GitHub job summary, when there is one
    workspace: Path | None = None  # where GitHub's paths start (GITHUB_WORKSPACE)
    git_root: Path | None = None  # the top of the git work tree holding the repository, where code scanning's paths start


def line(d: Diagnostic, _: Gettext) -> str:
    """A localized diagnostic on one line, its severity in the reader's language ("…: lỗi [ref.unknown] …")."""
    place = f"{one_line(d.path)}:{d.line}:{d.column}: " if d.path else ""
    label = _("error") if d.is_error else _("warning")
    return f"{place}{label} [{d.code}] {d.message}"


def text(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    from rich.text import Text

    _ = ctx.gettext
    assert ctx.console is not None
    label = {Severity.ERROR: (_("error"), "bold red"), Severity.WARNING: (_("warning"), "bold yellow")}
    current = None
    for d in sorted(diagnostics):
        if d.path != current:
            if current is not None:
                ctx.console.print()
            ctx.console.print(Text(one_line(d.path), style="bold underline"))
            current = d.path
        name, style = label[d.severity]
        head = Text()
        head.append(f"{one_line(d.path)}:{d.line}:{d.column}: ", style="bold")
        head.append(name, style=style)
        head.append(f" [{d.code}] ", style="cyan")
        head.append(terminal(d.message))
        ctx.console.print(head, soft_wrap=True)
        if d.excerpt is not None:
            gutter = len(str(d.line))
            ctx.console.print(Text(f"{' ' * gutter} |", style="blue"))
            row = Text(f"{d.line} | ", style="blue")
            row.append(terminal(d.excerpt.replace("\t", " ")))
            ctx.console.print(row, soft_wrap=True)
            caret = Text(f"{' ' * gutter} | ", style="blue")
            caret.append(" " * max(d.column - 1, 0) + "^", style=style)
            ctx.console.print(caret)
        if d.hint:
            ctx.console.print(Text("  = " + _("hint") + ": " + terminal(d.hint), style="green"), soft_wrap=True)


def as_json(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    document = {
        "version": 1,
        "summary": {"files": ctx.tally.files, "errors": ctx.tally.errors, "warnings": ctx.tally.warnings},
        "diagnostics": [
            {"path": d.path, "line": d.line, "column": d.column, "code": d.code,
             "severity": d.severity.value, "message": d.message, "hint": d.hint}
            for d in sorted(diagnostics)
        ],
    }
    ctx.out.write(json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")


def _workspace_path(ctx: ReportContext, path: str) -> str:
    full = (ctx.root / path).resolve()
    base = ctx.workspace.resolve() if ctx.workspace else Path.cwd().resolve()
    try:
        return full.relative_to(base).as_posix()
    except ValueError:
        return path


def github(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    _ = ctx.gettext
    shown = {Severity.ERROR: 0, Severity.WARNING: 0}
    for d in sorted(diagnostics, key=lambda d: (not d.is_error, d)):
        if shown[d.severity] >= GITHUB_LIMIT:
            continue
        shown[d.severity] += 1
        message = d.message + (f" ({d.hint})" if d.hint else "")
        props = f"file={gh_escape(_workspace_path(ctx, d.path), True)},line={d.line},col={d.column},title={gh_escape(d.code, True)}"
        ctx.out.write(f"::{d.severity.value} {props}::{gh_escape(message)}\n")
    hidden = len(diagnostics) - sum(shown.values())
    if hidden:
        ctx.out.write("::notice::" + gh_escape(_("{n} more findings are not annotated; the job summary lists them all.").format(n=hidden)) + "\n")
    if ctx.summary is not None:
        ctx.summary.write(markdown_table(diagnostics, ctx))


def markdown_table(diagnostics: list[Diagnostic], ctx: ReportContext) -> str:
    _ = ctx.gettext
    counts = _("{files} files, {errors} errors, {warnings} warnings.").format(
        files=ctx.tally.files, errors=ctx.tally.errors, warnings=ctx.tally.warnings)
    head = "### giaoviec validate\n\n" + counts + "\n\n"
    if not diagnostics:
        return head
    titles = (_("File"), _("Line"), _("Severity"), _("Code"), _("Message"))
    rows = ["| " + " | ".join(titles) + " |", "|---|---:|---|---|---|"]
    for d in sorted(diagnostics):
        message = md(d.message + (f" — {d.hint}" if d.hint else ""))
        rows.append(f"| {md_code(d.path)} | {d.line}:{d.column} | {_(d.severity.value)} | `{d.code}` | {message} |")
    return head + "\n".join(rows) + "\n\n"


def sarif(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    """SARIF 2.1.0 for code scanning: one rule per registered code (its explanation, examples and
    page in the user guide, in the run's language); paths from the top of the git work tree
    (SRCROOT), so that a data folder inside a larger repository is placed right."""
    from urllib.parse import quote

    from giaoviec.codes import CODES  # (every code and its examples, rich: for SARIF alone)
    from giaoviec.render.rules import help_markdown, help_text, help_uri

    _ = ctx.gettext
    index = {c.code: i for i, c in enumerate(CODES)}
    extra = sorted({d.code for d in diagnostics} - set(index))  # never expected: every code is registered (a test says so)
    prefix, base = "", ctx.root
    if ctx.git_root is not None:
        try:
            inner = ctx.root.resolve().relative_to(ctx.git_root.resolve()).as_posix()
            prefix, base = ("" if inner == "." else inner + "/"), ctx.git_root.resolve()
        except ValueError:
            pass
    rules = [{
        "id": c.code, "name": c.code.replace(".", "/"),
        "shortDescription": {"text": _(c.explanation)}, "fullDescription": {"text": _(c.explanation)},
        "help": {"text": help_text(c, _), "markdown": help_markdown(c, _)}, "helpUri": help_uri(c.code),
        "defaultConfiguration": {"level": "error" if c.severity is Severity.ERROR else "warning"},
    } for c in CODES] + [{"id": code, "shortDescription": {"text": code}} for code in extra]
    index |= {code: len(CODES) + i for i, code in enumerate(extra)}
    document = {
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "giaoviec",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": "https://github.com/giaoviec/giaoviec",
                "rules": rules,
            }},
            "originalUriBaseIds": {"SRCROOT": {"uri": base.as_uri() + "/"}},
            "results": [
                {
                    "ruleId": d.code,
                    "ruleIndex": index[d.code],
                    "level": "error" if d.is_error else "warning",
                    "message": {"text": d.message + (f" ({d.hint})" if d.hint else "")},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": quote(prefix + d.path), "uriBaseId": "SRCROOT"},
                        "region": {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)},
                    }}],
                }
                for d in sorted(diagnostics)
            ],
            "columnKind": "unicodeCodePoints",
        }],
    }
    ctx.out.write(json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")


RENDERERS: Mapping[str, Renderer[list[Diagnostic], ReportContext]] = table({
    "text": text,
    "json": as_json,
    "github": github,
    "sarif": sarif,
})

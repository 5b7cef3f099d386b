"""The one shape of every output: a renderer is `render(result, output) -> None`. It writes what it
makes to `output.out` (text, or bytes for a file format: docx, pdf), a table drawn by rich to
`output.console`, and decides nothing: every figure comes computed in the result.

Each kind of result has a read-only table `RENDERERS` from the name a user gives to `--format` to
its renderer (render/score.py, stats.py, status.py, diff.py, report.py, export.py, diagnostics.py,
rules.py), and a command does: arguments → one app call → `RENDERERS[format](result, output)` → exit
code. A new format is one function and one entry; tests/test_renderers.py holds each command's
`--format` choices to its table's keys. What a renderer needs besides the result (`--explain`, a
comment's limit, a CSV dialect) is a field of its kind's Output, which the command fills.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from giaoviec.i18n import Gettext
from giaoviec.terminal import no_terminal

if TYPE_CHECKING:
    from rich.console import Console

R = TypeVar("R")
O = TypeVar("O", bound="Output")  # noqa: E741


@dataclass(frozen=True, kw_only=True)
class Output:
    """Where a renderer writes, and in which language."""

    gettext: Gettext
    out: Any  # a text stream; a binary one for the file formats (docx, pdf)
    console: Console | None = None  # standard output's console, for the tables rich draws
    lang: str = "vi"


Renderer = Callable[[R, O], None]


def table(renderers: Mapping[str, Callable[[R, O], None]]) -> Mapping[str, Callable[[R, O], None]]:
    """A read-only name → renderer table (nothing adds a format to it at run time)."""
    return MappingProxyType(dict(renderers))


def plain_console(**options: Any) -> Console:
    """A rich console that prints text as it is: no markup ([bold], [link=…]: an OSC 8 hyperlink), no
    :emoji: codes, no highlighting. Every console of the program is one (escape.terminal does the rest)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True, markup=False, emoji=False, **options)


def error_line(line: str) -> None:
    """`line` on stderr as `plain_console(stderr=True).print(Text(line))` prints it: written as it is
    when that console would be no terminal and the line holds no tab (rich expands tabs), so that a
    run printing one line need not import rich (tests/test_quick.py compares both ways)."""
    if "\t" not in line and no_terminal(sys.stderr):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
        return
    from rich.text import Text

    plain_console(stderr=True).print(Text(line))

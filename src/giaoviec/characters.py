"""The characters that text may not hold, defined once: the models refuse them in data text
(`schema.text-characters`), and every output writes them as their code (\\u202e) rather than let
them act (`render.escape.visible`). `one_line` is the same for a file name or any text that must
stay on its line (a line feed in a file name would start a line of its own: on GitHub Actions, a
workflow command)."""

from __future__ import annotations

import re
from typing import Any, cast


class _Lazy:
    """A regular expression compiled when first used: a module's patterns cost nothing at import
    (start-up: `--help` and an answer from the cache use few of them). The compiled pattern's
    methods are then its own attributes: no cost on later calls."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(self.pattern, self.flags)
        for method in ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used (the one lazy helper: every module's)."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))


# C0 controls (but tab, line feed, carriage return), DEL and C1 controls
CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
SURROGATE = "\ud800-\udfff"
# invisible characters that change how text reads or breaks: the bidirectional marks (ALM, LRM, RLM),
# embeddings, overrides and isolates; the line and paragraph separators (a line break to some readers,
# a Markdown table's cell broken); a byte-order mark inside text; the tag characters (hidden text).
# Soft hyphen and the zero-width space, joiner and non-joiner are kept: harmless, and found in typed text.
INVISIBLE = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\U000e0000-\U000e007f"
NONCHARACTER = "\ufffe\uffff"  # not characters; XML refuses them

REFUSED = lazy(f"[{CONTROL}{SURROGATE}{INVISIBLE}{NONCHARACTER}]")
"""What no text of a data file may hold (tab and line breaks are allowed)."""
SHOWN_AS_CODE = lazy(f"[\r{CONTROL}{SURROGATE}{INVISIBLE}{NONCHARACTER}]")
"""What `visible` writes as its code: the refused characters and a lone carriage return's kin (CR)."""
_ONE_LINE = lazy(f"[\t\n\r{CONTROL}{SURROGATE}{INVISIBLE}{NONCHARACTER}]")


def _code(m: re.Match[str]) -> str:
    n = ord(m.group())
    return f"\\u{n:04x}" if n <= 0xFFFF else f"\\U{n:08x}"


def visible(text: object) -> str:
    """The text with every character of SHOWN_AS_CODE written as its code (\\u001b): nothing reaches
    a terminal or a document that acts instead of showing. Line feeds and tabs are kept."""
    value = str(text)
    if SHOWN_AS_CODE.search(value) is None:  # most texts: one search, half the time of a substitution
        return value
    return SHOWN_AS_CODE.sub(_code, value)


def one_line(text: object) -> str:
    """`visible`, and line feeds and tabs written as codes too: a file name or path, or a value
    inside a one-line message, shown on its line whatever it holds."""
    value = str(text)
    if _ONE_LINE.search(value) is None:
        return value
    return _ONE_LINE.sub(_code, value)

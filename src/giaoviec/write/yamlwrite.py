"""Writing a new YAML document by hand, the way the examples are written: block style, two-space
indentation, quotes only where YAML needs them; the same data always gives the same text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# Text written plain only when no YAML reader (1.1 or 1.2, libyaml, ruamel, rapidyaml) could take
# it for anything else: it starts with a letter or digit, holds only letters, digits, spaces and
# harmless punctuation, ends with neither space nor colon, and does not look like a number, a date,
# a time, a boolean or null. Everything else is double-quoted, every character outside YAML's
# printable set, every line break and every quote or backslash escaped (tests/test_yamlwrite.py
# reads 10,000 arbitrary strings back through four readers).
_PLAIN = re.compile(r"[^\W_][\w .,;()/%'’\-–—+&]*", re.UNICODE)
_TYPED = re.compile(
    r"(?i:y|n|yes|no|true|false|on|off|null|nan|inf)"  # YAML 1.1 booleans and their kin
    r"|[-+]?[\d_.,]*\d[\d_.,]*(?:[eE][-+]?\d+)?"         # numbers, with YAML 1.1's _ and , separators
    r"|0[xob][0-9a-fA-F_]+|\d{4}-\d\d?-\d\d?.*"         # hexadecimal, octal, binary; dates and timestamps
)


def scalar(value: Any, flow: bool = False) -> str:
    """One value as YAML text; `flow`: inside [ ] or { }, where a comma ends the value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and "  " not in text and not _TYPED.fullmatch(text) \
            and not (flow and "," in text):
        return text
    return quoted(text)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0", "\x85": "\\N", "\u2028": "\\L",
            "\u2029": "\\P"}


def _printable(code: int) -> bool:
    """YAML 1.2's printable characters, less the byte order mark (which readers strip)."""
    return (0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
            or 0x10000 <= code <= 0x10FFFF)


def quoted(text: str) -> str:
    """A double-quoted YAML scalar holding exactly `text`, for every reader."""
    out = ['"']
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _printable(ord(ch)):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)


def _flow_ids(values: list) -> str:
    return "[" + ", ".join(scalar(v, flow=True) for v in values) + "]"


def emit(data: dict, indent: int = 0) -> str:
    pad = " " * indent
    lines: list[str] = []
    for raw_key, value in data.items():
        key = scalar(raw_key)  # a task id "01" stays text
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.append(emit(value, indent + 2).rstrip("\n"))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{pad}{key}:")
            for item in value:
                body = emit(item, indent + 4).rstrip("\n").split("\n")
                lines.append(f"{pad}  - {body[0].lstrip()}")
                lines += body[1:]
        elif isinstance(value, list):
            lines.append(f"{pad}{key}: {_flow_ids(value)}")
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"

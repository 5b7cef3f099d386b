"""Writing a new YAML document by hand, the way the examples are written: block style, two-space
indentation, quotes only where YAML needs them; the same data always gives the same text."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*")
_TYPED = re.compile(r"(?i:true|false|null|yes|no|on|off|~)|[-+]?(\d[\d_]*)?\.?\d*([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|nan)|\d{4}-\d\d-\d\d.*")


def scalar(value: Any) -> str:
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
    if _PLAIN.fullmatch(text) and ": " not in text and " #" not in text and not text.endswith((":", " ")) and not _TYPED.fullmatch(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow_ids(values: list) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def emit(data: dict, indent: int = 0) -> str:
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
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

"""JSON text as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, several times faster.

The standard library formats indented JSON in Python (only compact JSON goes through its C encoder);
here every scalar goes through the C encoder and the indentation is joined around it. For the plain
data the outputs hold (dicts with text keys, lists, tuples, text, numbers, booleans, None) the text is
the same byte for byte: tests/test_jsontext.py compares the two on generated values.
"""

from __future__ import annotations

import json
from typing import Any

_scalar = json.JSONEncoder(ensure_ascii=False, allow_nan=True).encode


def dumps(value: Any, level: int = 0) -> str:
    """`value` indented by two spaces a level, its first line not indented (as json.dumps at `level` 0)."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = "\n" + "  " * (level + 1)
        return "{" + inner + ("," + inner).join(
            f"{_scalar(_key(k))}: {dumps(v, level + 1)}" for k, v in value.items()) + "\n" + "  " * level + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = "\n" + "  " * (level + 1)
        return "[" + inner + ("," + inner).join(dumps(v, level + 1) for v in value) + "\n" + "  " * level + "]"
    return _scalar(value)


def _key(key: Any) -> str:
    """A key as json.dumps writes it: text as it is; true, false, null and numbers as their JSON text."""
    if isinstance(key, str):
        return key
    if key is True or key is False or key is None:
        return _scalar(key)
    if isinstance(key, (int, float)):
        return _scalar(key) if isinstance(key, float) else str(int(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")

"""JSON text as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, at a given depth.

The outputs write a large document a piece at a time (a cadre, a task): each piece is indented as it
sits in the whole, so the pieces joined are what one `json.dumps` of the whole would give.

The standard library writes indented JSON in Python, a generator call a token; without indentation
it writes in C, and its C writer takes any separators. So a container holding only scalars (a
task's figures, the counts) is written in C at once with the line break and indentation of its level
as the item separator, and a list of such objects (a cadre's tasks) in one call too, its objects'
boundaries re-indented afterwards (a line break in the C output is always one of our separators: a
string's own are escaped). Only the levels above are walked here. A thousand cadres of 21 tasks:
0.125 s → 0.08 s (tests/test_jsontext.py compares with json.dumps on generated values).
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring  # json's own writer of a text, without ensure_ascii (in C)
from typing import Any

_SCALARS = (str, int, float, type(None))  # bool is an int
_EXACT = frozenset({str, int, float, bool, type(None)})  # what most values are: their types tested at once, in C
_WRITERS: dict[int, Any] = {}


def _writer(level: int) -> Any:
    """json's C writer with the separators of items at `level`."""
    w = _WRITERS.get(level)
    if w is None:
        w = _WRITERS[level] = json.JSONEncoder(ensure_ascii=False, separators=(",\n" + "  " * level, ": ")).encode
    return w


def dumps(value: Any, level: int = 0) -> str:
    """`value` indented by two spaces a level, its first line not indented (as json.dumps at `level` 0)."""
    if not isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    out: list[str] = []
    _write(value, level, out)
    return "".join(out)


def _scalars(values: Any) -> bool:
    return _EXACT.issuperset(map(type, values)) or all(isinstance(v, _SCALARS) for v in values)


def _flat(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and _scalars(value.values())


def _write(value: Any, level: int, out: list[str]) -> None:
    is_dict = isinstance(value, dict)
    if not value:
        out.append("{}" if is_dict else "[]")
        return
    items = value.values() if is_dict else value
    inner = "\n" + "  " * (level + 1)
    if _scalars(items):
        text = _writer(level + 1)(value)
        out += (text[0], inner, text[1:-1], "\n" + "  " * level, text[-1])
        return
    if not is_dict and all(_flat(v) for v in value):  # objects of scalars: one call, their boundaries re-indented
        deeper = inner + "  "
        text = _writer(level + 2)(value)[2:-2].replace("}," + deeper + "{", "}," + inner + "{" + deeper)
        text = text.replace("}," + inner + "{", inner + "}," + inner + "{")
        out += ("[", inner, "{", deeper, text, inner, "}", "\n" + "  " * level, "]")
        return
    sep = inner
    if is_dict:
        out.append("{")
        for k, v in value.items():
            out += (sep, encode_basestring(_key(k)), ": ")
            sep = "," + inner
            _item(v, level + 1, out)
        out += ("\n" + "  " * level, "}")
    else:
        out.append("[")
        for v in value:
            out.append(sep)
            sep = "," + inner
            _item(v, level + 1, out)
        out += ("\n" + "  " * level, "]")


def _item(value: Any, level: int, out: list[str]) -> None:
    if isinstance(value, (dict, list, tuple)):
        _write(value, level, out)
    else:
        out.append(_scalar(value))


def _scalar(value: Any) -> str:
    """A scalar as json.dumps writes it (the common kinds without building an encoder)."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    if isinstance(value, int):
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)


def _key(k: Any) -> str:
    """A key as json writes it: text as it is, a number, true/false/null as their JSON words."""
    if isinstance(k, str):
        return k
    if k is True or k is False or k is None:
        return json.dumps(k)
    if isinstance(k, float):
        return float.__repr__(k) if k == k and k not in (float("inf"), float("-inf")) else json.dumps(k)
    if isinstance(k, int):
        return int.__repr__(k)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")

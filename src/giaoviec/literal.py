"""Numbers that remember the text they were written as, so that a field wanting text reads
`id: 01` as "01" (both YAML readers build these)."""

from __future__ import annotations

from typing import Any


class Int(int):
    """An int that keeps the text it was written as."""

    src: str


class Float(float):
    src: str


def as_text(value: Any) -> Any:
    """A number written where text is expected, as it was written (`01` → "01")."""
    if type(value) is str:
        return value
    if isinstance(value, bool):
        return value
    src = getattr(value, "src", None)
    if src is not None:
        return src
    if isinstance(value, (int, float)):
        return str(value)
    return value

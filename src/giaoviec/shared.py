"""Equal values held once: what the results of a province keep for each of a million tasks."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")

SHARED_MAX = 100_000  # distinct values kept shared; past it, values are kept as they come
_SHARED: dict[tuple[type, object], object] = {}


def shared(value: T) -> T:
    """One object for equal days, ids and weights: a result keeps a few per task, and a province has
    a million tasks that repeat a few thousand days and a few dozen ids and weights (~150 bytes a task)."""
    if value is None:
        return value
    key = (type(value), value)  # 1 and 1.0 are equal, and must stay what they were
    found = _SHARED.get(key)
    if found is not None:
        return found  # type: ignore[return-value]  # (of the same type: it is in the key)
    if len(_SHARED) < SHARED_MAX:
        _SHARED[key] = value
    return value

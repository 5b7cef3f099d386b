"""The results `serve` keeps in the cache (load/cache.py, `Served`) as JSON and back: dataclasses of
the kinds the caller names (the computing stages are not imported here), Phrases, dates, periods,
shares, tuples, lists and frozensets. Nothing read is run: a kind not named is refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from giaoviec.formats import Share
from giaoviec.i18n import Phrase

if TYPE_CHECKING:
    from giaoviec.model.common import Period
    from giaoviec.model.values import AssignmentSummary


@lru_cache(maxsize=256)
def _period(start: str, end: str) -> Period:
    """One Period for the files that share it (most of a province's files share a few)."""
    from giaoviec.model.common import Period

    return Period.model_construct(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end))


@lru_cache(maxsize=1)
def kinds() -> tuple[Any, Any, Any, Any]:
    """Document, Unreadable, AssignmentSummary and Weights, imported at the first per-file entry read (an
    answer from the cache reads none), then taken from here: an import statement costs about 2 µs a
    call, and 5,000 files' entries made two each (in process: `timeit`, this machine)."""
    from giaoviec.load.documents import Document, Unreadable
    from giaoviec.load.repository import AssignmentSummary, Weights

    return Document, Unreadable, AssignmentSummary, Weights


def summary_of(rel: str, s: list) -> AssignmentSummary:
    """One summary of a per-file entry (load/cache.py, `Memo`); ValueError when a weight is not a number."""
    _, _, summary, weights_of = kinds()
    weights = s[7]
    if not set(map(type, weights.values())) <= {int, float}:  # (not bool; JSON keys are text; the types taken in C)
        raise ValueError("a weight that is not a number")
    return summary(rel, int(s[0]), str(s[1]), str(s[2]), str(s[3]), _period(s[4], s[5]), str(s[6]),
                   weights_of.of(tuple(weights), tuple(map(float, weights.values()))))  # (json holds equal keys once)


_PLAIN = frozenset({bool, str, int, float})
_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass's fields, by its type (once `encode` met it)


def encode(value: object, kinds: Mapping[str, type]) -> object:
    """A value of the results as JSON: dataclasses of the `kinds` given (by name: the computing
    stages are not imported here), Phrases, dates, periods, shares, tuples, lists, frozensets and
    plain values; ValueError for anything else."""
    kind = type(value)
    if value is None or kind in _PLAIN:  # (the commonest kinds first: a province's results are millions of values)
        return value
    if kind is tuple:
        return {"t": [encode(v, kinds) for v in value]}  # type: ignore[attr-defined]
    names = _FIELDS.get(kind)
    if names is not None and kinds.get(kind.__name__) is kind:
        return {"@": kind.__name__, "v": [encode(getattr(value, n), kinds) for n in names]}
    from giaoviec.model.common import Period

    if isinstance(value, (bool, str)) or kind in (int, float):
        return value
    if isinstance(value, Share):
        return {"s": float(value)}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"d": value.isoformat()}
    if isinstance(value, Phrase):
        return {"p": value.id, "a": [[n, encode(v, kinds)] for n, v in value.args]}
    if isinstance(value, Period):
        return {"P": [value.start.isoformat(), value.end.isoformat()]}
    if isinstance(value, tuple):
        return {"t": [encode(v, kinds) for v in value]}
    if isinstance(value, list):
        return [encode(v, kinds) for v in value]
    if isinstance(value, frozenset):
        return {"f": [encode(v, kinds) for v in value]}
    name = type(value).__name__
    if kinds.get(name) is type(value):
        from dataclasses import fields

        _FIELDS[kind] = tuple(f.name for f in fields(value))  # type: ignore[arg-type]
        return {"@": name, "v": [encode(getattr(value, n), kinds) for n in _FIELDS[kind]]}
    raise ValueError(f"not kept: {name}")


def decode(value: object, kinds: Mapping[str, type]) -> Any:
    if isinstance(value, list):
        return [decode(v, kinds) for v in value]
    if not isinstance(value, dict):
        return value
    if "t" in value:
        return tuple(decode(v, kinds) for v in value["t"])
    if "d" in value:
        return dt.date.fromisoformat(value["d"])
    if "p" in value:
        return Phrase(value["p"], tuple((str(n), decode(v, kinds)) for n, v in value["a"]))
    if "@" in value:
        return kinds[value["@"]](*(decode(v, kinds) for v in value["v"]))
    if "P" in value:
        return _period(*value["P"])
    if "s" in value:
        return Share(value["s"])
    if "f" in value:
        return frozenset(decode(v, kinds) for v in value["f"])
    raise ValueError("an unknown kind")


def _freeze(value: object) -> object:
    """An argument as JSON that reads back as the same kind: a Phrase (or a tuple of them) keeps its
    msgid, to be translated later; a date and a share keep being one, to be written the way the
    run's language writes them (30/11/2024, 80 %), not as the JSON's text."""
    if isinstance(value, Phrase):
        return {"phrase": value.id, "args": [[n, _freeze(v)] for n, v in value.args]}
    if isinstance(value, tuple) and value and all(isinstance(v, Phrase) for v in value):
        return {"phrases": [_freeze(v) for v in value]}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"date": value.isoformat()}
    if isinstance(value, Share):
        return {"share": float(value)}
    if value is None or isinstance(value, (str, int, float)):
        return value
    return {"text": str(value)}  # a kind the messages show as its text


def _thaw(value: object) -> object:
    if isinstance(value, dict):
        if "phrase" in value:
            return Phrase(value["phrase"], tuple((n, _thaw(v)) for n, v in value["args"]))
        if "phrases" in value:
            return tuple(_thaw(v) for v in value["phrases"])
        if "date" in value:
            return dt.date.fromisoformat(value["date"])
        if "share" in value:
            return Share(value["share"])
        if "text" in value:
            return value["text"]
    return value

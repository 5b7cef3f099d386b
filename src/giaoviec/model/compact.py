"""Models made smaller in place, for a command that keeps a province's models (report, export).

Pydantic gives every model object its own set of the fields it was given (`model_fields_set`):
about 2.5 KB of a task's 7 KB as models, over its nine or so objects. Objects given the same fields
can share one set: the models are frozen, nothing adds to it (`model_copy` copies it first). Days
are shared too (a province repeats a few thousand). A compacted model is equal to what it was, field
for field; it takes about 4.5 KB a task."""

from __future__ import annotations

import datetime as dt
import typing
from functools import cache

from pydantic import BaseModel

from giaoviec.shared import shared

SETS_MAX = 10_000  # distinct fields-sets kept shared; past it, sets are kept as they come
_SETS: dict[frozenset[str], set[str]] = {}
_set = object.__setattr__


def _leaves(annotation: object) -> set[object]:
    """The types an annotation can hold: through unions, tuples and Annotated."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _leaves(typing.get_args(annotation)[0])
    args = typing.get_args(annotation)
    if not args:
        return {annotation}
    return set().union(*(_leaves(a) for a in args if a is not Ellipsis))


@cache
def _plan(cls: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields of a model class that may hold models, and those that may hold a day."""
    models, days = [], []
    for name, info in cls.model_fields.items():
        leaves = _leaves(info.annotation)
        if any(isinstance(t, type) and issubclass(t, BaseModel) for t in leaves):
            models.append(name)
        elif dt.date in leaves:
            days.append(name)
    return tuple(models), tuple(days)


def compact(model: BaseModel) -> None:
    """Share `model`'s fields-set and days, and those of every model inside it."""
    fields = model.__dict__
    models, days = _plan(type(model))
    for name in models:
        value = fields[name]
        if type(value) is tuple:
            for item in value:
                if isinstance(item, BaseModel):
                    compact(item)
        elif isinstance(value, BaseModel):
            compact(value)
    for name in days:
        value = fields[name]
        if type(value) is dt.date:
            fields[name] = shared(value)
    given = model.__pydantic_fields_set__
    key = frozenset(given)
    kept = _SETS.get(key)
    if kept is None:
        if len(_SETS) >= SETS_MAX:
            return
        kept = _SETS[key] = given
    _set(model, "__pydantic_fields_set__", kept)

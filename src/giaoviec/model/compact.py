"""Models made smaller, for a command that keeps a province's models (report, export).

Pydantic gives every model object its own set of the fields it was given (`model_fields_set`):
about 2.5 KB of a task's 7 KB as models, over its nine or so objects. Objects given the same fields
can share one set: the models are frozen, nothing adds to it (`model_copy` copies it first). Days
are shared too (a province repeats a few thousand). A compacted model is built again through
pydantic's public `model_construct`, given the shared set; it is equal to what it was, field for
field, and takes about 4.4 KB a task. (Until issue 29 the sets were swapped in place by writing
pydantic's private attribute that holds it: 46 µs a task; through `model_construct` 210 µs,
measured in process on a loaded machine.)

Buys: report md of the 10,000-file province (210,000 tasks) 184 → 137 s, export xlsx 164 → 130 s
(A/B of the governor with and without compaction, loaded machine, in-place compaction): with compaction about 63 % of the
models fit in the governor's budget instead of about 41 %, the rest are read a second time, which
keeps report and export linear from 1,000 to 10,000 files; through `model_construct`, against in
place, report md 206 → 194 s (1 pair: no loss seen) (docs/performance.md, Devices).
"""

from __future__ import annotations

import datetime as dt
import typing
from functools import cache

from pydantic import BaseModel

from giaoviec.shared import shared

SETS_MAX = 10_000  # distinct fields-sets kept shared; past it, sets are kept as they come
_SETS: dict[frozenset[str], set[str]] = {}
M = typing.TypeVar("M", bound=BaseModel)


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


def compact(model: M) -> M:
    """`model` again, its fields-set and days shared, and those of every model inside it: built by
    pydantic's public `model_construct` from the values it holds (already validated), given the
    shared fields-set (`_fields_set`, which pydantic keeps as it is given)."""
    values = dict(model.__dict__)
    models, days = _plan(type(model))
    for name in models:
        value = values[name]
        if type(value) is tuple:
            values[name] = tuple(compact(item) if isinstance(item, BaseModel) else item for item in value)
        elif isinstance(value, BaseModel):
            values[name] = compact(value)
    for name in days:
        value = values[name]
        if type(value) is dt.date:
            values[name] = shared(value)
    given = model.model_fields_set
    key = frozenset(given)
    kept = _SETS.get(key)
    if kept is None:
        kept = given
        if len(_SETS) < SETS_MAX:  # past it, sets are kept as they come
            _SETS[key] = given
    return type(model).model_construct(_fields_set=kept, **values)

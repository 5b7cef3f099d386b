"""What a change does to points and tiers: the results of two versions compared, for exactly the
cadres whose inputs the change touches, once each, with the causes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from giaoviec.compute.left_out import Confidential
from giaoviec.compute.year import YearResult
from giaoviec.domain.semdiff import Diff


@dataclass(frozen=True)
class Impact:
    cadre: str
    program: str
    year: int
    before_points: float | None
    before_tier: str | None
    after_points: float | None
    after_tier: str | None


@dataclass(frozen=True)
class Review:
    base: str
    head: str
    diff: Diff
    impacts: list[Impact]
    names: dict[str, str]  # cadre id → name
    complete: bool = True  # both revisions could be scored without leaving anything out
    units: dict[str, str] = field(default_factory=dict)  # cadre id → the name of the unit of their assignment
    withheld: Confidential | None = None  # --public: the confidential items of the new revision, left out of both
    errors: tuple[str, ...] = ()  # the changed files the new revision finds errors in (the review is then incomplete)


def _by_key(result: YearResult | None) -> dict[tuple[str, str], tuple[float | None, str]]:
    if result is None:
        return {}
    return {(s.assignment.cadre, s.assignment.program): (s.points if s.points is not None else s.provisional_points, s.tier)
            for s in result.assignments}


def touches(diff: Diff, today: dt.date, cadre: str, program: str, year: int) -> bool:
    """Whether the diff changes an input of (cadre, program)'s figure for the year."""
    if diff.registry_changed:
        return True
    years = diff.years_of(today)
    return year in years.get((cadre, program), set()) | years.get((cadre, ""), set())


def impacts(diff: Diff, year: int, before: YearResult | None, after: YearResult | None, today: dt.date) -> list[Impact]:
    """The cadres whose inputs of this year the diff changes and whose points or tier differ."""
    old, new = _by_key(before), _by_key(after)
    out = []
    for key in sorted(set(old) | set(new)):
        if not touches(diff, today, key[0], key[1], year):
            continue
        b, a = old.get(key), new.get(key)
        pair = (b[0] if b else None, b[1] if b else None, a[0] if a else None, a[1] if a else None)
        if pair[0:2] != pair[2:4]:
            out.append(Impact(key[0], key[1], year, *pair))
    return out


def names(*results: YearResult | None) -> dict[str, str]:
    """Cadre id → name."""
    return _by_cadre(results, lambda r, cadre, _unit: r.repo.name(cadre))


def units(*results: YearResult | None) -> dict[str, str]:
    """Cadre id → the name of the unit of their assignment (the latest revision's, where both have one)."""
    return _by_cadre(results, lambda r, _cadre, unit: r.repo.name(unit))


def _by_cadre(results: tuple[YearResult | None, ...], value: Callable[[YearResult, str, str], str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for r in results:
        if r is not None:
            for s in r.assignments:
                out[s.assignment.cadre] = value(r, s.assignment.cadre, s.assignment.unit)
    return out

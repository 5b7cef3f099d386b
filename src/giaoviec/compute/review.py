"""What a change does to points and tiers: the results of two versions compared, for the cadres
whose inputs the change touches."""

from __future__ import annotations

from dataclasses import dataclass

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


def _by_key(result: YearResult | None) -> dict[tuple[str, str], tuple[float | None, str]]:
    if result is None:
        return {}
    return {(s.assignment.cadre, s.assignment.program): (s.points if s.points is not None else s.provisional_points, s.tier)
            for s in result.assignments}


def impacts(diff: Diff, year: int, before: YearResult | None, after: YearResult | None) -> list[Impact]:
    """The cadres the diff names whose points or tier differ between the two results of a year."""
    wanted = diff.cadres()
    old, new = _by_key(before), _by_key(after)
    out = []
    for key in sorted(set(old) | set(new)):
        if (key[0], key[1]) not in wanted and (key[0], "") not in wanted:
            continue
        b, a = old.get(key), new.get(key)
        pair = (b[0] if b else None, b[1] if b else None, a[0] if a else None, a[1] if a else None)
        if pair[0:2] != pair[2:4]:
            out.append(Impact(key[0], key[1], year, *pair))
    return out


def names(*results: YearResult | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for r in results:
        if r is not None:
            for s in r.assignments:
                out[s.assignment.cadre] = r.repo.name(s.assignment.cadre)
    return out

"""`giaoviec diff BASE [HEAD]`: what a pull request changes, and what that does to points and tiers."""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from giaoviec import gitrev
from giaoviec.repository import RepositoryError
from giaoviec.score_year import NoProfile, score_year
from giaoviec.semdiff import Diff, compare, years_touched


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


def review(root: Path, base: str, head: str | None = None, today: dt.date | None = None) -> Review:
    today = today or dt.date.today()
    with ExitStack() as stack:
        old = stack.enter_context(gitrev.checkout(root, base))
        new = stack.enter_context(gitrev.checkout(root, head)) if head else root
        diff = compare(old, new)
        wanted = diff.cadres()
        impacts: list[Impact] = []
        names: dict[str, str] = {}
        for year in years_touched(diff.changes, today):
            before, after = _scores(old, year, today), _scores(new, year, today)
            for key in sorted(set(before) | set(after)):
                if (key[0], key[1]) not in wanted and (key[0], "") not in wanted:
                    continue
                b, a = before.get(key), after.get(key)
                pair = (b.points if b else None, b.tier if b else None, a.points if a else None, a.tier if a else None)
                if pair[0:2] != pair[2:4]:
                    impacts.append(Impact(key[0], key[1], year, *pair))
            for side in (before, after):
                for s in side.values():
                    names[s.assignment.cadre] = s.name
    return Review(base, head or "", diff, impacts, names)


@dataclass(frozen=True)
class _Row:
    points: float | None
    tier: str
    name: str
    assignment: object


def _scores(root: Path, year: int, today: dt.date) -> dict[tuple[str, str], _Row]:
    try:
        result = score_year(root, year, today=today)
    except (NoProfile, RepositoryError):
        return {}
    out = {}
    for s in result.cadres:
        entry = result.repo.cadres.get(s.assignment.cadre)
        out[(s.assignment.cadre, s.assignment.program)] = _Row(
            s.points if s.points is not None else s.provisional_points, s.tier,
            entry.item.name if entry else s.assignment.cadre, s.assignment)
    return out

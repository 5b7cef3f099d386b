"""What a change does to points and tiers: the results of two versions compared, for exactly the
cadres whose inputs the change touches, once each, with the causes; and which changes a reviewer
should look at twice (⚠), counted here so that render/diff.py only lays them out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from giaoviec.compute.left_out import Confidential
from giaoviec.compute.year import YearResult
from giaoviec.domain.semdiff import Change, Diff
from giaoviec.i18n import N_
from giaoviec.words import ASSIGNMENT_STATUS


@dataclass(frozen=True)
class Impact:
    cadre: str
    program: str
    year: int
    before_points: float | None
    before_tier: str | None
    after_points: float | None
    after_tier: str | None


LOOK_TWICE = frozenset({  # kinds of change always flagged: something taken away, withheld or decided by a council
    "assignment-removed", "task-removed", "check-in-removed", "confidential", "cancelled", "council-score",
    "council-general", "council-component", "council-tier", "council-discipline", "registry"})


def flagged(c: Change) -> bool:
    """Whether a reviewer should look twice at a change (⚠): a status moved backwards, a term eased or
    changed without an amendment decision, an outcome removed or changed (not a first record), a
    kind of `LOOK_TWICE`, or a change a council's earlier score rests on (that score is now stale)."""
    if c.council:
        return True
    if c.kind == "status":
        order = list(ASSIGNMENT_STATUS)
        return order.index(c.new) < order.index(c.old)
    if c.kind == "term":
        return c.eased or not c.amended
    if c.kind == "outcome":
        return c.new is None or c.old is not None
    return c.kind in LOOK_TWICE


@dataclass(frozen=True)
class Reviewed:
    """A change as the review shows it: the change, and whether it is flagged (⚠)."""

    change: Change
    flagged: bool


@dataclass
class Block:
    """A cadre and program whose inputs changed: the changes by file, and what they do."""

    cadre: str
    program: str
    files: dict[str, list[Reviewed]] = field(default_factory=dict)
    impacts: list[Impact] = field(default_factory=list)

    @property
    def causes(self) -> list[str]:
        kinds = {r.change.kind.startswith("council") for rs in self.files.values() for r in rs}
        return [k for k, present in ((N_("assignment change"), False in kinds), (N_("council change"), True in kinds)) if present]

    @property
    def flagged_count(self) -> int:
        return sum(1 for rs in self.files.values() for r in rs if r.flagged)


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

    @cached_property
    def changes(self) -> tuple[Reviewed, ...]:
        """The diff's changes, in its order, each with its flag."""
        return tuple(Reviewed(c, flagged(c)) for c in self.diff.changes)

    @property
    def flagged_count(self) -> int:
        return sum(1 for r in self.changes if r.flagged)

    @cached_property
    def blocks(self) -> tuple[list[Reviewed], list[Block]]:
        """The registry changes, and one block per (cadre, program) — a council entry without a
        program joins each program of its cadre that changes, or stands alone."""
        registry = [r for r in self.changes if r.change.kind == "registry"]
        out: dict[tuple[str, str], Block] = {}
        for r in self.changes:
            c = r.change
            if c.kind != "registry":
                out.setdefault((c.cadre, c.program), Block(c.cadre, c.program)).files.setdefault(c.path, []).append(r)
        for i in self.impacts:
            out.setdefault((i.cadre, i.program), Block(i.cadre, i.program)).impacts.append(i)
        for cadre, program in [k for k in out if k[1] == ""]:  # a council entry without a program: into the cadre's one program
            others = [b for (c, p), b in out.items() if c == cadre and p]
            if len(others) == 1:
                for path, changes in out.pop((cadre, program)).files.items():
                    others[0].files.setdefault(path, []).extend(changes)
        return registry, sorted(out.values(), key=lambda b: (self.names.get(b.cadre, b.cadre), b.program))


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

"""`giaoviec stats`: counts, the four official buckets, tiers, and the "not local" indicator
(Hà Nội Nghị quyết 04: commune Party secretaries and People's Committee chairs whose hometown is
not the commune they lead) — a view of a YearResult and the registry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from giaoviec.compute.left_out import Confidential, LeftOut
from giaoviec.compute.year import YearResult
from giaoviec.domain.org import places
from giaoviec.domain.scoring import Counts
from giaoviec.model.values import Repository

ROLES = ("secretary", "chair")


@dataclass(frozen=True)
class NotLocal:
    day: dt.date
    communes: int
    by_role: dict[str, tuple[int, int]]  # role → (not local, known)
    unknown: int  # people with no hometown, left out of both counts

    @property
    def numerator(self) -> int:
        return sum(n for n, _ in self.by_role.values())

    @property
    def denominator(self) -> int:
        return sum(k for _, k in self.by_role.values())

    @property
    def percent(self) -> float | None:
        return 100 * self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class Stats:
    year: int
    as_of: dt.date
    unit: str | None
    cadres: int  # people: a cadre with two rows (two programs) counts once
    assignments: int  # the files scored
    counts: Counts  # every task of every assignment in scope
    tiers: dict[str, int]
    not_local: NotLocal
    left_out: tuple[LeftOut, ...] = ()
    repo: Repository | None = None
    withheld: Confidential | None = None  # --public: the confidential items left out before anything was computed
    rows: int = 0  # one per cadre, program and year: what the tiers add up to
    several: int = 0  # the people with more than one row (e.g. two programs)

    @property
    def complete(self) -> bool:
        return not self.left_out

    @property
    def tasks(self) -> int:
        return self.counts.tasks

    @property
    def buckets(self) -> dict[str, int]:
        return self.counts.buckets

    @property
    def bucketed(self) -> int:
        """The tasks counted in the four status groups (a cancelled task is in none)."""
        return sum(self.buckets.values())

    @property
    def tasks_per_cadre(self) -> float | None:
        return self.tasks / self.cadres if self.cadres else None

    @property
    def shares(self) -> dict[str, float | None]:
        """Each status group's share of the tasks in the groups, in per cent; None when no task is in one."""
        total = self.bucketed
        return {b: 100 * n / total if total else None for b, n in self.buckets.items()}


def not_local(repo: Repository, scope: set[str] | None, day: dt.date) -> NotLocal:
    """Local: the hometown is the commune, a unit below it, or a unit it succeeded (transitively: an old
    commune merged into it, a unit below one, a district split into it). Each hometown's places are
    found once, each position looked at once."""
    communes = {u for u, e in repo.units.items() if e.item.level == "commune" and (scope is None or u in scope)
                and (e.item.valid_from or dt.date.min) <= day <= (e.item.valid_to or dt.date.max)}
    place: dict[str, set[str]] = {}
    by_role = {role: [0, 0] for role in ROLES}
    unknown = 0
    for entry in repo.cadres.values():
        for p in entry.item.positions:
            if p.unit not in communes or p.role not in ROLES or not ((p.start or dt.date.min) <= day <= (p.end or dt.date.max)):
                continue
            if entry.item.hometown is None:
                unknown += 1
                continue
            by_role[p.role][1] += 1
            home = entry.item.hometown
            if home not in place:
                place[home] = places(repo, home)
            if p.unit not in place[home]:
                by_role[p.role][0] += 1
    return NotLocal(day, len(communes), {r: (n, k) for r, (n, k) in by_role.items()}, unknown)


def stats(result: YearResult, scope: set[str] | None, day: dt.date) -> Stats:
    tiers: dict[str, int] = {}
    statuses: list[str] = []
    rows_of: dict[str, int] = {}
    for s in result.assignments:
        tiers[s.tier] = tiers.get(s.tier, 0) + 1
        statuses += (t.status for t in s.tasks)
        rows_of[s.assignment.cadre] = rows_of.get(s.assignment.cadre, 0) + 1
    return Stats(result.year, result.as_of, result.unit, len(rows_of), sum(len(s.keys) for s in result.assignments),
                 Counts.of(statuses), tiers, not_local(result.repo, scope, day), result.left_out, result.repo,
                 withheld=result.withheld, rows=len(result.assignments), several=sum(1 for n in rows_of.values() if n > 1))

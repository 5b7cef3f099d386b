"""`giaoviec stats`: counts, the four official buckets, tiers, and the "not local" indicator
(Hà Nội Nghị quyết 04: commune Party secretaries and People's Committee chairs whose hometown is
not the commune they lead)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from giaoviec.org import units_in_scope
from giaoviec.repository import Repository
from giaoviec.score_year import UnknownUnit, score_year
from giaoviec.status import BUCKETS

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
    cadres: int
    assignments: int
    tasks: int
    buckets: dict[str, int]
    tiers: dict[str, int]
    not_local: NotLocal


def not_local(repo: Repository, scope: set[str] | None, day: dt.date) -> NotLocal:
    communes = [u for u, e in repo.units.items() if e.item.level == "commune" and (scope is None or u in scope)
                and (e.item.valid_from or dt.date.min) <= day <= (e.item.valid_to or dt.date.max)]
    by_role = {role: [0, 0] for role in ROLES}
    unknown = 0
    for commune in communes:
        below = units_in_scope(repo, commune)
        for entry in repo.cadres.values():
            for p in entry.item.positions:
                if p.unit != commune or p.role not in ROLES or not ((p.start or dt.date.min) <= day <= (p.end or dt.date.max)):
                    continue
                if entry.item.hometown is None:
                    unknown += 1
                    continue
                by_role[p.role][1] += 1
                if entry.item.hometown not in below:
                    by_role[p.role][0] += 1
    return NotLocal(day, len(communes), {r: (n, k) for r, (n, k) in by_role.items()}, unknown)


def stats(root: Path, year: int, unit: str | None = None, as_of: dt.date | None = None, today: dt.date | None = None) -> Stats:
    today = today or dt.date.today()
    result = score_year(root, year, as_of=as_of, unit=unit, today=today)
    repo = result.repo
    if unit is not None and unit not in repo.units:
        raise UnknownUnit(unit)
    buckets = {b: 0 for b in ("completed-on-time", "completed-late", "unfinished-within-term", "unfinished-overdue")}
    tiers: dict[str, int] = {}
    tasks = 0
    for s in result.cadres:
        tiers[s.tier] = tiers.get(s.tier, 0) + 1
        for t in s.tasks:
            bucket = BUCKETS.get(t.status)
            if bucket:
                buckets[bucket] += 1
                tasks += 1
    scope = units_in_scope(repo, unit) if unit else None
    day = as_of or min(today, dt.date(year, 12, 31))
    return Stats(year, result.as_of, unit, len({s.assignment.cadre for s in result.cadres}), len(result.cadres), tasks,
                 buckets, tiers, not_local(repo, scope, day))

"""Which scoring profile applies to a cadre on a day (spec/scoring.md, "Which profile").

The entries of giaoviec.yaml's `scoring` in force on the day (bounds inclusive) that apply to the
cadre: an entry naming `roles` or `categories` applies to the cadres it names (the role held in the
assignment's unit, the Cadres `category`); an entry naming neither applies to every cadre no narrower
entry covers. So a Party profile and the civil-service decree can be in force side by side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from giaoviec.model import Config, ScoringProfile
from giaoviec.model.config import ScoringRange
from giaoviec.model.values import Repository


def in_force(r: ScoringRange, day: dt.date) -> bool:
    return (r.start or dt.date.min) <= day <= (r.end or dt.date.max)


def covers(r: ScoringRange, role: str | None, category: str | None) -> bool:
    """Whether a narrow entry names this cadre (both lists, when both are given)."""
    return (not r.roles or role in r.roles) and (not r.categories or category in r.categories)


def applying(config: Config, day: dt.date, role: str | None = None, category: str | None = None) -> list[int]:
    """The indices of the entries that apply: the narrow ones that name the cadre, else the general ones.
    More than one is a conflict the caller reports, naming both."""
    current = [i for i, r in enumerate(config.scoring) if in_force(r, day)]
    narrow = [i for i in current if config.scoring[i].narrow and covers(config.scoring[i], role, category)]
    return narrow or [i for i in current if not config.scoring[i].narrow]


def profile_in_force(config: Config, profiles: Mapping[str, ScoringProfile], day: dt.date, role: str | None = None,
                     category: str | None = None) -> ScoringProfile | None:
    """The profile of the first entry that applies (conflicts are reported by `applying`'s callers)."""
    found = applying(config, day, role, category)
    return profiles.get(config.scoring[found[0]].profile) if found else None


def role_in(repo: Repository, cadre: str, unit: str, day: dt.date) -> str | None:
    """The role the cadre holds in `unit` on `day`, else the role of the latest position there begun by then."""
    entry = repo.cadres.get(cadre)
    if entry is None:
        return None
    held = [p for p in entry.item.positions if p.unit == unit and (p.start or dt.date.min) <= day]
    current = [p for p in held if day <= (p.end or dt.date.max)]
    best = max(current or held, key=lambda p: p.start or dt.date.min, default=None)
    return best.role if best else None


def category_of(repo: Repository, cadre: str) -> str | None:
    entry = repo.cadres.get(cadre)
    return entry.item.category if entry is not None else None

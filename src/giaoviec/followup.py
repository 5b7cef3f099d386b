"""`giaoviec status`: the follow-up list an office sends out (đôn đốc) — what is overdue, what falls
due soon, and which unfinished tasks have no check-in yet in the current month or quarter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from giaoviec.model import Assignment
from giaoviec.org import units_in_scope
from giaoviec.repository import Document, Repository
from giaoviec.score_year import UnknownUnit
from giaoviec.validation import validate


@dataclass(frozen=True)
class Item:
    kind: str  # overdue | due-soon | no-check-in
    cadre: str
    unit: str
    path: str
    task: str
    what: str
    due: dt.date | None
    days: int  # days overdue, or days left


@dataclass(frozen=True)
class FollowUp:
    as_of: dt.date
    period_start: dt.date  # the month or quarter whose check-in is expected
    items: list[Item]
    repo: Repository


def period_start(day: dt.date, cadence: str) -> dt.date:
    month = day.month if cadence == "monthly" else ((day.month - 1) // 3) * 3 + 1
    return dt.date(day.year, month, 1)


def follow_up(root: Path, as_of: dt.date | None = None, unit: str | None = None, within: int = 30) -> FollowUp:
    as_of = as_of or dt.date.today()
    items: list[Item] = []
    scope: dict[str, set[str] | None] = {}
    current: dict[str, dt.date] = {}

    def visit(registry: Repository, doc: Document) -> None:
        if "s" not in scope:
            scope["s"] = units_in_scope(registry, unit) if unit and unit in registry.units else None
            current["start"] = period_start(as_of, registry.config.checks)
        a: Assignment = doc.model
        if a.status != "assigned" or not a.period.contains(as_of) or (unit is not None and (scope["s"] is None or a.unit not in scope["s"])):
            return
        for t in a.tasks:
            finished = t.outcome is not None and t.outcome.done_on is not None and t.outcome.done_on <= as_of
            cancelled = t.cancelled is not None and t.cancelled.date <= as_of
            due = t.when.due if t.when else None
            start = (t.when.start if t.when else None) or a.period.start
            if finished or cancelled or start > as_of:
                continue
            base = dict(cadre=a.cadre, unit=a.unit, path=doc.path, task=t.id, what=t.what, due=due)
            if due is not None and due < as_of:
                items.append(Item("overdue", days=(as_of - due).days, **base))
            elif due is not None and (due - as_of).days <= within:
                items.append(Item("due-soon", days=(due - as_of).days, **base))
            if not any(current["start"] <= p.date <= as_of for p in t.progress):
                items.append(Item("no-check-in", days=(as_of - current["start"]).days, **base))

    result = validate(root, today=max(as_of, dt.date.today()), visit=visit)
    repo = result.repo
    if unit is not None and unit not in repo.units:
        raise UnknownUnit(unit)
    order = {"overdue": 0, "due-soon": 1, "no-check-in": 2}
    items.sort(key=lambda i: (order[i.kind], i.unit, i.cadre, i.task))
    return FollowUp(as_of, period_start(as_of, repo.config.checks), items, repo)

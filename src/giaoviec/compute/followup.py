"""`giaoviec status`: the follow-up list an office sends out (đôn đốc) — what is overdue, what falls
due soon, and which unfinished tasks have no check-in yet in the current month or quarter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from giaoviec.compute.left_out import Confidential, LeftOut, breakage, confidential, left_out
from giaoviec.compute.year import scope_of
from giaoviec.diagnostics import Diagnostic
from giaoviec.model import Assignment
from giaoviec.model.public import Withholding
from giaoviec.model.values import Document, Repository


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
    left_out: tuple[LeftOut, ...] = ()
    withheld: Confidential | None = None  # --public: the confidential items left out before anything was computed

    @property
    def complete(self) -> bool:
        return not self.left_out


ORDER = {"overdue": 0, "due-soon": 1, "no-check-in": 2}


def period_start(day: dt.date, cadence: str) -> dt.date:
    month = day.month if cadence == "monthly" else ((day.month - 1) // 3) * 3 + 1
    return dt.date(day.year, month, 1)


def follow_up(registry: Repository, docs: Iterable[Document], as_of: dt.date, unit: str | None = None,
              within: int = 30) -> tuple[list[Item], list[tuple[str, str]]]:
    """The items of the assigned assignments running on `as_of` (the stream's documents), and the
    (path, cadre) of every assignment considered."""
    scope = scope_of(registry, unit)
    start = period_start(as_of, registry.config.checks)
    items: list[Item] = []
    considered: list[tuple[str, str]] = []
    for doc in docs:
        a: Assignment = doc.model
        if a.status != "assigned" or not a.period.contains(as_of) or (scope is not None and a.unit not in scope):
            continue
        considered.append((doc.path, a.cadre))
        for t in a.tasks:
            finished = t.outcome is not None and t.outcome.done_on is not None and t.outcome.done_on <= as_of
            cancelled = t.cancelled is not None and t.cancelled.date <= as_of
            due = t.when.due if t.when else None
            begins = (t.when.start if t.when else None) or a.period.start
            if finished or cancelled or begins > as_of:
                continue

            found: list[tuple[str, int]] = []
            mine = due is not None and a.period.start <= due <= a.period.end  # else due in another period (date.outside-period)
            if mine and due is not None and due < as_of:
                found.append(("overdue", (as_of - due).days))
            elif mine and due is not None and (due - as_of).days <= within:
                found.append(("due-soon", (due - as_of).days))
            if not any(start <= p.date <= as_of for p in t.progress):
                found.append(("no-check-in", (as_of - start).days))
            items += [Item(kind, a.cadre, a.unit, doc.path, t.id, t.what, due, days) for kind, days in found]
    items.sort(key=lambda i: (ORDER[i.kind], i.unit, i.cadre, i.task))
    return items, considered


def settle(as_of: dt.date, items: list[Item], considered: list[tuple[str, str]], repo: Repository,
           diagnostics: Sequence[Diagnostic], unit: str | None, withheld: Withholding | None = None) -> FollowUp:
    """The follow-up list once every file is checked: the items of files with errors left out, and named.
    `withheld` (--public): what was taken out as the files were read, counted among the running assignments."""
    broken = breakage(diagnostics)
    missing = left_out(repo, broken, as_of.year, scope_of(repo, unit), considered, {c for _p, c in considered})
    kept = [i for i in items if i.path not in broken.files]
    hidden = confidential(withheld, scope_of(repo, unit), as_of, as_of, ("assigned",), by_year=False)
    return FollowUp(as_of, period_start(as_of, repo.config.checks), kept, repo, tuple(missing), hidden)

"""`report` and `export` as functions: one pass over the repository that keeps the unit's
Assignment documents (their words are what a report shows), then one YearResult."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from giaoviec.app.checking import Checking
from giaoviec.compute.year import YearResult, in_scope, scope_of, score_assignments, settle
from giaoviec.load.documents import Document
from giaoviec.load.repository import Repository
from giaoviec.render.report import Models


@dataclass(frozen=True)
class WithModels:
    """A year's results and the Assignment documents they were computed from."""

    result: YearResult
    models: Models


def default_year(repo: Repository, scope: set[str] | None, today: dt.date) -> int:
    """The latest year (not after this one) with an assignment under the unit."""
    years = [min(a.period.end.year, today.year) for a in repo.assignments
             if (scope is None or a.unit in scope) and a.period.start.year <= today.year]
    return max(years, default=today.year)


def results_with_models(root: Path, year: int | None, unit: str | None, as_of: dt.date | None = None,
                        today: dt.date | None = None, closed_year: bool = False, fast_reader: bool = True) -> WithModels:
    """The results of YEAR (by default the latest year of the unit) with the documents in scope.
    `closed_year`: the as-of date is min(31-12-YEAR, today), as a report takes it."""
    today = today or dt.date.today()
    checking = Checking(root, today, fast_reader=fast_reader)
    scope = scope_of(checking.registry, unit)
    kept: list[Document] = [doc for doc in checking if in_scope(doc.model, scope)]
    checked = checking.finish()
    year = year or default_year(checked.repo, scope, today)
    if closed_year and as_of is None:
        as_of = min(dt.date(year, 12, 31), today)
    scored = score_assignments(checking.registry, kept, year, as_of, unit, today)
    result = settle(scored, checked.repo, checked.diagnostics)
    return WithModels(result, {(d.path, d.index): d.model for d in kept})

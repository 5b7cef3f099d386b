"""`score`, `stats` and `status` as functions: one pass over the repository, one YearResult."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from giaoviec.app.checking import Checked, Checking, Progress
from giaoviec.compute.followup import FollowUp, follow_up
from giaoviec.compute.followup import settle as settle_follow_up
from giaoviec.compute.stats import Stats, stats
from giaoviec.compute.year import YearResult, scope_of, score_assignments, settle


def score(root: Path, year: int, as_of: dt.date | None = None, unit: str | None = None, today: dt.date | None = None,
          progress: Progress | None = None, explain: bool = False, fast_reader: bool = True) -> YearResult:
    checking = Checking(root, today, progress=progress, fast_reader=fast_reader)
    scored = score_assignments(checking.registry, checking, year, as_of, unit, checking.today, explain)
    checked: Checked = checking.finish()
    return settle(scored, checked.repo, checked.diagnostics)


def year_stats(root: Path, year: int, unit: str | None = None, as_of: dt.date | None = None, today: dt.date | None = None,
               fast_reader: bool = True) -> Stats:
    today = today or dt.date.today()
    result = score(root, year, as_of, unit, today, fast_reader=fast_reader)
    day = as_of or min(today, dt.date(year, 12, 31))
    return stats(result, scope_of(result.repo, unit), day)


def status(root: Path, as_of: dt.date | None = None, unit: str | None = None, within: int = 30,
           fast_reader: bool = True) -> tuple[FollowUp, Checked]:
    """The follow-up list; the checking is as of today (or as_of when later), so nothing recorded
    up to as_of counts as future."""
    day = as_of or dt.date.today()
    checking = Checking(root, max(day, dt.date.today()), fast_reader=fast_reader)
    items, considered = follow_up(checking.registry, checking, day, unit, within)
    checked = checking.finish()
    return settle_follow_up(day, items, considered, checked.repo, checked.diagnostics, unit), checked

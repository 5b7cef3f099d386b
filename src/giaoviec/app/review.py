"""`diff BASE [HEAD]` as a function: what changed between two revisions, in the domain's words,
and what it does to points and tiers."""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from pathlib import Path

from giaoviec.app.score import score
from giaoviec.compute.review import Review, impacts, names
from giaoviec.compute.year import YearResult
from giaoviec.diagnostics import Fatal
from giaoviec.domain.semdiff import compare, years_touched
from giaoviec.load import gitrev, revisions


def review(root: Path, base: str, head: str | None = None, today: dt.date | None = None) -> Review:
    today = today or dt.date.today()
    with ExitStack() as stack:
        old = stack.enter_context(gitrev.checkout(root, base))
        new = stack.enter_context(gitrev.checkout(root, head)) if head else root
        files = revisions.changed_files(old, new)
        diff = compare(files, revisions.documents(old, files), revisions.documents(new, files))
        found, seen = [], []
        for year in years_touched(diff.changes, today):
            before, after = _score(old, year, today), _score(new, year, today)
            found += impacts(diff, year, before, after)
            seen += [before, after]
    return Review(base, head or "", diff, found, names(*seen))


def _score(root: Path, year: int, today: dt.date) -> YearResult | None:
    """The year's results of one revision, or None when that revision cannot be scored."""
    try:
        return score(root, year, today=today)
    except Fatal:
        return None

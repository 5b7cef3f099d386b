"""`score`, `stats` and `status` as functions: one pass over the repository, one YearResult."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from giaoviec.app.checking import Checked, Checking
from giaoviec.checks.clarity import unclear_what, vocabulary
from giaoviec.compute.followup import FollowUp, follow_up
from giaoviec.compute.followup import settle as settle_follow_up
from giaoviec.compute.stats import Stats, stats
from giaoviec.compute.year import YearResult, scope_of, score_assignments, settle
from giaoviec.diagnostics import Diagnostic
from giaoviec.domain.scoring import TaskResult
from giaoviec.i18n import Phrase
from giaoviec.load import repository
from giaoviec.load.files import Listing, discover
from giaoviec.load.reader import FAST, Reader
from giaoviec.load.repository import Scan
from giaoviec.load.source import Progress, Source
from giaoviec.model.values import Document, Registry, Repository

Unclear = dict[tuple[str, int, str], Phrase]  # (file, document, task) → the wording analyser's finding


def score(root: Path, year: int, as_of: dt.date | None = None, unit: str | None = None, today: dt.date | None = None,
          progress: Progress | None = None, explain: bool = False, reader: Reader = FAST, public: bool = False,
          unclear: Unclear | None = None) -> YearResult:
    """The year's results. Its diagnostics are the errors and the warnings of every check but the
    wording analyser's (warnings that no figure and no output of a result reads). `public`: computed
    from the repository without its confidential items (model/public.py), which it counts. `unclear`, when
    given (score --explain): filled with the analyser's finding on each task of the cadres scored that
    it judges not clear on what, read as each document is judged (the tasks shown, and no others)."""
    checking = Checking(root, today, Source(reader, progress=progress, public=public), wording=False)  # discover, read the registry
    hook = None
    if unclear is not None:
        words = vocabulary(checking.registry.config)

        def hook(doc: Document, _results: tuple[TaskResult, ...]) -> None:
            year_of = doc.model.period.start.year
            for t in doc.model.tasks:
                if (p := unclear_what(t, year_of, words)) is not None:
                    unclear[(doc.path, doc.index, t.id)] = p

    scored = score_assignments(checking.registry, checking, year, as_of, unit, checking.today, explain, judged_hook=hook)  # read, check, judge each file
    checked: Checked = checking.finish()  # check across files
    return settle(scored, checked.repo, checked.diagnostics, checked.withheld)  # compute the year's figures


@dataclass(frozen=True)
class Revision:
    """A revision's files read once for some cadres: the listing, the scan that keeps the Assignment
    files naming one of them (all of them without cadres), and the registry parsed from it. `diff`
    takes the councils and the files to take out of git from it, and scores each year from it."""

    listing: Listing
    scanned: Scan
    registry: Registry

    @property
    def bearing(self) -> list[str]:
        """The files `score_cadres` reads: the registry's, and the Assignment files the scan kept."""
        return [rel for rel, _raw in self.scanned.registry] + self.scanned.streamed


def read_revision(root: Path, cadres: set[str] | None, reader: Reader = FAST) -> Revision:
    listing = discover(root)
    scanned = repository.scan(root, listing.files, select=naming(cadres) if cadres is not None else None)
    return Revision(listing, scanned, repository.load_registry(root, listing.files, reader, scanned))


def score_cadres(root: Path, year: int, cadres: set[str], today: dt.date | None = None, reader: Reader = FAST,
                 revision: Revision | None = None) -> YearResult:
    """The year's results of these cadres alone, read from the registry and the Assignment files that
    name one of them — or cannot be read as text, and so might. Their figures are those of a whole
    run: every input of a cadre's figure is in those files (a check across files that concerns them
    sees all of their assignments), and what the subset cannot judge (council entries of other
    cadres) is left to the whole run. What is left out is said for these cadres only.
    `revision`: ROOT as read for these cadres before (`read_revision`), not read again."""
    rev = revision if revision is not None else read_revision(root, cadres, reader)
    checking = Checking(root, today, Source(reader, rev.listing, rev.scanned, rev.registry), wording=False)
    scored = score_assignments(checking.registry, (d for d in checking if d.model.cadre in cadres), year, None, None, checking.today)
    checked = checking.finish()
    return settle(scored, checked.repo, [d for d in checked.diagnostics if _concerns(d, checked.repo, cadres)])


def naming(cadres: set[str]) -> Callable[[bytes], bool]:
    """Whether a file's bytes name one of these cadres, or are not UTF-8 text (and so might)."""
    # an id as a whole word: ids are made of a-z, 0-9 and "-", so "can-bo-7" does not match "can-bo-70"
    names = re.compile(rb"(?<![a-z0-9-])(?:" + b"|".join(re.escape(c.encode()) for c in sorted(cadres)) + rb")(?![a-z0-9-])")
    needles = tuple(c.encode() for c in cadres)  # a plain search first, in C: most files name none of them
    return lambda raw: (any(n in raw for n in needles) and names.search(raw) is not None) or not _text(raw)


def _text(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _concerns(d: Diagnostic, repo: Repository, cadres: set[str]) -> bool:
    """Whether a finding of the subset run bears on these cadres: a council entry's, when it is one of
    theirs; an assignment file's, when it holds one of theirs (or cannot say whose it is); any other."""
    entry = d.where.loc[1] if d.where is not None and len(d.where.loc) >= 2 and d.where.loc[0] == "evaluations" else None
    if isinstance(entry, int):
        for doc in repo.evaluations:
            if doc.path == d.path and doc.index == d.where.doc:  # type: ignore[union-attr]
                entries = doc.model.evaluations
                cadre = getattr(entries[entry], "cadre", None) if entry < len(entries) else None
                return cadre is None or cadre in cadres
        return True
    holders = {a.path for a in repo.assignments}
    if d.path in holders:
        return any(a.cadre in cadres for a in repo.assignments if a.path == d.path) or \
            any(u.path == d.path and (set(u.model.cadres) & (cadres | {"*"})) for u in repo.unreadable)
    return True


def year_stats(root: Path, year: int, unit: str | None = None, as_of: dt.date | None = None, today: dt.date | None = None,
               reader: Reader = FAST, public: bool = False) -> Stats:
    today = today or dt.date.today()
    result = score(root, year, as_of, unit, today, reader=reader, public=public)
    day = as_of or min(today, dt.date(year, 12, 31))
    return stats(result, scope_of(result.repo, unit), day)


def status(root: Path, as_of: dt.date | None = None, unit: str | None = None, within: int = 30,
           reader: Reader = FAST, public: bool = False) -> tuple[FollowUp, Checked]:
    """The follow-up list; the checking is as of today (or as_of when later), so nothing recorded
    up to as_of counts as future. `public`: without the confidential items, which it counts."""
    day = as_of or dt.date.today()
    checking = Checking(root, max(day, dt.date.today()), Source(reader, public=public))
    items, considered = follow_up(checking.registry, checking, day, unit, within)
    checked = checking.finish()
    return settle_follow_up(day, items, considered, checked.repo, checked.diagnostics, unit, checked.withheld), checked

"""What the pages show, computed once per state of the repository: the year's `YearResult` with
the Assignment documents it was computed from (as `app.report.results_with_models` gives them to
`report` and `export`), the follow-up list (as `app.score.status`), and the problems (as
`app.validate.validate`). The private view takes them from `engine.py`, which keeps them between
requests and brings them up to date file by file (and starts from the cache's entries); `--public`
computes them with those functions themselves. A page computes nothing of its own: it restricts
these to a unit or a cadre and lays them out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from giaoviec.app.report import WithModels, results_with_models
from giaoviec.app.score import status
from giaoviec.app.validate import validate
from giaoviec.compute.followup import FollowUp
from giaoviec.compute.year import YearResult
from giaoviec.diagnostics import Diagnostic
from giaoviec.domain.org import units_in_scope
from giaoviec.load.files import discover
from giaoviec.load.reader import FAST, Reader
from giaoviec.load.scanning import scan
from giaoviec.serve.engine import Engine

T = TypeVar("T")


@dataclass(frozen=True)
class Options:
    root: Path
    lang: str = "vi"
    public: bool = False
    read_only: bool = False
    commit: bool = False
    cache_folder: Path | None = None
    reader: Reader = FAST
    today: dt.date | None = None  # tests: a fixed day


@dataclass
class Snapshot:
    """The repository as one state of its files (`key`) showed it."""

    key: str
    years: dict[int, WithModels] = field(default_factory=dict)
    followup: FollowUp | None = None
    problems: list[Diagnostic] | None = None
    default: int | None = None
    views: dict = field(default_factory=dict)  # what a page arranged from the above, kept with them


class Site:
    """The computed model, kept while the files stay as they were; every request asks `current()`."""

    def __init__(self, options: Options):
        self.options = options
        self._lock = threading.Lock()
        self._seen: dict[str, list] = {}
        self._seen_at = 0
        self._snapshot: Snapshot | None = None
        # the private view's model, brought up to date file by file (engine.py); --public reads as the commands do
        self.engine: Engine | None = None if options.public else Engine(options.root, options.reader, options.cache_folder)

    @property
    def today(self) -> dt.date:
        return self.options.today or dt.date.today()

    def key(self) -> str:
        """The state of the files: each listed file's digest (a file unchanged in size and times is not read again)."""
        import hashlib
        import time

        listing = discover(self.options.root)
        started = time.time_ns()
        scanned = scan(self.options.root, listing.files, self._seen, self._seen_at)
        self._seen, self._seen_at = scanned.seen, started
        h = hashlib.sha256()
        for rel in sorted(scanned.digests):
            h.update(f"{rel}\0{scanned.digests[rel]}\n".encode())
        for d in listing.problems:
            h.update(f"{d.code}:{d.path}:{d.message}:{d.args!r}\n".encode())
        return h.hexdigest()

    def refresh(self) -> Snapshot:
        """Looks at the files again (once a request): a changed file starts a new snapshot."""
        with self._lock:
            if self.engine is not None:
                self.engine.refresh(self.today)
                key = str(self.engine.version)
            else:
                key = self.key()
            if self._snapshot is None or self._snapshot.key != key:
                self._snapshot = Snapshot(key)
            return self._snapshot

    def current(self) -> Snapshot:
        """The snapshot of the last look at the files (`refresh`)."""
        return self._snapshot if self._snapshot is not None else self.refresh()

    def year(self, year: int) -> WithModels:
        snap = self.current()
        with self._lock:
            if year not in snap.years and self.engine is not None:
                snap.years[year] = self.engine.year(year)
            if year not in snap.years:
                o = self.options
                snap.years[year] = results_with_models(o.root, year, None, today=self.today, closed_year=True,
                                                       reader=o.reader, summary=True, public=o.public, explain=True)
            return snap.years[year]

    def followup(self) -> FollowUp:
        snap = self.current()
        with self._lock:
            if snap.followup is None and self.engine is not None:
                snap.followup = self.engine.followup()
            if snap.followup is None:
                snap.followup, _checked = status(self.options.root, self.today, reader=self.options.reader,
                                                 public=self.options.public)
            return snap.followup

    def problems(self, year: int) -> list[Diagnostic]:
        """Every finding of validate; in the public view, those of the public repository (as the results read it)."""
        if self.options.public:
            return list(self.year(year).result.diagnostics)
        snap = self.current()
        with self._lock:
            if snap.problems is None and self.engine is not None:
                snap.problems = self.engine.problems()
            if snap.problems is None:
                snap.problems = validate(self.options.root, today=self.today, cache_folder=self.options.cache_folder,
                                         reader=self.options.reader).diagnostics
            return snap.problems

    def memo(self, key: object, make: Callable[[], T]) -> T:
        """A view made from this state's results, made once."""
        snap = self.current()
        if key not in snap.views:
            snap.views[key] = make()
        return snap.views[key]

    def default_year(self) -> int:
        """The latest year (not after this one) with an assignment, as `report` takes it by default."""
        snap = self.current()
        with self._lock:
            if snap.default is None and self.engine is not None:
                snap.default = self.engine.default_year()
            if snap.default is None:
                o = self.options
                got = results_with_models(o.root, None, None, today=self.today, closed_year=True,
                                          reader=o.reader, summary=True, public=o.public, explain=True)
                snap.default = got.result.year
                snap.years.setdefault(got.result.year, got)
            return snap.default

    def years(self) -> list[int]:
        """The years with an assignment (the repository's summaries)."""
        repo = self.year(self.default_year()).result.repo
        years = {y for a in repo.assignments for y in range(a.period.start.year, a.period.end.year + 1)}
        return sorted(y for y in years | {self.default_year()} if y <= self.today.year + 1)[::-1]


def restricted(result: YearResult, unit: str | None = None, cadre: str | None = None) -> YearResult:
    """The same results, only the assignments of a unit's scope (the unit, those below it and those
    it succeeded) or of one cadre: a view, nothing computed again."""
    scope = units_in_scope(result.repo, unit) if unit is not None else None
    kept = tuple(s for s in result.assignments
                 if (scope is None or s.assignment.unit in scope) and (cadre is None or s.assignment.cadre == cadre))
    return dataclasses.replace(result, assignments=kept, unit=unit)

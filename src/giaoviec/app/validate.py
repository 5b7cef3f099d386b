"""`validate` as a function: the repository checked in one pass, answered from the cache when
nothing changed (the models and the checks are imported only when a file is checked again), with
`--base` the amendments checked against a git revision; and what the paths ask for kept."""

from __future__ import annotations

import datetime as dt
import gc
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from giaoviec.compute.tally import Tally
from giaoviec.diagnostics import N_, Diagnostic, ExitCode, Fatal
from giaoviec.load import cache
from giaoviec.load.files import discover
from giaoviec.load.folders import inside
from giaoviec.load.reader import FAST, Reader
from giaoviec.load.scanning import collector_paused, scan

if TYPE_CHECKING:
    from giaoviec.load.files import Listing
    from giaoviec.load.scanning import Scan
    from giaoviec.load.source import Progress


@dataclass(frozen=True)
class Validation:
    diagnostics: list[Diagnostic]  # those the paths ask for
    files: int
    language: str  # the configured language

    @property
    def tally(self) -> Tally:
        """The files checked, and the errors and warnings of those the paths ask for."""
        return Tally.of(self.diagnostics, self.files)


@dataclass
class _Scanned:
    """What an answer from the cache reads first: the listing, the files' digests, the store."""

    root: Path
    paths: list[str] | None
    today: dt.date
    cache_folder: Path | None
    listing: Listing
    scanned: Scan
    store: cache.Store | None
    key: str | None
    started: int


_handed: list[_Scanned] = []  # the scan of a run that asked the cache first (cli's quick answer) and was not answered: not read twice


def answered(root: Path, paths: list[str] | None = None, today: dt.date | None = None,
             cache_folder: Path | None = None) -> Validation | None:
    """validate's answer when the cache has it (no --base), else None: the scan made is handed to the
    `validate` call that follows in the same run (same arguments), which does not make it again."""
    first = _scan(root, paths, today or dt.date.today(), cache_folder, None)
    found = _from_cache(first)
    if found is None:
        _handed[:] = [first]
    return found


def _scan(root: Path, paths: list[str] | None, today: dt.date, cache_folder: Path | None, base: str | None) -> _Scanned:
    handed = _handed.pop() if _handed else None
    if handed is not None and base is None and (handed.root, handed.paths or None, handed.today, handed.cache_folder) == (root, paths or None, today, cache_folder):
        return handed
    check_paths(root, paths)
    started = time.time_ns()  # (before the listing, whose stamps the scan keeps: a file changed since is read again)
    listing = discover(root)
    store = cache.Store(cache_folder, root) if cache_folder is not None else None
    prior, prior_at = store.seen() if store is not None else (None, 0)
    scanned = scan(root, listing.files, prior, prior_at, stamps=listing.stamps)
    # the whole answer would depend on the base revision too; the per-file entries do not
    key = cache.whole_key(scanned.digests, (f"{d.code}:{d.path}:{d.message}:{d.args!r}" for d in listing.problems), today) \
        if store is not None and base is None else None
    return _Scanned(root, paths, today, cache_folder, listing, scanned, store, key, started)


def _from_cache(s: _Scanned) -> Validation | None:
    if s.store is not None and s.key is not None and (cached := s.store.answer(s.key)) is not None:
        found, files, language = cached
        s.store.refresh_seen(s.scanned.seen, s.started)
        return Validation(_only(s.root, found, s.paths), files, language)
    return None


def validate(
    root: Path, paths: list[str] | None = None, today: dt.date | None = None, progress: Progress | None = None,
    cache_folder: Path | None = None, base: str | None = None, reader: Reader = FAST,
) -> Validation:
    """Fatal when the repository is unusable or --base names no revision; data problems are diagnostics."""
    today = today or dt.date.today()
    s = _scan(root, paths, today, cache_folder, base)
    if (found_cached := _from_cache(s)) is not None:
        return found_cached
    listing, scanned, store, key, started = s.listing, s.scanned, s.store, s.key, s.started
    with collector_paused():  # (the models' classes, the registry, every summary: none is garbage in a cycle)
        from giaoviec.app.checking import Checking  # the models and the checks: not loaded for an answer from the cache
        from giaoviec.load.source import Source

        parsed = store.parsed() if store is not None else None
        checking = Checking(root, today, Source(reader, listing, scanned, store=store, parsed=parsed, progress=progress))
        checked = checking.finish()
        found = checked.diagnostics
        if base is not None:
            found = sorted(found + amendments(root, base))
        if store is not None:
            store.save(key, found, checked.files, checked.repo.config.language, checking.memo, scanned.seen, started)
            if parsed is not None:
                store.save_parsed(parsed)
        gc.freeze()  # (before the collector runs again: else it scans every object made while it was paused, at exit too)
    return Validation(_only(root, found, paths), checked.files, checked.repo.config.language)


def amendments(root: Path, base: str) -> list[Diagnostic]:
    """`amend.missing` for every change of an assigned term since `base` without an amendment."""
    from giaoviec.checks.amend import amendment_findings
    from giaoviec.domain.semdiff import compare
    from giaoviec.load import gitrev, revisions
    from giaoviec.load.documents import locate

    commit = gitrev.resolve(root, base)
    files = gitrev.changed_paths(root, commit, None)
    with gitrev.sparse_checkout(root, commit, files) as old:  # only the changed files of the base are taken out
        diff = compare(files, revisions.documents(old, files), revisions.documents(root, files))
    return locate(root, amendment_findings(diff))


def check_paths(root: Path, paths: list[str] | None) -> None:
    """Each path given to validate names a file or folder of the repository (a usage error otherwise)."""
    for p in paths or ():
        candidates = [Path(p)] if Path(p).is_absolute() else [Path.cwd() / p, root / p]
        found = next((c for c in candidates if c.exists()), None)
        if found is None:
            raise Fatal(ExitCode.USAGE, N_("There is no file or folder {path}."), path=p)
        if not inside(root, found):
            raise Fatal(ExitCode.USAGE, N_("{path} is outside the data repository."), path=p)


def _only(root: Path, found: list[Diagnostic], paths: list[str] | None) -> list[Diagnostic]:
    if not paths:
        return found
    wanted = {_rel(root, p) for p in paths}
    return [d for d in found if d.path in wanted or any(d.path.startswith(w.rstrip("/") + "/") for w in wanted)
            or any(w.startswith(d.path.rstrip("/") + "/") for w in wanted)]  # a folder's finding (a nested repository) is its files' too


def _rel(root: Path, path: str) -> str:
    p = Path(path)
    full = p.resolve() if p.is_absolute() or p.exists() else (root / p).resolve()
    try:
        return full.relative_to(root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()

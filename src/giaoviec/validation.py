"""`validate` as a function: read the registry, stream the assignments through their checks,
then check across files; keep what the paths ask for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from giaoviec import cache, checks, gitrev, repository
from giaoviec.amend import amendment_findings
from giaoviec.diagnostics import Diagnostic
from giaoviec.model import Assignment
from giaoviec.reader import Unreadable, read_file
from giaoviec.repository import Document, Repository

Progress = Callable[[int, int], None]
Visit = Callable[[Repository, Document], None]  # sees every Assignment as it is streamed


@dataclass(frozen=True)
class Validation:
    repo: Repository | None  # None when the answer came from the cache
    diagnostics: list[Diagnostic]
    files: int
    language: str


def validate(
    root: Path, paths: list[str] | None = None, today: dt.date | None = None,
    progress: Progress | None = None, use_cache: bool = False, visit: Visit | None = None, base: str | None = None,
) -> Validation:
    """Raises RepositoryError when the repository is unusable (GitError for a bad --base);
    data problems are diagnostics."""
    today = today or dt.date.today()
    listed = repository.list_files(root)
    use_cache = use_cache and base is None  # the answer would depend on the base revision too
    cache_key = cache.key(root, listed, today) if use_cache and cache.enabled() else None
    cached = cache.load(root, cache_key) if cache_key and visit is None else None
    if cached is not None:
        found, files, language = cached
        return Validation(None, _only(root, found, paths), files, language)
    repo, found = _validate(root, listed, today, progress, visit)
    if base is not None:
        with gitrev.checkout(root, base) as base_root:
            found = sorted(found + checks.locate(root, amendment_findings(base_root, root)))
    if cache_key:
        cache.store(root, cache_key, found, len(repo.files), repo.config.language)
    return Validation(repo, _only(root, found, paths), len(repo.files), repo.config.language)


def _validate(root: Path, listed: list[str], today: dt.date, progress: Progress | None, visit: Visit | None) -> tuple[Repository, list[Diagnostic]]:
    registry = repository.load_registry(root, listed)
    ctx = checks.context(registry.repo, today)
    found = list(registry.diagnostics)
    summaries = []

    def take(doc) -> None:
        nonlocal found
        found += checks.check_assignment(ctx, doc)
        summaries.append(repository.summarize(doc))
        if visit is not None:
            visit(registry.repo, doc)  # while the tasks are in memory: score needs no second read

    for doc in registry.assignments:
        take(doc)
    total = len(registry.assignment_files)
    with repository.collector_paused():
        for n, rel in enumerate(registry.assignment_files, 1):
            docs, diagnostics = read_file(root, rel)
            found += diagnostics
            for doc in docs:
                if isinstance(doc.model, Assignment):
                    take(doc)
                elif isinstance(doc.model, Unreadable):
                    registry.unreadable.add(doc.model.cadre)
            if progress is not None:
                progress(n, total)
    repo = repository.with_assignments(registry, summaries)
    found += checks.run(checks.context(repo, today))
    return repo, sorted(checks.locate(root, found))


def _only(root: Path, found: list[Diagnostic], paths: list[str] | None) -> list[Diagnostic]:
    if not paths:
        return found
    wanted = {_rel(root, p) for p in paths}
    return [d for d in found if d.path in wanted or any(d.path.startswith(w.rstrip("/") + "/") for w in wanted)]


def _rel(root: Path, path: str) -> str:
    p = Path(path)
    full = p.resolve() if p.is_absolute() or p.exists() else (root / p).resolve()
    try:
        return full.relative_to(root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()

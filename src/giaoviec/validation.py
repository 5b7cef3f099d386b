"""`validate` as a function: read the registry, stream the assignments through their checks,
then check across files; keep what the paths ask for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from giaoviec import checks, repository
from giaoviec.diagnostics import Diagnostic
from giaoviec.model import Assignment
from giaoviec.reader import Unreadable, read_file
from giaoviec.repository import Repository

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Validation:
    repo: Repository
    diagnostics: list[Diagnostic]


def validate(root: Path, paths: list[str] | None = None, today: dt.date | None = None, progress: Progress | None = None) -> Validation:
    """Raises RepositoryError when the repository is unusable; data problems are diagnostics."""
    registry = repository.load_registry(root)
    ctx = checks.context(registry.repo, today)
    found = list(registry.diagnostics)
    summaries = []

    def take(doc) -> None:
        nonlocal found
        found += checks.check_assignment(ctx, doc)
        summaries.append(repository.summarize(doc))

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
    found = checks.locate(root, found)
    if paths:
        wanted = {_rel(root, p) for p in paths}
        found = [d for d in found if d.path in wanted or any(d.path.startswith(w.rstrip("/") + "/") for w in wanted)]
    return Validation(repo, sorted(found))


def _rel(root: Path, path: str) -> str:
    p = Path(path)
    full = p.resolve() if p.is_absolute() or p.exists() else (root / p).resolve()
    try:
        return full.relative_to(root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()

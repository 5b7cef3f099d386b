"""`validate` as a function: load the repository, run the checks, keep what the paths ask for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from giaoviec import checks, repository
from giaoviec.diagnostics import Diagnostic
from giaoviec.repository import Repository


@dataclass(frozen=True)
class Validation:
    repo: Repository
    diagnostics: list[Diagnostic]


def validate(root: Path, paths: list[str] | None = None, today: dt.date | None = None) -> Validation:
    """Raises RepositoryError when the repository is unusable; data problems are diagnostics."""
    repo, found = repository.load(root)
    found = found + checks.run(repo, today)
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

"""`validate` as a function: the repository checked in one pass, answered from the cache when
nothing changed, with `--base` the amendments checked against a git revision; and what the paths
ask for kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from giaoviec.app.checking import Checking, Progress
from giaoviec.checks.amend import amendment_findings
from giaoviec.diagnostics import N_, Diagnostic, ExitCode, Fatal
from giaoviec.domain.semdiff import compare
from giaoviec.load import cache, gitrev, revisions
from giaoviec.load.documents import locate
from giaoviec.load.files import discover, inside


@dataclass(frozen=True)
class Validation:
    diagnostics: list[Diagnostic]  # those the paths ask for
    files: int
    language: str  # the configured language


def validate(
    root: Path, paths: list[str] | None = None, today: dt.date | None = None, progress: Progress | None = None,
    cache_folder: Path | None = None, base: str | None = None, fast_reader: bool = True,
) -> Validation:
    """Fatal when the repository is unusable or --base names no revision; data problems are diagnostics."""
    today = today or dt.date.today()
    check_paths(root, paths)
    listing = discover(root)
    use_cache = cache_folder is not None and base is None  # the answer would depend on the base revision too
    cache_key = cache.key(root, [*listing.files, *(f"{d.code}:{d.path}" for d in listing.problems)], today) if use_cache else None
    if cache_folder is not None and cache_key is not None:
        cached = cache.load(cache_folder, root, cache_key)
        if cached is not None:
            found, files, language = cached
            return Validation(_only(root, found, paths), files, language)
    checked = Checking(root, today, listing, progress, fast_reader).finish()
    found = checked.diagnostics
    if base is not None:
        found = sorted(found + amendments(root, base))
    if cache_folder is not None and cache_key is not None:
        cache.store(cache_folder, root, cache_key, found, checked.files, checked.repo.config.language)
    return Validation(_only(root, found, paths), checked.files, checked.repo.config.language)


def amendments(root: Path, base: str) -> list[Diagnostic]:
    """`amend.missing` for every change of an assigned term since `base` without an amendment."""
    with gitrev.checkout(root, base) as old:
        files = revisions.changed_files(old, root)
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
    return [d for d in found if d.path in wanted or any(d.path.startswith(w.rstrip("/") + "/") for w in wanted)]


def _rel(root: Path, path: str) -> str:
    p = Path(path)
    full = p.resolve() if p.is_absolute() or p.exists() else (root / p).resolve()
    try:
        return full.relative_to(root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()

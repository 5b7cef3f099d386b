"""Every write of giaoviec: to a temporary file in the target's folder, synced, then renamed over
it, so that a reader sees the old bytes or the new ones, never a part; a set of files (an import)
all or none; and one writer at a time for a folder.

A set is staged first (every temporary file written and synced), then a journal naming the renames
is written (atomically) in the repository root, then the renames are made and the journal removed.
Killed before the journal: nothing changed (only stray temporary files). Killed after: the next
writing command finds the journal and finishes the renames (`recover`).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.i18n import os_problem

JOURNAL = ".giaoviec-pending.json"
LOCK_WAIT = 30.0  # seconds a writer waits for another one on the same folder


def _temp(path: Path, data: bytes, mode: int | None = None) -> str:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".giaoviec-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(tmp, mode & 0o7777)
    except BaseException:
        _discard(tmp)
        raise
    return tmp


def write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replaces (or creates) `path` atomically; Fatal (exit 2) with the reason when it cannot."""
    try:
        tmp = _temp(path, data, mode)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        os.replace(tmp, path)
    except OSError as exc:
        _discard(tmp)
        raise cannot_write(path, exc) from None


@contextlib.contextmanager
def writing(path: Path) -> Iterator[BinaryIO]:
    """A file to write `path` through, a piece at a time: its bytes replace `path` atomically (synced,
    then renamed) when the block ends; on any error the temporary file is removed and nothing changes."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".giaoviec-", suffix=".tmp")
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        _discard(tmp)
        raise cannot_write(path, exc) from None
    except BaseException:
        _discard(tmp)
        raise


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes(path, text.encode(encoding))


def write_all(root: Path, files: list[tuple[Path, bytes]]) -> None:
    """Writes every file or none of them (see the module's note); Fatal (exit 2) when it cannot."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            staged.append((_temp(path, data), path))
        journal = {"renames": [[os.path.relpath(tmp, root), os.path.relpath(path, root)] for tmp, path in staged]}
        write_bytes(root / JOURNAL, json.dumps(journal, ensure_ascii=False).encode("utf-8"))
    except (OSError, Fatal) as exc:
        for tmp, _path in staged:
            _discard(tmp)
        if isinstance(exc, Fatal):
            raise
        raise cannot_write(Path(exc.filename or root), exc) from None
    recover(root)


def recover(root: Path) -> None:
    """Finishes the renames of a set whose writing was interrupted after it was staged."""
    journal = root / JOURNAL
    if not journal.exists():
        return
    try:
        renames = json.loads(journal.read_text(encoding="utf-8"))["renames"]
        for tmp, target in renames:
            if (root / tmp).exists():
                os.replace(root / tmp, root / target)
        journal.unlink()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise Fatal(ExitCode.REPOSITORY, N_("An interrupted write left {path}, which cannot be finished: {problem}."),
                    path=JOURNAL, problem=str(exc)) from None


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """One writer at a time in a folder (another process waits for it, up to LOCK_WAIT seconds):
    two `progress` runs on one file then both land, one after the other."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: no lock, the compare-before-replace still guards
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise Fatal(ExitCode.USAGE, N_("Another giaoviec command is writing in {path}; try again when it has finished."),
                                path=str(folder)) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)


def cannot_write(path: Path, exc: OSError) -> Fatal:
    return Fatal(ExitCode.USAGE, N_("Cannot write {path}: {problem}."), path=str(path), problem=os_problem(exc))


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)

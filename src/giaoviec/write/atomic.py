"""Every write of giaoviec: to a temporary file in the target's folder, synced, then renamed over
it, so that a reader sees the old bytes or the new ones, never a part; a set of files (an import,
a check-in) all or none; one writer at a time in a repository.

A replaced file keeps its permissions; a new one gets those the user's umask gives (never the
0600 of a temporary file). A file without any write permission (read-only) is never replaced.

A set is written under a journal, the tool's own (load/journal.py: in the repository's git folder
or the user's state folder, never in the tree): first the journal names the temporary files it is
about to write (`staging`), then they are written and synced, then the journal says `renaming`,
the renames are made and the journal removed. Killed while staging: nothing changed, and the next
writing command removes the temporary files. Killed while renaming: readers are told the write is
unfinished (`file.unfinished-write`) and the next writing command finishes the renames (`recover`).
The journal is obeyed only when every rename it names is of a giaoviec temporary file to its
neighbour inside the root, no link followed; and it records the digest of each target as it was
when the write began: a target changed since (by another program) is never replaced (the write
just staged is then abandoned whole; an interrupted one keeps that file as it was changed).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.i18n import os_problem
from giaoviec.load import journal as journals
from giaoviec.load.files import read_bounded

LOCK_WAIT = 30.0  # seconds a writer waits for another one on the same repository


def new_file_mode() -> int:
    """The permissions the user's umask gives a new file (what `open` would create)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _mode_for(path: Path) -> int:
    """The mode the new bytes of `path` get: its own when it exists (a read-only one is refused)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return new_file_mode()
    except OSError as exc:
        raise cannot_write(path, exc) from None
    if stat.S_ISREG(mode) and not mode & 0o222:
        raise Fatal(ExitCode.USAGE, N_("{path} is read-only; giaoviec does not change it. Nothing was written."), path=str(path),
                    hint=N_("Make the file writable first if the change is meant."))
    return stat.S_IMODE(mode)


def _fill(fd: int, tmp: str, data: bytes, mode: int) -> None:
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        _discard(tmp)
        raise


def write_bytes(path: Path, data: bytes) -> None:
    """Replaces (or creates) `path` atomically; Fatal (exit 2) with the reason when it cannot."""
    mode = _mode_for(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".giaoviec-", suffix=".tmp")
        _fill(fd, tmp, data, mode)
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
    mode = _mode_for(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".giaoviec-", suffix=".tmp")
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
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
    """Writes every file or none of them (see the module's note); Fatal (exit 2) when it cannot.
    The caller holds `locked(root)`; an unfinished write found first is finished first."""
    _recover(root)
    token = secrets.token_hex(8)
    planned: list[tuple[Path, Path, bytes, int]] = []
    for i, (path, data) in enumerate(files):
        planned.append((path.parent / f".giaoviec-{token}-{i}.tmp", path, data, _mode_for(path)))
    renames = [(_rel(root, tmp), _rel(root, path)) for tmp, path, _data, _mode in planned]
    try:
        before = {target: _digest(path) for (_tmp, target), (_t, path, _d, _m) in zip(renames, planned, strict=True)}
    except OSError as exc:
        raise cannot_write(Path(exc.filename or root), exc) from None
    journal = journals.journal_path(root)
    try:
        journal.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(journal, journals.encode(root, journals.STAGING, renames, before))
    except OSError as exc:
        raise cannot_write(journal, exc) from None
    try:
        for tmp, path, data, mode in planned:
            path.parent.mkdir(parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
            _fill(os.open(tmp, flags, 0o600), str(tmp), data, mode)
        write_bytes(journal, journals.encode(root, journals.RENAMING, renames, before))
    except (OSError, Fatal) as exc:
        for tmp, _path, _data, _mode in planned:
            _discard(str(tmp))
        with contextlib.suppress(OSError):
            journal.unlink()
        if isinstance(exc, Fatal):
            raise
        raise cannot_write(Path(exc.filename or root), exc) from None
    _recover(root, live=True)


def _digest(path: Path) -> str | None:
    """The digest of a file's content, None when there is no such file."""
    import hashlib

    try:
        return hashlib.sha256(read_bounded(path)).hexdigest()
    except FileNotFoundError:
        return None


def _rel(root: Path, path: Path) -> str:
    """`path` relative to the root, every link followed but its own name's (a write is never outside)."""
    rel = (Path(os.path.relpath(os.path.realpath(path.parent), os.path.realpath(root))) / path.name).as_posix()
    if rel == ".." or rel.startswith(("../", "./")) or os.path.isabs(rel):
        raise Fatal(ExitCode.USAGE, N_("{path} would be written outside the data repository (a link leads out of it); nothing was written."),
                    path=str(path))
    return rel


def recover(root: Path) -> None:
    """Finishes (or undoes, when it was still staging) a set whose writing was interrupted; the
    caller holds `locked(root)`. Fatal (exit 3) for a journal that cannot be obeyed."""
    _recover(root)


def _recover(root: Path, live: bool = False) -> None:
    """`live`: the renames of the write just staged (not an interrupted one): all of them or none."""
    try:
        found = journals.read(root)
    except journals.BadJournal as exc:
        raise _unusable(root, exc.said) from None
    if found is None:
        return
    real_root = os.path.realpath(root)
    for tmp, target in found.renames:
        tmp_path, target_path = root / tmp, root / target
        folder = os.path.realpath(tmp_path.parent)
        if not (folder == real_root or folder.startswith(real_root.rstrip(os.sep) + os.sep)) or target_path.is_symlink() \
                or tmp_path.is_symlink():
            raise _unusable(root, f"{target} lies outside the repository")
    try:
        pending = [(tmp, target) for tmp, target in found.renames if os.path.lexists(root / tmp)]
        # a target changed since the write began (by another program) is never replaced
        changed = {target for _tmp, target in pending if found.before.get(target, "?") not in ("?", _digest(root / target))}
        if live and changed:
            for tmp, _target in pending:
                os.unlink(root / tmp)
            found.path.unlink(missing_ok=True)
            raise Fatal(ExitCode.USAGE, N_("{path} changed while it was being edited; nothing was written: run the command again."),
                        path=min(changed))
        for tmp, target in pending:
            if found.state == journals.RENAMING and target not in changed:
                os.replace(root / tmp, root / target)
            else:  # still staging: nothing was put in place; or changed by hand after the interruption: kept
                os.unlink(root / tmp)
        found.path.unlink(missing_ok=True)
    except OSError as exc:
        raise _unusable(root, os_problem(exc)) from None


def _unusable(root: Path, problem: object) -> Fatal:
    return Fatal(ExitCode.REPOSITORY, N_("An interrupted write left {path}, which cannot be finished: {problem}."),
                 path=str(journals.journal_path(root)), problem=problem,
                 hint=N_("Check the files it names, then delete it."))


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """One writer at a time in a repository (another process waits for it, up to LOCK_WAIT seconds):
    two `progress` runs on one file then both land, one after the other. The lock file sits beside
    the journal (filelock: the same on Windows and POSIX)."""
    from filelock import FileLock, Timeout

    path = journals.journal_path(root).with_suffix(".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        with FileLock(str(path), timeout=LOCK_WAIT):
            yield
    except Timeout:
        raise Fatal(ExitCode.USAGE, N_("Another giaoviec command is writing in {path}; try again when it has finished."),
                    path=str(root)) from None


def cannot_write(path: Path, exc: OSError) -> Fatal:
    return Fatal(ExitCode.USAGE, N_("Cannot write {path}: {problem}."), path=str(path), problem=os_problem(exc))


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


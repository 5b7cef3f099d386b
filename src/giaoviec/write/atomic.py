"""Every write of giaoviec: to a temporary file in the target's folder, then renamed over it, so
that a reader sees the old bytes or the new ones, never a part."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from giaoviec.diagnostics import N_, ExitCode, Fatal


def write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replaces (or creates) `path` atomically; Fatal (exit 2) with the reason when it cannot."""
    folder = path.parent
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".giaoviec-", suffix=".tmp")
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(tmp, mode & 0o7777)
        os.replace(tmp, path)
    except OSError as exc:
        _discard(tmp)
        raise cannot_write(path, exc) from None
    except BaseException:
        _discard(tmp)
        raise


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes(path, text.encode(encoding))


def cannot_write(path: Path, exc: OSError) -> Fatal:
    return Fatal(ExitCode.USAGE, N_("Cannot write {path}: {problem}."), path=str(path), problem=exc.strerror or str(exc))


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)

"""A JSON file of giaoviec's own (the cache's entries, the kept languages) written whole or not at all."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path


def write_json(target: Path, data: object) -> None:
    """`data` as JSON at `target`, whole or not at all (a temporary file renamed over it); a cache that
    cannot be written is not written (it is read again next time)."""
    write_text(target, json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":")))  # in C, unlike json.dump


def write_text(target: Path, text: str) -> None:
    """`text` (UTF-8) at `target`, whole or not at all, as `write_json` writes."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    data = text.encode("utf-8")
    for attempt in range(100):  # a name of our own, made here and nowhere else (O_EXCL): not tempfile's import
        temporary = target.with_name(f".{target.name}.{os.getpid()}.{attempt}.tmp")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)  # (as tempfile made it)
        except FileExistsError:
            continue
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return

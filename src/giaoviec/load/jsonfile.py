"""A JSON file of giaoviec's own (the cache's entries, the kept languages) written whole or not at all."""

from __future__ import annotations

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
        import tempfile  # (random, shutil: for a write, not for an answer)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp") as out:
            out.write(text)
        os.replace(out.name, target)
    except OSError:
        pass

"""Where the data repository is and which of its files are giaoviec data."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

CONFIG_FILE = "giaoviec.yaml"
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".giaoviec-cache"})
API_LINE = re.compile(rb"^(?:\xef\xbb\xbf)?apiVersion:[ \t]*[\"']?giaoviec/", re.MULTILINE)


def is_giaoviec_file(raw: bytes) -> bool:
    """A line `apiVersion: giaoviec/…` (after an optional BOM) makes a YAML file giaoviec data."""
    return API_LINE.search(raw) is not None


def find_root(start: Path) -> Path | None:
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    return None


def list_files(root: Path) -> list[str]:
    """Relative POSIX paths of the YAML files under root; what git ignores is left out."""
    listed = _git_files(root)
    if listed is None:
        listed = []
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            rel = Path(folder).relative_to(root)
            listed += [(rel / f).as_posix() for f in names if f.endswith((".yaml", ".yml"))]
    return sorted(p for p in listed if (root / p).is_file())


def _git_files(root: Path) -> list[str] | None:
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard",
             "--", "*.yaml", "*.yml"],
            capture_output=True, check=False, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return sorted({p for p in proc.stdout.decode("utf-8", "replace").split("\0") if p})

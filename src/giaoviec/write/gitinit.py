"""The git side of `giaoviec init`: a new repository where there is none, and its first commit."""

from __future__ import annotations

import subprocess
from pathlib import Path


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=False, timeout=120)


def inside_work_tree(folder: Path) -> bool:
    try:
        return _git(folder, "rev-parse", "--is-inside-work-tree").stdout.strip() == "true"
    except (OSError, subprocess.TimeoutExpired):
        return False


def init(folder: Path) -> str | None:
    """`git init` with the branch main; the problem, or None."""
    try:
        proc = _git(folder, "init", "-q", "-b", "main")
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    return None if proc.returncode == 0 else (proc.stderr.strip() or "git init failed")


def commit_all(folder: Path, message: str) -> str | None:
    """Adds every file and commits; the problem (no git identity, say), or None."""
    try:
        for args in (("add", "-A"), ("commit", "-q", "-m", message)):
            proc = _git(folder, *args)
            if proc.returncode != 0:
                return proc.stderr.strip() or f"git {args[0]} failed"
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    return None

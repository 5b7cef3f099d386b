"""When each file of the data repository was last recorded, from git: the history that tells
whether a council scored a task before its facts changed. None of it when there is no git."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Recorded:
    commit: str | None  # None: changed in the work tree, not committed yet
    age: int  # 0 for the work tree, then 1, 2, … from the newest commit back (children before parents)

    def after(self, other: Recorded) -> bool:
        return self.age < other.age


@dataclass(frozen=True)
class History:
    root: Path
    prefix: str  # the data repository's folder inside the git work tree ("" at its top)
    recorded: dict[str, Recorded]  # path (relative to root) → its last recording

    def text_at(self, commit: str, rel: str) -> str | None:
        """The file as it was in a commit (None if it did not exist there)."""
        out = _git(self.root, "show", f"{commit}:{self.prefix}{rel}")
        return out.decode("utf-8-sig", "replace") if out is not None else None


def _git(root: Path, *args: str) -> bytes | None:
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout if proc.returncode == 0 else None


def history(root: Path, paths: list[str]) -> History | None:
    """The last recording of each path: its last commit, or "now" when the work tree changed it.
    None when root is not in a git work tree with commits (the dates in the files decide then)."""
    top = _git(root, "rev-parse", "--show-prefix")
    if top is None or _git(root, "rev-parse", "--verify", "--quiet", "HEAD") is None:
        return None
    prefix = top.decode().strip()
    recorded: dict[str, Recorded] = {}
    if paths:
        log = _git(root, "log", "--topo-order", "--format=\x01%H", "--name-only", "--no-renames", "--", *paths) or b""
        commit, age = "", 0
        for line in log.decode("utf-8", "replace").splitlines():
            if line.startswith("\x01"):
                commit, age = line[1:].strip(), age + 1
            elif line.strip():
                rel = line.strip().removeprefix(prefix)
                recorded.setdefault(rel, Recorded(commit, age))
        status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *paths) or b""
        for line in status.decode("utf-8", "replace").splitlines():
            rel = line[3:].strip().strip('"').removeprefix(prefix)
            if rel:
                recorded[rel] = Recorded(None, 0)
    return History(root, prefix, recorded)

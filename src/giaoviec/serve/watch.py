"""What `serve` looks at on each request to know whether the files may have changed: the tree's
folders (`Tree`, one stat a folder), git's folder and its HEAD. Split from serve/engine.py, which
acts on what this says."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from giaoviec.load.files import SKIP_DIRS


def git_dir(root: Path) -> Path | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "--absolute-git-dir"], capture_output=True, text=True,
                             timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None


class Tree:
    """What the listing of the files depends on: every folder of the tree (as `discover` walks it)
    with the names of its YAML files and folders (every link's target too, and whether it exists) and whether it holds a
    .gitignore; the .gitignore files' and git's index and exclude file's times. Looked at again by
    one stat of each folder: only a folder whose times changed (a file added, removed, renamed, or
    written through a temporary file, write/atomic.py) is listed again, and the listing is taken
    again only when what it holds changed."""

    def __init__(self, root: Path, git_dir: Path | None):
        self.root, self.git_dir = root, git_dir
        self.folders: dict[str, tuple] = {}  # folder → (its stamp, what it holds)
        self.extra: list = []
        self.walk()

    def walk(self) -> None:
        """Every folder as `os.walk` goes through them (links to folders listed, not followed), one
        `scandir` a folder (its entries' kinds come with it: no stat but the folder's own)."""
        self.folders = {}
        pending = [str(self.root)]
        while pending:
            folder = pending.pop()
            stamp = _stamp(folder)
            looked = _look(folder)
            if looked is None:
                self.folders.setdefault(folder, (None, "error"))
                continue
            self.folders[folder] = (stamp, looked[1])
            pending += [os.path.join(folder, d) for d in looked[0] if d not in looked[2]]
        self.extra = self._extra()

    def _extra(self) -> list:
        files = [os.path.join(f, ".gitignore") for f, (_s, held) in self.folders.items() if held != "error" and held[3]]
        if self.git_dir is not None:
            files += [str(self.git_dir / name) for name in ("index", "info/exclude", "HEAD")]
        return [(f, _stamp(f)) for f in files]

    def changed(self) -> bool:
        """Whether the listing may differ from the last walk's (then walked again)."""
        moved = False
        for folder, (stamp, held) in list(self.folders.items()):
            now = _stamp(folder)
            if now == stamp:
                continue
            looked = _look(folder)
            if looked is None or looked[1] != held:
                moved = True
                break
            self.folders[folder] = (now, held)
        if moved or self._extra() != self.extra:
            self.walk()
            return True
        return False


def _stamp(path: str) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_size


def _look(folder: str) -> tuple[list[str], tuple, set[str]] | None:
    """(the folders in it, what it holds, the links among them), or None when it cannot be listed. What
    it holds names every link with where it leads and whether that exists: a link replaced by another
    under the same name (a broken one by a valid one, a folder's link retargeted) changes the listing."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return None
    dirs, names, links = [], [], set()
    for e in entries:
        try:
            is_dir, is_link = e.is_dir(), e.is_symlink()
        except OSError:
            is_dir = is_link = False
        if not is_dir:
            names.append(e.name)
        elif e.name not in SKIP_DIRS:
            dirs.append(e.name)
        else:
            continue
        if is_link:
            links.add(e.name)
    dirs.sort()
    targets = tuple((n, os.path.realpath(os.path.join(folder, n)), os.path.exists(os.path.join(folder, n))) for n in sorted(links))
    held = (tuple(dirs), targets, tuple(sorted(n for n in names if n.lower().endswith((".yaml", ".yml")))), ".gitignore" in names)
    return dirs, held, links


def git_head(root: Path) -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "--verify", "--quiet", "HEAD"], capture_output=True,
                             text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


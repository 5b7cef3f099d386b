"""Whether what the listing names lies inside the repository, links followed: a file (`inside`), a
folder of the listing (`folder_inside`: its parent's answer unless it is itself a link, the links of a
folder found by one `scandir` of its parent), and a link not named like a YAML file (`link_out`)."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, with every link followed, lies inside `root`."""
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
        return True
    except ValueError:
        return False


def folder_inside(root: Path, real_root: str, folder: str, known: dict[str, bool], linked: dict[str, set[str] | None]) -> bool:
    """Whether a folder of the listing lies inside the root: its parent's answer, unless it is itself a link."""
    if not folder:
        return True
    parent, _, name = folder.rpartition("/")
    if parent not in known:
        known[parent] = folder_inside(root, real_root, parent, known, linked)
    if not known[parent]:
        return False
    if parent not in linked:
        linked[parent] = _links_in(os.path.join(root, parent))
    links = linked[parent]
    if links is not None and name not in links:
        return True
    try:
        if not stat.S_ISLNK(os.lstat(os.path.join(root, folder)).st_mode):
            return True
    except OSError:
        return True  # what cannot be looked at is reported when its files are
    return under(real_root, os.path.realpath(os.path.join(root, folder)))


def _links_in(folder: str) -> set[str] | None:
    """The names of the links in a folder, by one `scandir` (a folder of many cadres' folders is looked
    at once, not a folder at a time); None when it cannot be read (each folder is then looked at)."""
    try:
        with os.scandir(folder) as entries:
            return {e.name for e in entries if e.is_symlink()}
    except OSError:
        return None


def outermost(folder: str, known: dict[str, bool]) -> str:
    """The folder (itself or an ancestor) that is the link out of the root a listed folder lies under."""
    while (parent := os.path.dirname(folder)) and not known.get(parent, True):
        folder = parent
    return folder


def under(real_root: str, real: str) -> bool:
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def link_out(root: Path, real_root: str, rel: str) -> bool:
    """Whether a link not named like a YAML file is to be reported as leading out of the root: a link
    to a folder, or a broken one, whose target is outside (where its files would be read, a link out
    of the root is never followed). A link to a regular file is not data by its name, like any file
    that is not YAML, and a link inside the root is not followed (what it leads to is read there)."""
    path = os.path.join(root, rel)
    if under(real_root, os.path.realpath(path)):
        return False
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True  # broken, or a loop: what it would lead to is out of the root

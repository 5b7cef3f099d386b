"""The journal of an unfinished write (an import, a check-in): where it is kept, and what it says.

It is the tool's own, kept where no commit can put it: in the git folder of the repository
(`.git/giaoviec/`: git refuses to track a path through `.git`), or, for a folder that is not in a
git work tree, in the user's state folder (the one the cache lives in). A file named like the
journal of versions before this one (`.giaoviec-pending.json` at the root) is never obeyed: it is
reported (`file.journal-in-tree`).

A journal names its renames as paths relative to the root, each a temporary file
`.giaoviec-<token>-<n>.tmp` beside its target; one that names anything else is not obeyed either.
While its state is `renaming`, some targets may be new and others old: a reader is told
(`file.unfinished-write`) until the next writing command finishes the renames.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

IN_TREE = ".giaoviec-pending.json"  # where versions before this one kept it: never read
STAGING, RENAMING = "staging", "renaming"
TEMP_NAME = re.compile(r"\.giaoviec-[0-9a-f]{16}-[0-9]{1,6}\.tmp")

_state_folder: Path | None = None


def use_state_folder(folder: Path | None) -> None:
    """The user's folder for giaoviec's own files (the command line sets it from the environment)."""
    global _state_folder
    _state_folder = folder


def git_folder(root: Path) -> Path | None:
    """The git folder of the work tree holding `root` (a `.git` folder, or the one a `.git` file of a
    linked work tree names), or None."""
    real = Path(os.path.realpath(root))
    for folder in (real, *real.parents):
        dot = folder / ".git"
        try:
            if dot.is_dir():
                return dot
            if dot.is_file():
                with dot.open("rb") as f:
                    line = f.read(4096).decode("utf-8", "replace").strip()
                if line.startswith("gitdir:"):
                    named = (folder / line[len("gitdir:"):].strip()).resolve()
                    return named if named.is_dir() else None
                return None
        except OSError:
            return None
    return None


def journal_path(root: Path) -> Path:
    """Where the journal of `root` is (whether or not there is one)."""
    import hashlib  # not for a run that writes nothing and finds no git folder: --help loads none

    key = hashlib.sha256(os.path.realpath(root).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    git = git_folder(root)
    if git is not None:
        return git / "giaoviec" / f"pending-{key}.json"
    base = _state_folder if _state_folder is not None else Path.home() / ".cache" / "giaoviec"
    return base / "journals" / f"pending-{key}.json"


@dataclass(frozen=True)
class Journal:
    path: Path
    state: str  # STAGING | RENAMING
    renames: tuple[tuple[str, str], ...]  # (temporary file, target), relative POSIX paths under the root
    before: dict[str, str | None]  # target → the digest of its content when the write began (None: it did not exist)


class BadJournal(ValueError):
    """A journal that cannot be read or names something it may not: never obeyed."""


def _relative(value: object) -> str:
    if not isinstance(value, str) or not value or "\\" in value or "\0" in value:
        raise BadJournal(f"not a relative path: {value!r}")
    p = PurePosixPath(value)
    if p.is_absolute() or any(part in ("", ".", "..") for part in value.split("/")):
        raise BadJournal(f"not a relative path: {value!r}")
    return value


def read(root: Path) -> Journal | None:
    """The journal of `root`, None when there is none; BadJournal when it cannot be obeyed."""
    path = journal_path(root)
    try:
        with path.open("rb") as f:
            raw = f.read(1 << 28)  # an import of a province: a few MB
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise BadJournal(str(exc)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
        state, renames = data["state"], data["renames"]
        if data.get("root") != os.path.realpath(root) or state not in (STAGING, RENAMING) or not isinstance(renames, list):
            raise BadJournal("not a journal of this repository")
        pairs = []
        for tmp, target in renames:
            tmp, target = _relative(tmp), _relative(target)
            tmp_p, target_p = PurePosixPath(tmp), PurePosixPath(target)
            if tmp_p.parent != target_p.parent or not TEMP_NAME.fullmatch(tmp_p.name):
                raise BadJournal(f"not a temporary file of giaoviec beside its target: {tmp}")
            pairs.append((tmp, target))
        before = data.get("before", {})
        if not isinstance(before, dict) or not all(v is None or isinstance(v, str) for v in before.values()):
            raise BadJournal("not a journal of this repository")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BadJournal(str(exc)) from None
    return Journal(path, state, tuple(pairs), before)


def encode(root: Path, state: str, renames: list[tuple[str, str]], before: dict[str, str | None] | None = None) -> bytes:
    return json.dumps({"root": os.path.realpath(root), "state": state, "renames": renames, "before": before or {}},
                      ensure_ascii=False).encode("utf-8")


def unfinished(root: Path) -> tuple[list[str], str | None]:
    """For a reader: the targets of a write interrupted while its files were being put in place
    (some may be new, others old), and the problem of a journal that cannot be read."""
    try:
        journal = read(root)
    except BadJournal as exc:
        return [], str(exc)
    if journal is None or journal.state != RENAMING:
        return [], None  # nothing in the tree has changed yet (only temporary files were written)
    return [target for _tmp, target in journal.renames], None

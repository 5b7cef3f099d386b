"""The journal of an unfinished write (an import, a check-in): where it is kept, and what it says.

It is the tool's own, kept where no commit can put it: in the git folder of the repository
(`.git/giaoviec/`: git refuses to track a path through `.git`), or, for a folder that is not in a
git work tree, in the user's state folder (the one the cache lives in). A file named like the
journal of versions before this one (`.giaoviec-pending.json` at the root) is never obeyed: it is
reported (`file.journal-in-tree`).

A journal is obeyed only when it is this user's giaoviec's own: it is signed (HMAC-SHA256) with a
random key kept in the user's state folder (`journal.key`, outside every repository, readable by the
user only), so a journal that a copy of the tree carries in a `.git` of its own (a zip, a shared
folder) is reported and never obeyed; a `.git` file naming a folder inside the work tree is not a
git folder at all.

A journal names its renames as paths relative to the root, each a temporary file
`.giaoviec-<token>-<n>.tmp` beside its target; one that names anything else is not obeyed either.
While its state is `renaming`, some targets may be new and others old: a reader is told
(`file.unfinished-write`) until the next writing command finishes the renames.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from giaoviec.i18n import N_, Phrase, os_problem, phrase

IN_TREE = ".giaoviec-pending.json"  # where versions before this one kept it: never read
STAGING, RENAMING = "staging", "renaming"
KEY_NAME = "journal.key"  # in the state folder: the user's own key that signs every journal
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
                    # a git folder inside the work tree that names it is one a copy of the tree can carry
                    return named if named.is_dir() and not named.is_relative_to(folder) else None
                return None
        except OSError:
            return None
    return None


def _state() -> Path:
    return _state_folder if _state_folder is not None else Path.home() / ".cache" / "giaoviec"


def journal_path(root: Path) -> Path:
    """Where the journal of `root` is (whether or not there is one)."""
    import hashlib  # not for a run that writes nothing and finds no git folder: --help loads none

    key = hashlib.sha256(os.path.realpath(root).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    git = git_folder(root)
    if git is not None:
        return git / "giaoviec" / f"pending-{key}.json"
    return _state() / "journals" / f"pending-{key}.json"


def _key(create: bool) -> bytes | None:
    """The user's own key that signs every journal, in the state folder (outside every repository),
    made on first use, readable by the user only; None when there is none and `create` is false."""
    path = _state() / KEY_NAME
    try:
        with path.open("rb") as f:
            key = f.read(64)
        if len(key) == 32 or not create:
            return key if len(key) == 32 else None
    except FileNotFoundError:
        if not create:
            return None
    import secrets

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{KEY_NAME}-{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, secrets.token_bytes(32))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        if path.exists():  # a damaged key: replaced (a journal it signed is reported, never obeyed)
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # two first uses at once: the first key wins, both use it
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links
        if not path.exists():
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    with path.open("rb") as f:
        return f.read(64)


def _mac(key: bytes, body: str) -> str:
    import hashlib
    import hmac

    return hmac.new(key, body.encode("utf-8", "surrogateescape"), hashlib.sha256).hexdigest()


def _same(a: str, b: str) -> bool:
    import hmac

    return hmac.compare_digest(a.encode("ascii", "replace"), b.encode("ascii"))


@dataclass(frozen=True)
class Journal:
    path: Path
    state: str  # STAGING | RENAMING
    renames: tuple[tuple[str, str], ...]  # (temporary file, target), relative POSIX paths under the root
    before: dict[str, str | None]  # target → the digest of its content when the write began (None: it did not exist)


class BadJournal(ValueError):
    """A journal that cannot be read or names something it may not: never obeyed. `said`: why, in
    the reader's language when shown."""

    def __init__(self, said: Phrase | str) -> None:
        super().__init__(str(said))
        self.said = said


def _relative(value: object) -> str:
    if not isinstance(value, str) or not value or "\\" in value or "\0" in value:
        raise BadJournal(phrase(N_("a path it names is not a path inside the repository: {value}"), value=repr(value)))
    p = PurePosixPath(value)
    if p.is_absolute() or any(part in ("", ".", "..") for part in value.split("/")):
        raise BadJournal(phrase(N_("a path it names is not a path inside the repository: {value}"), value=repr(value)))
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
        raise BadJournal(os_problem(exc)) from None
    try:
        signed = json.loads(raw.decode("utf-8"))
        body, mac = signed["journal"], signed["mac"]
        key = _key(create=False)
        if not isinstance(body, str) or not isinstance(mac, str) or key is None or not _same(mac, _mac(key, body)):
            raise KeyError("mac")
    except (ValueError, KeyError, TypeError, AttributeError, OSError):
        raise BadJournal(phrase(N_("it was not made by this user's giaoviec (it is not signed with the key in the user's state folder)"))) from None
    try:
        data = json.loads(body)
        state, renames = data["state"], data["renames"]
        if data.get("root") != os.path.realpath(root) or state not in (STAGING, RENAMING) or not isinstance(renames, list):
            raise BadJournal(phrase(N_("it is not a journal of this repository")))
        pairs = []
        for tmp, target in renames:
            tmp, target = _relative(tmp), _relative(target)
            tmp_p, target_p = PurePosixPath(tmp), PurePosixPath(target)
            if tmp_p.parent != target_p.parent or not TEMP_NAME.fullmatch(tmp_p.name):
                raise BadJournal(phrase(N_("a file it names is not a temporary file of giaoviec beside its target: {file}"), file=tmp))
            pairs.append((tmp, target))
        before = data.get("before", {})
        if not isinstance(before, dict) or not all(v is None or isinstance(v, str) for v in before.values()):
            raise BadJournal(phrase(N_("it is not a journal of this repository")))
    except BadJournal:
        raise
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BadJournal(phrase(N_("it cannot be read as a journal of giaoviec"))) from None
    return Journal(path, state, tuple(pairs), before)


def encode(root: Path, state: str, renames: list[tuple[str, str]], before: dict[str, str | None] | None = None) -> bytes:
    """The journal's bytes, signed with the user's key (made on first use: OSError when it cannot be)."""
    body = json.dumps({"root": os.path.realpath(root), "state": state, "renames": renames, "before": before or {}},
                      ensure_ascii=False)
    key = _key(create=True)
    if key is None or len(key) != 32:
        raise OSError(f"cannot make the key {_state() / KEY_NAME}")
    return json.dumps({"journal": body, "mac": _mac(key, body)}, ensure_ascii=False).encode("utf-8")


def unfinished(root: Path) -> tuple[list[str], Phrase | str | None]:
    """For a reader: the targets of a write interrupted while its files were being put in place
    (some may be new, others old), and the problem of a journal that cannot be read."""
    try:
        journal = read(root)
    except BadJournal as exc:
        return [], exc.said
    if journal is None or journal.state != RENAMING:
        return [], None  # nothing in the tree has changed yet (only temporary files were written)
    return [target for _tmp, target in journal.renames], None

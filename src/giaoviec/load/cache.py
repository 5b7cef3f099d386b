"""A cache of validate's findings, keyed by the content of every file, the tool itself and the day.

Safe to delete at any time. It lives outside the data repository (the folder is chosen by the
command line from the environment: $GIAOVIEC_CACHE_DIR, else $XDG_CACHE_HOME/giaoviec, else
~/.cache/giaoviec; none under CI, where every run is cold anyway) so that no pull request can
bring a forged entry with it, and it is JSON (never pickle: nothing read from disk is ever run). A change of any byte of any file read, of the
set of files, of the tool's own files (code, profiles, catalogs) or of the date gives a new key:
a stale answer is impossible by construction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

from giaoviec import __version__
from giaoviec.diagnostics import Diagnostic, Severity
from giaoviec.i18n import Phrase

FORMAT = 3


@cache
def tool_fingerprint() -> str:
    """The version and the content of every file of the package: a new build is a new cache."""
    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent.parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def key(root: Path, files: list[str], today: dt.date) -> str:
    h = hashlib.sha256(f"{FORMAT}\0{tool_fingerprint()}\0{today.isoformat()}\0".encode())
    for rel in files:
        try:
            content = hashlib.sha256((root / rel).read_bytes()).digest()
        except OSError:
            content = b"unreadable"
        h.update(rel.encode() + b"\0" + content)
    return h.hexdigest()


def _entry(folder: Path, root: Path) -> Path:
    return folder / (hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24] + ".json")


def load(folder: Path, root: Path, cache_key: str) -> tuple[list[Diagnostic], int, str] | None:
    """(diagnostics, number of files read, configured language), or None on any doubt."""
    try:
        data = json.loads(_entry(folder, root).read_text(encoding="utf-8"))
        if data.get("key") != cache_key:
            return None
        diagnostics = [
            Diagnostic(d["path"], d["line"], d["column"], d["code"], Severity(d["severity"]), d["message"], d["hint"],
                       tuple((name, _thaw(value)) for name, value in d["args"]), None, d["excerpt"])
            for d in data["diagnostics"]
        ]
        return diagnostics, int(data["files"]), str(data["language"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(folder: Path, root: Path, cache_key: str, diagnostics: list[Diagnostic], files: int, language: str) -> None:
    """Writes the entry atomically; a cache that cannot be written is simply not kept."""
    data = {
        "key": cache_key, "files": files, "language": language,
        "diagnostics": [
            {"path": d.path, "line": d.line, "column": d.column, "code": d.code, "severity": d.severity.value,
             "message": d.message, "hint": d.hint, "args": [[n, _freeze(v)] for n, v in d.args], "excerpt": d.excerpt}
            for d in diagnostics
        ],
    }
    target = _entry(folder, root)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp") as out:
            json.dump(data, out, ensure_ascii=False, default=str)
        os.replace(out.name, target)
    except OSError:
        pass


def _freeze(value: object) -> object:
    """An argument as JSON: a Phrase (or a tuple of them) keeps its msgid so it is translated later."""
    if isinstance(value, Phrase):
        return {"phrase": value.id, "args": [[n, _freeze(v)] for n, v in value.args]}
    if isinstance(value, tuple) and value and all(isinstance(v, Phrase) for v in value):
        return {"phrases": [_freeze(v) for v in value]}
    return value


def _thaw(value: object) -> object:
    if isinstance(value, dict) and "phrase" in value:
        return Phrase(value["phrase"], tuple((n, _thaw(v)) for n, v in value["args"]))
    if isinstance(value, dict) and "phrases" in value:
        return tuple(_thaw(v) for v in value["phrases"])
    return value

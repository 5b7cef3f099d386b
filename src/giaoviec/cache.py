"""A cache of validate's findings, keyed by the content of every file, the tool itself and the day.

Safe to delete at any time. It lives outside the data repository (in $GIAOVIEC_CACHE_DIR, else
$XDG_CACHE_HOME/giaoviec, else ~/.cache/giaoviec) so that no pull request can bring a forged
entry with it, it is JSON (never pickle: nothing read from disk is ever run), and it is not used
under CI (CI=true), where every run is cold anyway. A change of any byte of any file read, of the
set of files, of the tool's own files (code, profiles, catalogs) or of the date gives a new key:
a stale answer is impossible by construction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from giaoviec import __version__
from giaoviec.diagnostics import Diagnostic, Msg, Severity

FORMAT = 1


def enabled() -> bool:
    return os.environ.get("CI", "").lower() not in ("1", "true", "yes") and os.environ.get("GIAOVIEC_NO_CACHE", "") == ""


def folder() -> Path:
    explicit = os.environ.get("GIAOVIEC_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "giaoviec"


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The version and the content of every file of the package: a new build is a new cache."""
    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
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


def _entry(root: Path) -> Path:
    return folder() / (hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24] + ".json")


def load(root: Path, cache_key: str) -> tuple[list[Diagnostic], int, str] | None:
    """(diagnostics, number of files read, configured language), or None on any doubt."""
    try:
        data = json.loads(_entry(root).read_text(encoding="utf-8"))
        if data.get("key") != cache_key:
            return None
        diagnostics = [
            Diagnostic(d["path"], d["line"], d["column"], d["code"], Severity(d["severity"]), d["message"], d["hint"],
                       tuple((name, Msg(value) if is_msg else value) for name, value, is_msg in d["args"]))
            for d in data["diagnostics"]
        ]
        return diagnostics, int(data["files"]), str(data["language"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(root: Path, cache_key: str, diagnostics: list[Diagnostic], files: int, language: str) -> None:
    """Writes the entry atomically; a cache that cannot be written is simply not kept."""
    data = {
        "key": cache_key, "files": files, "language": language,
        "diagnostics": [
            {"path": d.path, "line": d.line, "column": d.column, "code": d.code, "severity": d.severity.value,
             "message": d.message, "hint": d.hint, "args": [[n, v, isinstance(v, Msg)] for n, v in d.args]}
            for d in diagnostics
        ],
    }
    target = _entry(root)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp") as out:
            json.dump(data, out, ensure_ascii=False, default=str)
        os.replace(out.name, target)
    except OSError:
        pass

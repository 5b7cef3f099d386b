"""The cache of validate: the whole answer, and each file's own findings, keyed by content.

Safe to delete at any time. It lives outside the data repository (the folder is chosen by the
command line from the environment: $GIAOVIEC_CACHE_DIR, else $XDG_CACHE_HOME/giaoviec, else
~/.cache/giaoviec; none under CI, where every run is cold anyway) so that no pull request can
bring a forged entry with it, and it is JSON (never pickle: nothing read from disk is ever run).

Per repository, one JSON file of answers, one of per-file entries and one of the registry as parsed:

- the whole answer, keyed by the digest of every listed file, the tool itself (code, profiles,
  catalogs) and the day: when nothing changed, validate answers from it without parsing anything;
- per Assignment file, what the checks across files need of it (its summaries, its unreadable
  documents) and its own findings, keyed by the digest of its content under a *context*: the tool,
  the day, the content of every registry file (units, cadres, profiles, councils, config) and
  whether the repository has git history — everything a check of one assignment reads. One
  changed file is read and checked again; the others come from their entries (a line each in a
  file of their own, written back as read: load/cachelines.py), and the checks across files run
  again on all the summaries;
- in a file of its own, each registry file's documents as their models' JSON, keyed by the file's
  digest and the tool: read back through the models (validated, not trusted) when one assignment
  changed, instead of parsing 10,000 units again; never read for the whole answer.

A change of any byte of a file read, of the tool's files or of the date gives a new key: no stale answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from giaoviec import __version__
from giaoviec.diagnostics import Diagnostic, Severity
from giaoviec.load import cachelines
from giaoviec.load.cachecodec import _freeze, _thaw, decode, encode, kinds, summary_of
from giaoviec.load.jsonfile import write_json

if TYPE_CHECKING:  # the whole answer is read without them: models are loaded only to check a file again
    from giaoviec.load.documents import Document
    from giaoviec.load.repository import AssignmentSummary

FORMAT = 5


@cache
def tool_fingerprint() -> str:
    """The version and the content of every file of the package: a new build is a new cache."""
    h, base = hashlib.sha256(__version__.encode()), str(Path(__file__).parent.parent)
    found: list[str] = []
    for folder, dirs, files in os.walk(base):  # (os.walk and open, not pathlib's rglob: a third of the time)
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        rel = folder[len(base) + 1:].replace(os.sep, "/")
        found += [f"{rel}/{f}" if rel else f for f in files]
    for name in sorted(found):
        with open(os.path.join(base, name), "rb") as fh:
            h.update(name.encode() + hashlib.sha256(fh.read()).digest())
    return h.hexdigest()


def _keyed(head: str, pairs: Iterable[tuple[str, str]]) -> str:
    h = hashlib.sha256(f"{FORMAT}\0{tool_fingerprint()}\0{head}\0".encode())
    for rel, content in pairs:
        h.update(rel.encode() + b"\0" + content.encode() + b"\n")
    return h.hexdigest()


def whole_key(digests: Mapping[str, str], problems: Iterable[str], today: dt.date) -> str:
    """The key of the whole answer: every listed file's digest, what could not be listed, the day."""
    return _keyed(today.isoformat(), [*sorted(digests.items()), *((p, "") for p in problems)])


def context_key(registry: Mapping[str, str], today: dt.date, history: bool) -> str:
    """The key every per-file entry is valid under: the registry's files, the day, git history or not."""
    return _keyed(f"{today.isoformat()}\0{history}", sorted(registry.items()))


@dataclass(frozen=True)
class FileResult:
    """What validate keeps of one Assignment file."""

    summaries: tuple[AssignmentSummary, ...]
    unreadable: tuple[Document, ...]
    diagnostics: tuple[Diagnostic, ...]  # located


@dataclass
class Memo:
    """The per-file entries valid under one context; `put` keeps what this run read."""

    context: str
    old: Mapping[str, Any]
    new: dict[str, Any] = field(default_factory=dict)
    old_registry: list | None = None  # the located findings of the checks that read the registry alone
    new_registry: list | None = None

    def registry(self) -> list[Diagnostic] | None:
        if self.old_registry is None:
            return None
        try:
            found = [_diagnostic(d) for d in self.old_registry]
        except (KeyError, TypeError, ValueError):
            return None
        self.new_registry = self.old_registry
        return found

    def keep_registry(self, found: list[Diagnostic]) -> None:
        self.new_registry = [_plain(d) for d in found]

    def get(self, rel: str, digest: str) -> FileResult | None:
        Document, Unreadable, _, _ = kinds()  # (the models: imported at the first entry read)
        kept = self.old.get(rel)  # the entry's JSON text as its line holds it (load/cachelines.py), or the entry
        try:
            entry = json.loads(kept) if isinstance(kept, str) else kept
            if not isinstance(entry, dict) or entry.get("digest") != digest:
                return None
            result = FileResult(
                tuple(summary_of(rel, s) for s in entry["summaries"]),
                tuple(Document(rel, int(u[0]), Unreadable(str(u[1]), tuple(u[2]), u[3], u[4], u[5])) for u in entry["unreadable"]),
                tuple(_diagnostic(d) for d in entry["diagnostics"]),
            )
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        self.new[rel] = kept  # (written back as it was read)
        return result

    def put(self, rel: str, digest: str, result: FileResult) -> None:
        self.new[rel] = {
            "digest": digest,
            "summaries": [[s.index, s.cadre, s.unit, s.program, s.period.start.isoformat(), s.period.end.isoformat(),
                           s.status, dict(s.weights)] for s in result.summaries],
            "unreadable": [[d.index, d.model.kind, list(d.model.cadres), d.model.unit, d.model.start, d.model.end]
                           for d in result.unreadable],
            "diagnostics": [_plain(d) for d in result.diagnostics],
        }


@dataclass
class Parsed:
    """The registry files (units, cadres, profiles, councils, config) as parsed, by digest: each
    document as its model's JSON, read back through the model (`model_validate_json`: validated, not
    trusted) — twice as fast as parsing the YAML, and a province's registry is the largest part of
    checking one changed assignment again. Only files that parsed without a finding and hold no
    Assignment are kept. A file of its own: the answer from the cache never reads it."""

    old: Mapping[str, Any]
    new: dict[str, Any] = field(default_factory=dict)

    def get(self, rel: str, digest: str) -> list[Document] | None:
        from pydantic import ValidationError

        from giaoviec.load.documents import Document
        from giaoviec.model import KINDS

        entry = self.old.get(rel)
        if not isinstance(entry, dict) or entry.get("digest") != digest:
            return None
        try:
            docs = [Document(rel, int(index), KINDS[kind].model_validate_json(text)) for index, kind, text in entry["documents"]]
        except (KeyError, TypeError, ValueError, ValidationError):
            return None
        self.new[rel] = entry
        return docs

    def put(self, rel: str, digest: str, docs: list[Document]) -> None:
        from giaoviec.model import KINDS

        kinds = {model: kind for kind, model in KINDS.items()}
        if all(kinds.get(type(d.model)) not in (None, "Assignment") for d in docs):
            self.new[rel] = {"digest": digest, "documents": [[d.index, kinds[type(d.model)], d.model.model_dump_json(by_alias=True)]
                                                             for d in docs]}


class Store:
    """The cache file of one repository, read once; written back whole, atomically."""

    def __init__(self, folder: Path, root: Path):
        name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
        self.target = folder / (name + ".json")
        self.registry_target = folder / (name + "-registry.json")
        self.entries_target = folder / (name + "-entries.jsonl")  # the per-file entries: read only to check a file again
        try:
            data = json.loads(self.target.read_text(encoding="utf-8"))
            self.data: dict[str, Any] = data if isinstance(data, dict) and data.get("format") == FORMAT else {}
        except (OSError, ValueError):
            self.data = {}

    def answer(self, key: str) -> tuple[list[Diagnostic], int, str] | None:
        """(diagnostics, number of files read, configured language) when the whole answer is for `key`."""
        if self.data.get("key") != key:
            return None
        try:
            return [_diagnostic(d) for d in self.data["diagnostics"]], int(self.data["files"]), str(self.data["language"])
        except (KeyError, TypeError, ValueError):
            return None

    def seen(self) -> tuple[dict[str, list] | None, int]:
        """What the last scan saw of each file, and when (ns): only from this very build of the tool."""
        seen, at = self.data.get("seen"), self.data.get("seen_at")
        if self.data.get("tool") != tool_fingerprint() or not isinstance(seen, dict) or not isinstance(at, int):
            return None, 0
        return seen, at

    def refresh_seen(self, seen: dict[str, list], at: int) -> None:
        """After an answer from the cache: what this scan saw, kept when it differs (a file touched, not changed)."""
        if self.data.get("seen") != seen:
            self._write({**self.data, "seen": seen, "seen_at": at})

    def parsed(self) -> Parsed:
        """The registry files as parsed: only from this very build of the tool (a model may have changed)."""
        try:
            data = json.loads(self.registry_target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("tool") != tool_fingerprint():
            return Parsed({})
        files = data.get("files")
        return Parsed(files if isinstance(files, dict) else {})

    def save_parsed(self, parsed: Parsed) -> None:
        """Written when a registry file changed (or was not kept yet): most runs leave it as it is."""
        if parsed.new != parsed.old:
            self._write({"format": FORMAT, "tool": tool_fingerprint(), "files": parsed.new}, self.registry_target)

    def memo(self, context: str) -> Memo:
        registry = self.data.get("registry") if self.data.get("context") == context else None
        return Memo(context, cachelines.read_entries(self.entries_target, FORMAT, tool_fingerprint(), context),
                    old_registry=registry if isinstance(registry, list) else None)

    def save(self, key: str | None, diagnostics: list[Diagnostic], files: int, language: str, memo: Memo | None,
             seen: dict[str, list] | None = None, seen_at: int = 0) -> None:
        """Writes the files atomically (entries: when one was added or dropped); else simply not kept."""
        if memo is not None and memo.new != memo.old:
            cachelines.write_entries(self.entries_target, FORMAT, tool_fingerprint(), memo.context, memo.new)
        data = {"format": FORMAT, "tool": tool_fingerprint(), "key": key, "files": files, "language": language,
                "diagnostics": [_plain(d) for d in diagnostics] if key is not None else [],
                "context": memo.context if memo else None, "registry": memo.new_registry if memo else None,
                "seen": seen or {}, "seen_at": seen_at}
        self._write(data)

    def _write(self, data: dict, target: Path | None = None) -> None:
        write_json(target or self.target, data)


def _plain(d: Diagnostic) -> dict:
    return {"path": d.path, "line": d.line, "column": d.column, "code": d.code, "severity": d.severity.value,
            "message": d.message, "hint": d.hint, "args": [[n, _freeze(v)] for n, v in d.args], "excerpt": d.excerpt}


def _diagnostic(d: dict) -> Diagnostic:
    return Diagnostic(d["path"], d["line"], d["column"], d["code"], Severity(d["severity"]), d["message"], d["hint"],
                      tuple((name, _thaw(value)) for name, value in d["args"]), None, d["excerpt"])


@dataclass
class Served:
    """What `serve` keeps of each Assignment file by the digest of its content, under the context of
    validate's per-file entries: its summaries and findings (as `Memo`), its follow-up items and, per
    year, its judged documents without their task results (`heads`); per year, each row's result
    without its task results (`rows`, with what it was computed from: serve/rows.py). The task
    results (the score explained step by step: nine tenths of it all) are in a second file, one
    segment per Assignment file, located and digest-checked by its entry, read when a page shows
    them (`tasks`). Written after a whole reading, the segments first; read back through `decode`
    (only the kinds named); kept only when it reads back equal, dropped when it does not."""

    context: str
    old: Mapping[str, Any]
    rows_old: Mapping[str, Any] = field(default_factory=dict)
    blob: int | None = None  # the segments' file, open (a later write replaces the file, not what this reads)
    new: dict[str, Any] = field(default_factory=dict)
    rows_new: dict[str, dict] = field(default_factory=dict)
    segments: list[bytes] = field(default_factory=list)
    size: int = 0

    def get(self, rel: str, digest: str) -> dict | None:
        entry = self.old.get(rel)
        return entry if isinstance(entry, dict) and entry.get("digest") == digest else None

    def segment(self, entry: Mapping[str, Any]) -> bytes | None:  # None: missing, or not the one written
        try:
            offset, length, sha = entry["tasks"]
            raw = os.pread(self.blob, int(length), int(offset)) if self.blob is not None else b""
        except (KeyError, TypeError, ValueError, OSError):
            return None
        return raw if len(raw) == length and hashlib.sha256(raw).hexdigest() == sha else None

    def tasks(self, entry: Mapping[str, Any]) -> dict | None:
        raw = self.segment(entry)  # {year (text): [the task results of each judged document, coded]}, or None
        try:
            got = json.loads(raw) if raw is not None else None
        except ValueError:
            return None
        return got if isinstance(got, dict) else None

    def _add(self, raw: bytes) -> list:
        self.segments.append(raw)
        self.size += len(raw)
        return [self.size - len(raw), len(raw), hashlib.sha256(raw).hexdigest()]

    def keep(self, rel: str, entry: Mapping[str, Any]) -> bool:  # an entry written again as it was (its segment checked)
        raw = self.segment(entry)
        if raw is None:
            return False
        self.new[rel] = {**entry, "tasks": self._add(raw)}
        return True

    def put(self, rel: str, digest: str, result: FileResult, follow: object, heads: Mapping[int, object],
            tasks: Mapping[int, object], kinds: Mapping[str, type]) -> None:
        (plain := Memo("", {})).put(rel, digest, result)
        entry = dict(plain.new[rel])
        try:
            coded: dict[str, Any] = {"follow": encode(follow, kinds), "heads": {str(y): encode(h, kinds) for y, h in heads.items()}}
            tasks_coded = {str(y): encode(t, kinds) for y, t in tasks.items()}
        except ValueError:  # a value of a kind the cache does not write: not kept
            return
        if decode(coded["follow"], kinds) != follow or any(decode(coded["heads"][str(y)], kinds) != h for y, h in heads.items()) \
                or any(decode(tasks_coded[str(y)], kinds) != t for y, t in tasks.items()):
            return
        raw = json.dumps(tasks_coded, ensure_ascii=False, separators=(",", ":")).encode()
        self.new[rel] = {**entry, **coded, "tasks": self._add(raw)}

    def row(self, year: int, key: str) -> dict | None:
        got = rows.get(key) if isinstance(rows := self.rows_old.get(str(year)), dict) else None
        return got if isinstance(got, dict) else None

    def put_row(self, year: int, key: str, row: dict) -> None:
        self.rows_new.setdefault(str(year), {})[key] = row
    @staticmethod
    def file_result(rel: str, entry: dict) -> FileResult | None:
        return Memo("", {rel: entry}).get(rel, entry.get("digest", ""))


def _served_target(store: Store, suffix: str = ".json") -> Path:  # serve's entries, and its segments (".tasks")
    return store.target.with_name(store.target.stem + "-serve" + suffix)


def served_file(store: Store) -> dict | None:
    try:  # serve's file of entries (read once, at the start): only from this very build of the tool
        data = json.loads(_served_target(store).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT and data.get("tool") == tool_fingerprint() else None


def served_seen(data: dict) -> tuple[dict[str, list] | None, int]:
    seen, at = data.get("seen"), data.get("seen_at")
    return (seen, at) if isinstance(seen, dict) and isinstance(at, int) else (None, 0)


def served(store: Store, context: str, data: dict | None = None) -> Served:
    data = data if data is not None else served_file(store)  # (read now unless given)
    if data is None or data.get("context") != context or not isinstance(data.get("files"), dict):
        return Served(context, {})
    rows = data.get("rows")
    return Served(context, data["files"], rows if isinstance(rows, dict) else {}, _open(_served_target(store, ".tasks")))


def _open(path: Path) -> int | None:
    try:
        return os.open(path, os.O_RDONLY)
    except OSError:
        return None


def save_served(store: Store, kept: Served, seen: dict[str, list] | None, seen_at: int) -> None:
    """The segments' file first, then the entries that locate them (each segment digest-checked when read)."""
    target = _served_target(store, ".tasks")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        import tempfile
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, delete=False, suffix=".tmp") as out:
            for raw in kept.segments:
                out.write(raw)
        os.replace(out.name, target)
    except OSError:
        return
    store._write({"format": FORMAT, "tool": tool_fingerprint(), "context": kept.context, "files": kept.new,
                  "rows": kept.rows_new, "seen": seen or {}, "seen_at": seen_at}, _served_target(store))
    if kept.blob is not None:
        os.close(kept.blob)
    blob = _open(target)
    kept.old, kept.rows_old, kept.blob = kept.new, kept.rows_new, blob  # what is kept now reads from what was written
    kept.new, kept.rows_new, kept.segments, kept.size = {}, {}, [], 0

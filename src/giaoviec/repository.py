"""Finds the data repository, lists its files, loads every document → Repository + diagnostics."""

from __future__ import annotations

import gc
import os
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterator, Mapping

from pydantic import BaseModel

from giaoviec import yamlio
from giaoviec.diagnostics import N_, Diagnostic, Where, finding
from giaoviec.model import KINDS, Assignment, Cadres, Config, Evaluation, ScoringProfile, Units
from giaoviec.profiles import builtin_profiles
from giaoviec.schema_errors import schema_diagnostics, wrong_document

CONFIG_FILE = "giaoviec.yaml"
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".giaoviec-cache"}


@dataclass(frozen=True, slots=True)
class Document:
    path: str  # relative to the root, POSIX
    index: int  # position of the document in its file
    model: Any

    def where(self, *loc: str | int, anchor: str = "value") -> Where:
        return Where(self.index, tuple(loc), anchor)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Entry:
    """A unit or cadre with the document and list position it was declared at."""

    item: Any
    doc: Document
    pos: int

    def where(self, *loc: str | int, anchor: str = "value") -> Where:
        key = "units" if isinstance(self.doc.model, Units) else "cadres"
        return self.doc.where(key, self.pos, *loc, anchor=anchor)


@dataclass(frozen=True)
class Repository:
    root: Path
    config: Config
    config_doc: Document | None
    documents: tuple[Document, ...]
    units: Mapping[str, Entry] = field(default_factory=dict)
    cadres: Mapping[str, Entry] = field(default_factory=dict)
    profiles: Mapping[str, ScoringProfile] = field(default_factory=dict)
    files: tuple[str, ...] = ()  # every file read as giaoviec data, valid or not
    unreadable_cadres: frozenset[str] = frozenset()  # cadres of Assignment documents that failed to load

    def may_have_assignment(self, cadre: str) -> bool:
        """True when a broken file may hold this cadre's assignment: checks then stay quiet."""
        return cadre in self.unreadable_cadres or "*" in self.unreadable_cadres

    def of_kind(self, kind: type) -> list[Document]:
        return [d for d in self.documents if isinstance(d.model, kind)]

    @property
    def assignments(self) -> list[Document]:
        return self.of_kind(Assignment)

    @property
    def evaluations(self) -> list[Document]:
        return self.of_kind(Evaluation)


@dataclass(frozen=True, slots=True)
class Unreadable:
    """Stands for an Assignment document that failed to load, so that others do not cascade."""

    cadre: str


class RepositoryError(Exception):
    """The repository itself is unusable (exit 3): no root, unreadable configuration."""

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None, **args: object):
        super().__init__(message)
        self.message = message
        self.args_ = args
        self.diagnostics = diagnostics or []


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
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            rel = Path(folder).relative_to(root)
            listed += [(rel / f).as_posix() for f in files if f.endswith((".yaml", ".yml"))]
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


def read_file(root: Path, rel: str) -> tuple[list[Document], list[Diagnostic]]:
    """The documents of one file that holds giaoviec data ([] for other YAML files)."""
    try:
        raw = (root / rel).read_bytes()
    except OSError as exc:
        return [], [finding(rel, None, "yaml.encoding", N_("The file cannot be read: {problem}."), line=1, column=1, problem=exc.strerror)]
    if not yamlio.is_giaoviec_file(raw):
        return [], []
    text, problem = yamlio.decode(rel, raw)
    if problem:
        return [], [problem]
    loaded = yamlio.load(rel, text)
    documents: list[Document] = []
    diagnostics = list(loaded.diagnostics)
    if loaded.diagnostics and b"Assignment" in raw:
        documents.append(Document(rel, -1, Unreadable("*")))
    for index, data in enumerate(loaded.documents):
        if data is None:
            continue
        model, found = parse_document(rel, index, data)
        diagnostics += found
        if model is not None:
            documents.append(Document(rel, index, model))
        elif isinstance(data, dict) and data.get("kind") == "Assignment":
            cadre = data.get("cadre")
            documents.append(Document(rel, index, Unreadable(cadre if isinstance(cadre, str) else "*")))
    if diagnostics:
        diagnostics = yamlio.locate(diagnostics, text)
    return documents, diagnostics


def parse_document(path: str, index: int, data: Any) -> tuple[BaseModel | None, list[Diagnostic]]:
    if not isinstance(data, dict):
        return None, [wrong_document(path, index, "mapping")]
    kind = data.get("kind")
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        return None, [wrong_document(path, index, "kind", kind=kind)]
    parsed, found = schema_diagnostics(path, index, model, data)
    if parsed is None and model in (Units, Cadres):
        parsed = _salvage(model, data)
    return parsed, found


def _salvage(model: type[BaseModel], data: dict) -> BaseModel | None:
    """The registry without its invalid entries, so that one bad unit does not hide all the others.

    Invalid entries are replaced by a placeholder id-less slot so that list positions (and thus
    the lines of later findings) stay those of the file; the index skips the placeholders.
    """
    key = "units" if model is Units else "cadres"
    item_model = model.model_fields[key].annotation.__args__[0]  # type: ignore[union-attr]
    items = data.get(key)
    if not isinstance(items, list):
        return None
    kept = []
    for item in items:
        try:
            kept.append(item_model.model_validate(item))
        except ValueError:
            kept.append(None)
    try:
        header = model.model_validate({**data, key: []})
    except ValueError:
        return None
    return header.model_copy(update={key: tuple(kept)})


def load(root: Path) -> tuple[Repository, list[Diagnostic]]:
    """Every document under root, indexed; raises RepositoryError only when the root is unusable."""
    if not (root / CONFIG_FILE).is_file():
        raise RepositoryError(N_("No {file} in {root}."), file=CONFIG_FILE, root=str(root))
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    files: list[str] = []
    with _collector_paused():
        for rel in list_files(root):
            docs, found = read_file(root, rel)
            if docs or found:
                files.append(rel)
            documents += docs
            diagnostics += found
    return index(root, documents, diagnostics, tuple(files)), diagnostics


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading builds no reference cycles (plain data, frozen models): reference counting frees it
    all, and the cyclic collector, rescanning an ever larger heap, would only cost time (~40 %)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def index(root: Path, documents: list[Document], diagnostics: list[Diagnostic], files: tuple[str, ...] = ()) -> Repository:
    configs = [d for d in documents if isinstance(d.model, Config) and d.path == CONFIG_FILE]
    if not configs:
        bad = [d for d in diagnostics if d.path == CONFIG_FILE]
        raise RepositoryError(N_("{file} is not a valid Config document."), bad, file=CONFIG_FILE)
    units: dict[str, Entry] = {}
    cadres: dict[str, Entry] = {}
    for doc in documents:
        if isinstance(doc.model, Units):
            for pos, unit in enumerate(doc.model.units):
                if unit is not None:  # None: an invalid entry, already reported
                    units.setdefault(unit.id, Entry(unit, doc, pos))
        elif isinstance(doc.model, Cadres):
            for pos, cadre in enumerate(doc.model.cadres):
                if cadre is not None:
                    cadres.setdefault(cadre.id, Entry(cadre, doc, pos))
    profiles = dict(builtin_profiles())
    for doc in documents:
        if isinstance(doc.model, ScoringProfile):
            profiles[doc.model.id] = doc.model
    unreadable = frozenset(d.model.cadre for d in documents if isinstance(d.model, Unreadable))
    return Repository(
        root=root,
        config=configs[0].model,
        config_doc=configs[0],
        documents=tuple(d for d in documents if not isinstance(d.model, Unreadable)),
        unreadable_cadres=unreadable,
        units=MappingProxyType(units),
        cadres=MappingProxyType(cadres),
        profiles=MappingProxyType(profiles),
        files=files,
    )

"""Finds the data repository, lists its files, and holds what is read from it.

Memory is kept proportional to the organisation, not to the tasks: the registry (Config, Units,
Cadres, ScoringProfile, Evaluation documents) is held whole, but each Assignment is kept only as
an `AssignmentSummary` once it has been checked; `read_assignment` reads one again when a
command (score, report) needs its tasks. `validation.validate` drives the streaming.
"""

from __future__ import annotations

import gc
import os
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterator, Mapping

from giaoviec import yamlio
from giaoviec.diagnostics import N_, Diagnostic
from giaoviec.model import Assignment, Cadres, Config, Evaluation, ScoringProfile, Units
from giaoviec.model.common import Period
from giaoviec.profiles import builtin_profiles
from giaoviec.reader import Document, Unreadable, read_file, sniff_kinds

CONFIG_FILE = "giaoviec.yaml"
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".giaoviec-cache"}
__all__ = ["Document", "Entry", "AssignmentSummary", "Repository", "RepositoryError", "find_root", "list_files"]


@dataclass(frozen=True, slots=True)
class Entry:
    """A unit or cadre with the document and list position it was declared at."""

    item: Any
    doc: Document
    pos: int

    def where(self, *loc: str | int, anchor: str = "value"):
        key = "units" if isinstance(self.doc.model, Units) else "cadres"
        return self.doc.where(key, self.pos, *loc, anchor=anchor)


@dataclass(frozen=True, slots=True)
class AssignmentSummary:
    """What the checks across files and the scoring need of an Assignment, without its tasks."""

    path: str
    index: int
    cadre: str
    unit: str
    program: str
    period: Period
    status: str
    weights: Mapping[str, float]  # task id → weight

    def where(self, *loc: str | int, anchor: str = "value"):
        return Document(self.path, self.index, None).where(*loc, anchor=anchor)


def summarize(doc: Document) -> AssignmentSummary:
    a: Assignment = doc.model
    return AssignmentSummary(doc.path, doc.index, a.cadre, a.unit, a.program, a.period, a.status,
                             {t.id: t.weight for t in a.tasks})


@dataclass(frozen=True)
class Repository:
    root: Path
    config: Config
    config_doc: Document | None
    documents: tuple[Document, ...]  # every document but the Assignments
    units: Mapping[str, Entry] = field(default_factory=dict)
    cadres: Mapping[str, Entry] = field(default_factory=dict)
    profiles: Mapping[str, ScoringProfile] = field(default_factory=dict)
    files: tuple[str, ...] = ()  # every file read as giaoviec data, valid or not
    unreadable_cadres: frozenset[str] = frozenset()  # cadres of Assignment documents that failed to load
    assignments: tuple[AssignmentSummary, ...] = ()

    def may_have_assignment(self, cadre: str) -> bool:
        """True when a broken file may hold this cadre's assignment: checks then stay quiet."""
        return cadre in self.unreadable_cadres or "*" in self.unreadable_cadres

    def of_kind(self, kind: type) -> list[Document]:
        return [d for d in self.documents if isinstance(d.model, kind)]

    @property
    def evaluations(self) -> list[Document]:
        return self.of_kind(Evaluation)


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


@dataclass
class Registry:
    """The first stage of loading: the registry read, the Assignment files still to stream."""

    repo: Repository
    diagnostics: list[Diagnostic]
    assignment_files: list[str]  # files that name only the kind Assignment
    assignments: list[Document]  # Assignment documents met in the registry's files
    unreadable: set[str]


def load_registry(root: Path, listed: list[str] | None = None) -> Registry:
    """Reads every file that is not only Assignments; raises RepositoryError when root is unusable."""
    if not (root / CONFIG_FILE).is_file():
        raise RepositoryError(N_("No {file} in {root}."), file=CONFIG_FILE, root=str(root))
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    files: list[str] = []
    streamed: list[str] = []
    with collector_paused():
        for rel in listed if listed is not None else list_files(root):
            try:
                raw = (root / rel).read_bytes()
            except OSError:
                raw = None
            if raw is not None and not yamlio.is_giaoviec_file(raw):
                continue
            files.append(rel)
            if raw is not None and sniff_kinds(raw) == {b"Assignment"}:
                streamed.append(rel)
                continue
            docs, found = read_file(root, rel, raw)
            documents += docs
            diagnostics += found
    assignments = [d for d in documents if isinstance(d.model, Assignment)]
    unreadable = {d.model.cadre for d in documents if isinstance(d.model, Unreadable)}
    registry_docs = [d for d in documents if not isinstance(d.model, (Assignment, Unreadable))]
    repo = index(root, registry_docs, diagnostics, tuple(files))
    return Registry(repo, diagnostics, streamed, assignments, unreadable)


def with_assignments(registry: Registry, summaries: list[AssignmentSummary]) -> Repository:
    return replace(registry.repo, assignments=tuple(summaries), unreadable_cadres=frozenset(registry.unreadable))


def read_assignment(root: Path, summary: AssignmentSummary) -> Assignment | None:
    """The Assignment a summary stands for, read again (None if the file no longer holds it)."""
    docs, _ = read_file(root, summary.path)
    for doc in docs:
        if doc.index == summary.index and isinstance(doc.model, Assignment):
            return doc.model
    return None


@contextmanager
def collector_paused() -> Iterator[None]:
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
    return Repository(
        root=root,
        config=configs[0].model,
        config_doc=configs[0],
        documents=tuple(documents),
        units=MappingProxyType(units),
        cadres=MappingProxyType(cadres),
        profiles=MappingProxyType(profiles),
        files=files,
    )

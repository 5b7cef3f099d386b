"""What is read from a data repository: the registry whole, the assignments as summaries.

Memory is kept proportional to the organisation, not to the tasks: the registry (Config, Units,
Cadres, ScoringProfile, Evaluation documents) is held whole; Assignment files are listed here and
read one at a time by whoever streams them (`app.checking.Checking`), which keeps of each only an
`AssignmentSummary` once it has been checked.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

from giaoviec.diagnostics import N_, Diagnostic, Where, repository_error
from giaoviec.i18n import os_problem
from giaoviec.load.documents import Document, Unreadable, read_file
from giaoviec.load.files import CONFIG_FILE, list_files, read_bounded
from giaoviec.load.profiles import builtin_profiles
from giaoviec.load.public import Withholding
from giaoviec.load.scanning import UNREADABLE, Scan, collector_paused, digest, scan
from giaoviec.model import Assignment, Cadres, Config, Evaluation, ScoringProfile, Units
from giaoviec.model.common import Period
from giaoviec.shared import shared

__all__ = ["AssignmentSummary", "Document", "Entry", "Registry", "Repository", "Scan", "digest", "load_registry", "scan", "summarize"]


@dataclass(frozen=True, slots=True)
class Entry:
    """A unit or cadre with the document and list position it was declared at."""

    item: Any
    doc: Document
    pos: int

    def where(self, *loc: str | int, anchor: str = "value") -> Where:
        key = "units" if isinstance(self.doc.model, Units) else "cadres"
        return self.doc.where(key, self.pos, *loc, anchor=anchor)


@dataclass(frozen=True, slots=True)
class AssignmentSummary:
    """What the checks across files need of an Assignment, without its tasks."""

    path: str
    index: int
    cadre: str
    unit: str
    program: str
    period: Period
    status: str
    weights: Mapping[str, float]  # task id → weight

    def where(self, *loc: str | int, anchor: str = "value") -> Where:
        return Document(self.path, self.index, None).where(*loc, anchor=anchor)


class Weights(Mapping[str, float]):
    """Task id → weight, held as two tuples (a summary is kept for every file of a province; a dict
    of 21 entries takes three times the memory)."""

    __slots__ = ("_ids", "_weights")

    def __init__(self, pairs: Iterable[tuple[str, float]]):
        pairs = tuple(pairs)
        self._ids = tuple(i for i, _w in pairs)
        self._weights = tuple(w for _i, w in pairs)

    @classmethod
    def of(cls, ids: tuple[str, ...], weights: tuple[float, ...]) -> Weights:
        """From the two tuples themselves, as the cache holds them."""
        made = cls.__new__(cls)
        made._ids, made._weights = ids, weights
        return made

    def __getitem__(self, key: str) -> float:
        try:
            return self._weights[self._ids.index(key)]
        except ValueError:
            raise KeyError(key) from None

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def summarize(doc: Document) -> AssignmentSummary:
    a: Assignment = doc.model
    return AssignmentSummary(doc.path, doc.index, a.cadre, a.unit, a.program, a.period, a.status,
                             Weights((shared(t.id), shared(t.weight)) for t in a.tasks))


@dataclass(frozen=True)
class Repository:
    root: Path
    config: Config
    config_doc: Document | None
    documents: tuple[Document, ...]  # every document but the Assignments
    units: Mapping[str, Entry] = field(default_factory=dict)
    cadres: Mapping[str, Entry] = field(default_factory=dict)
    profiles: Mapping[str, ScoringProfile] = field(default_factory=dict)
    broken_profiles: Mapping[str, str] = field(default_factory=dict)  # id → file of a profile of the repository that does not load
    files: tuple[str, ...] = ()  # every file read as giaoviec data, valid or not
    unreadable: tuple[Document, ...] = ()  # documents that failed to load (models: Unreadable)
    assignments: tuple[AssignmentSummary, ...] = ()  # filled in once the assignments are streamed

    @cached_property
    def _unreadable_cadres(self) -> frozenset[str]:
        return frozenset(c for d in self.unreadable if d.model.kind in ("Assignment", "*") for c in d.model.cadres)

    def may_have_assignment(self, cadre: str) -> bool:
        """True when a broken file may hold this cadre's assignment: checks then stay quiet."""
        return cadre in self._unreadable_cadres or "*" in self._unreadable_cadres

    def of_kind(self, kind: type) -> list[Document]:
        return [d for d in self.documents if isinstance(d.model, kind)]

    @property
    def evaluations(self) -> list[Document]:
        return self.of_kind(Evaluation)

    def name(self, ident: str | None) -> str:
        """The name of a cadre or unit, or the id itself when it names neither."""
        if not ident:
            return ""
        entry = self.cadres.get(ident) or self.units.get(ident)
        return entry.item.name if entry else ident

    @cached_property
    def by_cadre(self) -> Mapping[str, tuple[AssignmentSummary, ...]]:
        """The assignment summaries of each cadre."""
        out: dict[str, list[AssignmentSummary]] = {}
        for a in self.assignments:
            out.setdefault(a.cadre, []).append(a)
        return MappingProxyType({k: tuple(v) for k, v in out.items()})

    def with_assignments(self, summaries: tuple[AssignmentSummary, ...], unreadable: tuple[Document, ...]) -> Repository:
        return replace(self, assignments=summaries, unreadable=unreadable)


@dataclass
class Registry:
    """The first stage of loading: the registry read, the Assignment files still to stream."""

    repo: Repository
    diagnostics: list[Diagnostic]
    assignment_files: list[str]  # files that name only the kind Assignment
    assignments: list[Document]  # Assignment documents met in the registry's files
    unreadable: list[Document]  # documents of the registry's files that failed to load
    digests: Mapping[str, str] = field(default_factory=dict)  # every listed file → digest of its content


class Parsed(Protocol):
    """Files parsed before, by digest (validate's cache)."""

    def get(self, rel: str, digest: str) -> list[Document] | None: ...
    def put(self, rel: str, digest: str, docs: list[Document]) -> None: ...


def load_registry(root: Path, listed: list[str] | None = None, fast_reader: bool = True, scanned: Scan | None = None,
                  parsed: Parsed | None = None, withhold: Withholding | None = None) -> Registry:
    """Reads every file that is not only Assignments; Fatal (exit 3) when the root is unusable.
    With `parsed`, a file parsed before (same digest, no finding) is read back from it. `withhold`
    (--public): confidential items taken out as they are read (never with `parsed`)."""
    if not (root / CONFIG_FILE).is_file():
        if os.path.lexists(root / CONFIG_FILE):  # a folder, a pipe, a device, a link to none of a file
            raise repository_error(N_("{file} in {root} is not a regular file (a folder, a pipe, a device or a broken link): it cannot be read."),
                                   file=CONFIG_FILE, root=str(root))
        raise repository_error(N_("No {file} in {root}."), file=CONFIG_FILE, root=str(root))
    if scanned is None:
        scanned = scan(root, listed if listed is not None else list_files(root))
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    other: set[str] = set()  # files read whole as they might hold data, that hold none (a CI config naming giaoviec/v1)
    with collector_paused():
        for rel, raw in scanned.registry:
            key = scanned.digests.get(rel, "")
            kept = parsed.get(rel, key) if parsed is not None and raw is not None else None
            if kept is not None:
                documents += kept
                continue
            docs, found = read_file(root, rel, raw, fast_reader, withhold=withhold)
            if not docs and not found and (withhold is None or all(w.path != rel for w in withhold.items)):
                other.add(rel)
            if parsed is not None and raw is not None and docs and not found:
                parsed.put(rel, key, docs)
            documents += docs
            diagnostics += found
    assignments = [d for d in documents if isinstance(d.model, Assignment)]
    unreadable = [d for d in documents if isinstance(d.model, Unreadable)]
    registry_docs = [d for d in documents if not isinstance(d.model, (Assignment, Unreadable))]
    repo = index(root, registry_docs, diagnostics, tuple(f for f in scanned.files if f not in other), unreadable)
    return Registry(repo, diagnostics, scanned.streamed, assignments, unreadable, scanned.digests)


def assignments_of(registry: Registry, cadre: str) -> list[AssignmentSummary]:
    """The readable assignments of one cadre: only the files whose bytes name the cadre are parsed. A
    file that cannot be opened might hold one: Fatal (a writing command must not add a second in silence)."""
    root, found = registry.repo.root, [summarize(d) for d in registry.assignments if d.model.cadre == cadre]
    needle = cadre.encode()
    unopened = [rel for rel, key in registry.digests.items() if key == UNREADABLE]
    for rel in [*unopened, *registry.assignment_files]:
        try:
            raw = read_bounded(root / rel)
        except OSError as exc:
            raise repository_error(N_("{file} cannot be read: {problem}."), file=rel, problem=os_problem(exc)) from None
        if rel in unopened:
            continue  # (opened now: it is read with the registry, whose assignments are in `found`)
        if needle in raw:
            docs, _ = read_file(root, rel, raw)
            found += [summarize(d) for d in docs if isinstance(d.model, Assignment) and d.model.cadre == cadre]
    return found


def index(root: Path, documents: list[Document], diagnostics: list[Diagnostic], files: tuple[str, ...] = (),
          unreadable: Iterable[Document] = ()) -> Repository:
    configs = [d for d in documents if isinstance(d.model, Config) and d.path == CONFIG_FILE]
    if not configs:
        bad = [d for d in diagnostics if d.path == CONFIG_FILE]
        raise repository_error(N_("{file} is not a valid Config document."), bad, file=CONFIG_FILE)
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
    # a profile of the repository that does not load is not replaced by the built-in one of its id: nothing is scored under it
    broken = {d.model.id: d.path for d in unreadable if isinstance(d.model, Unreadable) and d.model.kind == "ScoringProfile" and d.model.id}
    profiles = {ident: p for ident, p in builtin_profiles().items() if ident not in broken}
    for doc in documents:
        if isinstance(doc.model, ScoringProfile):
            profiles[doc.model.id] = doc.model
    return Repository(
        root=root, config=configs[0].model, config_doc=configs[0], documents=tuple(documents),
        units=MappingProxyType(units), cadres=MappingProxyType(cadres), profiles=MappingProxyType(profiles), files=files,
        broken_profiles=MappingProxyType({i: p for i, p in broken.items() if i not in profiles}),
    )

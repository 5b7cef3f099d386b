"""The values every layer shares: a document read (`Document`, or `Unreadable` when it did not load),
the repository indexed by id (`Repository`, its units' and cadres' `Entry`), the summary of an
Assignment the checks across files need (`AssignmentSummary`, its `Weights`), and what loading the
registry gives (`Registry`). Plain frozen values: reading them is `load/`'s work, never theirs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from giaoviec.diagnostics import Diagnostic, Where
from giaoviec.model.assignment import Assignment
from giaoviec.model.common import Period
from giaoviec.model.config import Config
from giaoviec.model.evaluation import Evaluation
from giaoviec.model.org import Units
from giaoviec.model.profile import ScoringProfile
from giaoviec.shared import shared

__all__ = ["AssignmentSummary", "Document", "Entry", "InvalidEntry", "Registry", "Repository", "Unreadable", "Weights", "summarize"]


@dataclass(frozen=True, slots=True)
class Document:
    path: str  # relative to the root, POSIX
    index: int  # position of the document in its file
    model: Any

    def where(self, *loc: str | int, anchor: str = "value") -> Where:
        return Where(self.index, tuple(loc), anchor)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Unreadable:
    """Stands for a document that failed to load: what can be told of it, so that other checks do
    not cascade and every output can say what it left out. For an Assignment, `cadres` holds its
    cadre; for an Evaluation, the cadres of its entries; "*" when not even that can be read."""

    kind: str  # "Assignment", "Evaluation", … or "*" (the file is not readable YAML)
    cadres: tuple[str, ...] = ("*",)
    unit: str | None = None
    start: str | None = None  # the period as written, when it can be read
    end: str | None = None
    id: str | None = None  # of a registry document (a ScoringProfile's id), when it can be read

    @property
    def cadre(self) -> str:
        return self.cadres[0] if self.cadres else "*"

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """Whether the period may overlap [first, last] (True when it cannot be told)."""
        try:
            start = dt.date.fromisoformat(str(self.start)) if self.start else dt.date.min
            end = dt.date.fromisoformat(str(self.end)) if self.end else dt.date.max
        except ValueError:
            return True
        return start <= last and first <= end


@dataclass(frozen=True, slots=True)
class InvalidEntry:
    """A council entry that did not load: it scores nothing, but its cadre is known."""

    cadre: str | None


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

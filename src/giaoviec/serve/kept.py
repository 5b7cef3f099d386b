"""The scored Assignment documents of a year as `serve` keeps them (what `KeptModels` is to report):
the models read, or each file read when a page first needs its words if the cache answered for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from giaoviec.compute.followup import Item
from giaoviec.compute.year import SCORED, Judged
from giaoviec.diagnostics import Diagnostic
from giaoviec.model import Assignment
from giaoviec.model.values import AssignmentSummary, Document


@dataclass
class FileState:
    """One Assignment file as read: its documents, summaries and own findings (located)."""

    digest: str
    docs: list[Document] | None  # None: not read yet (taken from the cache); read when a page needs its words
    summaries: tuple[AssignmentSummary, ...]
    unreadable: tuple[Document, ...]
    found: tuple[Diagnostic, ...]  # with the wording analyser's (validate's)
    plain: tuple[Diagnostic, ...]  # without them (score's, report's)
    follow: tuple[list[Item], list[tuple[str, str]]] | None = None  # follow_up on its documents, as of today
    cached: dict[int, tuple[Judged, ...]] = field(default_factory=dict)  # its judged documents, from the cache


class Models(Mapping[tuple[str, int], Assignment]):
    """The scored Assignment documents of the year (as `KeptModels` maps them), each file read when
    a page first needs its words if the cache answered for it."""

    def __init__(self, docs_of: Callable[[str, FileState], list[Document]], held: list[Document]):
        self.docs_of = docs_of  # the engine's (not the state: a state replaced is freed at once, with no cycle through this)
        self.held = held  # the documents the registry's reading kept
        self.where: dict[tuple[str, int], tuple[str | None, FileState | None]] = {}
        for d in held:
            if d.model.status in SCORED:
                self.where[(d.path, d.index)] = (None, None)

    def add(self, rel: str, fs: FileState) -> None:
        for s in fs.summaries:
            if s.status in SCORED:
                self.where[(rel, s.index)] = (rel, fs)

    def __getitem__(self, key: tuple[str, int]) -> Assignment:
        rel, fs = self.where[key]
        docs = self.held if rel is None or fs is None else self.docs_of(rel, fs)
        return next(d.model for d in docs if d.index == key[1] and isinstance(d.model, Assignment))

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(self.where)

    def __len__(self) -> int:
        return len(self.where)

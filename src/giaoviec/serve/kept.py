"""The scored Assignment documents of a year as `serve` keeps them (what `KeptModels` is to report):
the models read, or each file read when a page first needs its words if the cache answered for it."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from giaoviec.app.report import WithModels
from giaoviec.compute.followup import Item
from giaoviec.compute.year import SCORED, Judged
from giaoviec.diagnostics import Diagnostic
from giaoviec.domain.scoring import TaskResult
from giaoviec.load.cachecodec import decode
from giaoviec.load.scanning import collector_paused
from giaoviec.model import Assignment
from giaoviec.model.values import AssignmentSummary, Document

T = TypeVar("T")


@contextmanager
def kept_for_good() -> Iterator[None]:
    """What is built inside is kept while the server runs: it is built with the cyclic collector paused
    (plain data, no cycle), then frozen (gc.freeze), so the collector never scans it again. The garbage
    of the requests served since the last freeze is collected first, while little is unfrozen (a few
    milliseconds): frozen, a cycle of it would never be freed, and a server running for days would
    grow with each change it reads (tests/test_serve_longrun.py)."""
    gc.collect()
    with collector_paused():
        yield
        gc.freeze()


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
    entry: dict | None = None  # the cache's entry it was built from (its content is the one the entry was computed from)


@dataclass
class Year:
    """One year's results, kept: each file's judged documents, each row's result."""

    judged: dict[str, tuple[FileState, tuple[Judged, ...]]] = field(default_factory=dict)
    rows: dict[tuple[str, str], tuple] = field(default_factory=dict)  # (cadre, program) → (inputs, result, as kept)
    inputs: dict | None = None  # what every row was computed with besides its documents (rows.year_inputs)
    result: WithModels | None = None



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


class LazyTasks(Sequence[T]):
    """The task results of a judged document or of a row (or a row's tier trace), computed (or read from the cache) when
    first looked at: what `serve` shows of most rows is their counts and points, kept with the row.
    Equal to the tuple it stands for (and reads as one wherever the results are iterated)."""

    __slots__ = ("_got", "_load")

    def __init__(self, load: Callable[[], Iterable[T]]):
        self._load: Callable[[], Iterable[T]] | None = load
        self._got: tuple[T, ...] | None = None

    def all(self) -> tuple[T, ...]:
        if self._got is None:
            assert self._load is not None
            self._got, self._load = tuple(self._load()), None
        return self._got

    def __getitem__(self, i: Any) -> Any:
        return self.all()[i]

    def __len__(self) -> int:
        return len(self.all())

    def __iter__(self) -> Iterator[T]:
        return iter(self.all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyTasks):
            return self.all() == other.all()
        return self.all() == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.all())

    def __add__(self, other: Iterable[T]) -> tuple[T, ...]:
        return self.all() + tuple(other)

    def __radd__(self, other: Iterable[T]) -> tuple[T, ...]:
        return tuple(other) + self.all()

    def __repr__(self) -> str:
        return repr(self.all()) if self._got is not None else "LazyTasks(…)"


class Segment:
    """The task results of one file's judged documents, read from the cache's segment when one of
    them is first looked at (`Served.tasks`, digest-checked), else computed from the file (`compute`:
    year → {document: task results}) when the segment is missing or does not read back."""

    def __init__(self, kept: Any, rel: str, fs: FileState, kinds: Mapping[str, type],
                 compute: Callable[[int], dict[int, tuple[TaskResult, ...]]]):
        self.kept, self.rel, self.fs, self.kinds, self.compute = kept, rel, fs, kinds, compute
        self.got: dict[int, dict[int, tuple[TaskResult, ...]]] | None = None

    def tasks(self, year: int, index: int) -> tuple[TaskResult, ...]:
        if self.got is None:
            with kept_for_good():  # (plain data, no cycle) kept from now on, as Engine.refresh keeps the model
                self.got = self._read()
        if year not in self.got or index not in self.got[year]:
            self.got[year] = self.compute(year)
        return self.got[year][index]

    def _read(self) -> dict[int, dict[int, tuple[TaskResult, ...]]]:
        entry = self.kept.get(self.rel, self.fs.digest) if self.kept is not None else None
        coded = self.kept.tasks(entry) if entry is not None else None
        out: dict[int, dict[int, tuple[TaskResult, ...]]] = {}
        for year, judged in self.fs.cached.items():
            try:
                got = decode(coded[str(year)], self.kinds) if coded is not None else None
                if got is None or len(got) != len(judged) or not all(isinstance(t, tuple) and all(type(x) is TaskResult for x in t)
                                                                       for t in got):
                    continue
            except (KeyError, TypeError, ValueError, IndexError):
                continue
            out[year] = {j.index: t for j, t in zip(judged, got, strict=True)}
        return out

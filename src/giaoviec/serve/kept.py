"""The scored Assignment documents of a year as `serve` keeps them (what `KeptModels` is to report):
the models read, or each file read when a page first needs its words if the cache answered for it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from giaoviec.compute.year import SCORED
from giaoviec.model import Assignment

if TYPE_CHECKING:
    from giaoviec.serve.engine import Engine, FileState, State


class Models(Mapping[tuple[str, int], Assignment]):
    """The scored Assignment documents of the year (as `KeptModels` maps them), each file read when
    a page first needs its words if the cache answered for it."""

    def __init__(self, engine: Engine, st: State):
        self.engine = engine  # (not the state: a state replaced is freed at once, with no cycle through this)
        self.held = st.registry.assignments
        self.where: dict[tuple[str, int], tuple[str | None, FileState | None]] = {}
        for d in st.registry.assignments:
            if d.model.status in SCORED:
                self.where[(d.path, d.index)] = (None, None)

    def add(self, rel: str, fs: FileState) -> None:
        for s in fs.summaries:
            if s.status in SCORED:
                self.where[(rel, s.index)] = (rel, fs)

    def __getitem__(self, key: tuple[str, int]) -> Assignment:
        rel, fs = self.where[key]
        docs = self.held if rel is None or fs is None else self.engine._docs(rel, fs)
        return next(d.model for d in docs if d.index == key[1] and isinstance(d.model, Assignment))

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(self.where)

    def __len__(self) -> int:
        return len(self.where)

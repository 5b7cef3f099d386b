"""The memory governor of `report` and `export`: the Assignment documents in scope kept in memory,
as many as fit; the others read again when the output reaches them.

The tasks the stream will bring are foreseen from the files still to read and the tasks a file has
so far. When all of them fit in MODELS_MB as read (about 7 KB a task), all are kept as they are.
Otherwise each kept model is compacted first (its fields-sets and days shared, model/compact.py:
about 4.4 KB a task), and models are kept while they fit beside what the rest of the command will
hold for the tasks foreseen (BUDGET_MB in all), the first read first; the others are let go and
each is read again when the output reaches it. A document read again must have the content that was scored (same digest), or the command
stops: a figure and the words beside it always come from one text. Whatever the foresight, once the
process has taken BUDGET_MB no more models are kept, and past PEAK_MB every one is let go. A
province of 5,000 files keeps everything as read; one of 10,000 keeps most, compacted; one of a
million tasks keeps none and stays under 1 GB, paying a second read of every file (the report's
sections, the export's rows). What the report's summary reads of each document
is kept for every document as it streams by (`Facts`, and the wording of its overdue and undone
tasks as they are judged): the summary reads no file again.

Buys: report and export of a million tasks under the 1 GB bar (report md 917 MB, export xlsx 785 MB
peak; every model kept would take about 7 GB), while up to about 100,000 tasks every document is
read once: against keeping none, on the 1,000-file province, export xlsx × 1.60 and report md × 1.19
(A/B, loaded machine; docs/performance.md, Devices), which the bars of 2× and 1.5× a cold validate
cannot spare.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from giaoviec.compute.report import Facts, late_words
from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.domain.scoring import TaskResult
from giaoviec.load.documents import read_file
from giaoviec.load.files import read_bounded
from giaoviec.load.reader import FAST, Reader
from giaoviec.load.repository import digest
from giaoviec.model import Assignment
from giaoviec.model.compact import compact
from giaoviec.model.public import Withholding
from giaoviec.model.values import Document

MODELS_MB = 750  # the memory the models of a report or export may take
TASK_KB = 7  # a task's models as read
COMPACT_KB = 4.6  # compacted (model/compact.py)
BUDGET_MB = 820  # the kept models and the rest of the command, foreseen
REST_MB, REST_KB = 40, 0.9  # the rest: what a report holds besides the models (measured: 225 MB at 210,000 tasks, 910 MB at 1,000,000)
PEAK_MB = 900  # past this, whatever was foreseen, every model is let go (past BUDGET_MB, no more is kept)
KEPT_TASKS: int | None = None  # when set, at most this many tasks' models are kept (tests set 0)
LATE_BYTES = 64_000_000  # the wording of late tasks kept for the report's summary, counted in bytes as it is kept; past it, none


def peak_mb() -> float | None:
    """The process's peak resident memory in MB (None where the system does not say)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class KeptModels(Mapping[tuple[str, int], Assignment]):
    """The Assignment models in scope: as many kept as memory allows (compacted when not all fit as
    read), the others read again from their files when asked for."""

    def __init__(self, root: Path, reader: Reader = FAST, files: int = 0, summary: bool = False, public: bool = False):
        self.root, self.reader = root, reader  # its `agreed`: the texts the fast path took, read again without its risk scan
        self.public = public  # a document read again is read as the public pass read it (model/public.py)
        self.summary = summary  # keep what a report's summary reads of every document (an export reads none of it)
        self.files = files  # the Assignment files the stream will read: what the foresight counts on
        self.kept: dict[tuple[str, int], Assignment] = {}
        self.later: dict[tuple[str, int], str] = {}  # every document → the digest of the content it was scored from
        self.order: list[tuple[str, int]] = []  # as they were read
        self.facts: dict[tuple[str, int], Facts] = {}  # every document's, kept or not: what the report's summary reads
        self.late: dict[tuple[str, int], dict[str, tuple[str, dt.date | None]]] = {}  # the words it quotes of late tasks
        self.late_bytes = 0  # about: 200 bytes an entry, 2 a character (Vietnamese text is stored two bytes a character)
        self.late_full = False  # past LATE_BYTES none is kept: the summary reads those documents again
        self.tasks = 0
        self.kept_tasks = 0  # the tasks of the models kept
        self.rationed = False  # once they are foreseen not to fit as read: kept compacted, up to `room` tasks
        self.room = 0
        self.full = False  # once memory is short, no model is kept: each is read again

    def add(self, doc: Document, content_digest: str) -> None:
        key = (doc.path, doc.index)
        self.order.append(key)
        self.later[key] = content_digest
        if self.summary:
            self.facts[key] = Facts.of(doc.model)
        tasks = len(doc.model.tasks)
        self.tasks += tasks
        if not self.full and len(self.order) % 64 == 0:
            self._foresee()
        if self.full or (KEPT_TASKS is not None and self.kept_tasks + tasks > KEPT_TASKS):
            return
        model = doc.model
        if self.rationed:
            if self.kept_tasks + tasks > self.room:
                return
            model = compact(model)
        self.kept[key] = model
        self.kept_tasks += tasks
        if len(self.kept) % 64 == 0:
            gc.freeze()  # kept models hold no cycle: the cyclic collector need not scan them again (a quarter of a report's time)

    def _foresee(self) -> None:
        """How many tasks' models may be kept, from the tasks foreseen (every 64 documents)."""
        peak = peak_mb()
        if peak is not None and peak > PEAK_MB:
            self.full = True
            self.kept.clear()
            self.kept_tasks = 0
            return
        foreseen = self.tasks / len(self.order) * max(self.files, len(self.order))
        if not self.rationed and foreseen * TASK_KB / 1024 <= MODELS_MB:
            return  # all fit as read
        if not self.rationed:  # from now on: compacted, as many as fit
            self.rationed = True
            self.kept = {key: compact(model) for key, model in self.kept.items()}
        room_mb = min(MODELS_MB, BUDGET_MB - REST_MB - foreseen * REST_KB / 1024)
        self.room = max(0, int(room_mb * 1024 / COMPACT_KB))
        if peak is not None and peak > BUDGET_MB:  # heavier than foreseen (long texts): what is kept stays, no more is
            self.room = min(self.room, self.kept_tasks)
        while self.kept and self.kept_tasks > self.room:  # foreseen more than before: the last kept let go
            _key, model = self.kept.popitem()
            self.kept_tasks -= len(model.tasks)

    def facts_of(self, key: tuple[str, int]) -> Facts:
        kept = self.facts.get(key)
        return kept if kept is not None else Facts.of(self[key])

    def judged(self, doc: Document, results: tuple[TaskResult, ...]) -> None:
        """A document's tasks judged (score_assignments' hook): the words the summary will quote of its
        overdue and undone tasks are kept while the document is at hand."""
        if self.late_full or not self.summary:
            return
        words = late_words(doc.model, results)
        self.late_bytes += sum(200 + 2 * len(what) for what, _due in words.values())
        if self.late_bytes > LATE_BYTES:  # a province of mostly late tasks: bounded, at the cost of a read
            self.late_full = True
            self.late.clear()
            return
        self.late[(doc.path, doc.index)] = words

    def late_of(self, key: tuple[str, int]) -> dict[str, tuple[str, dt.date | None]] | None:
        return self.late.get(key)

    def __getitem__(self, key: tuple[str, int]) -> Assignment:
        if key in self.kept:
            return self.kept[key]
        path, index = key
        expected = self.later[key]
        try:
            raw = read_bounded(self.root / path)
        except OSError:
            raw = b""
        if digest(raw) != expected:
            raise Fatal(ExitCode.REPOSITORY, N_("{file} changed while this command was running; run it again."), file=path)
        docs, _found = read_file(self.root, path, raw, self.reader, Withholding() if self.public else None)
        return next(d.model for d in docs if d.index == index)

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(self.order)

    def __len__(self) -> int:
        return len(self.order)

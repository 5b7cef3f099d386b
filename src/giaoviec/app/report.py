"""`report` and `export` as functions: one pass over the repository that keeps the unit's
Assignment documents (their words are what a report shows), then one YearResult.

The documents are kept in memory, as many as fit: the tasks the stream will bring are foreseen from
the files still to read and the tasks a file has so far. When all of them fit in MODELS_MB as read
(about 7 KB a task), all are kept as they are. Otherwise each kept model is compacted first (its
fields-sets and days shared, model/compact.py: about 4.5 KB a task), and models are kept while they fit
beside what the rest of the command will hold for the tasks foreseen (BUDGET_MB in all); the others
are let go and each is read again when the output reaches it. A document read again must have the
content that was scored (same digest), or the command stops: a figure and the words beside it always
come from one text. Whatever the foresight, once the process has taken BUDGET_MB no more compacted
models are kept, and past PEAK_MB every one is let go.
A province of 5,000 files keeps everything as read; one of 10,000 keeps most, compacted; one of a
million tasks keeps none and stays under 1 GB, paying a second read of every file (the report's
sections, the export's rows). What the report's summary reads of each document is kept for every
document as it streams by (`Facts`, and the wording of its overdue and undone tasks as they are
judged): the summary reads no file again."""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from giaoviec.app.checking import Checking
from giaoviec.compute.report import Facts, Models, late_words
from giaoviec.compute.year import YearResult, in_scope, scope_of, score_assignments, settle
from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.domain.scoring import TaskResult
from giaoviec.load.documents import read_file
from giaoviec.load.files import read_bounded
from giaoviec.load.reader import FAST, Reader
from giaoviec.load.repository import digest
from giaoviec.load.source import Source
from giaoviec.model import Assignment
from giaoviec.model.compact import compact
from giaoviec.model.public import Withholding
from giaoviec.model.values import Document, Repository

MODELS_MB = 750  # the memory the models of a report or export may take
TASK_KB = 7  # a task's models as read
COMPACT_KB = 4.6  # compacted (model/compact.py)
BUDGET_MB = 820  # the kept models and the rest of the command, foreseen
REST_MB, REST_KB = 40, 0.9  # the rest: what a report holds besides the models (measured: 225 MB at 210,000 tasks, 910 MB at 1,000,000)
PEAK_MB = 900  # past this, whatever was foreseen, every model is let go (past BUDGET_MB, no more compacted one is kept)
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
        self.compacting = False  # once they are foreseen not to fit as read: kept compacted, up to `room` tasks
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
        if self.compacting:
            if self.kept_tasks + tasks > self.room:
                return
            compact(doc.model)
        self.kept[key] = doc.model
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
        if not self.compacting and foreseen * TASK_KB / 1024 <= MODELS_MB:
            return  # all fit as read
        if not self.compacting:  # from now on: compacted, as many as fit
            self.compacting = True
            for model in self.kept.values():
                compact(model)
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


@dataclass(frozen=True)
class WithModels:
    """A year's results and the Assignment documents they were computed from."""

    result: YearResult
    models: Models


def default_year(repo: Repository, scope: set[str] | None, today: dt.date) -> int:
    """The latest year (not after this one) with an assignment under the unit."""
    years = [min(a.period.end.year, today.year) for a in repo.assignments
             if (scope is None or a.unit in scope) and a.period.start.year <= today.year]
    return max(years, default=today.year)


def results_with_models(root: Path, year: int | None, unit: str | None, as_of: dt.date | None = None,
                        today: dt.date | None = None, closed_year: bool = False, reader: Reader = FAST,
                        summary: bool = False, public: bool = False, dated: dt.date | None = None, explain: bool = False,
                        every_task: bool = False) -> WithModels:
    """The results of YEAR (by default the latest year of the unit) with the documents in scope.
    `closed_year`: the as-of date is min(31-12-YEAR, the report's date), as a report takes it (`dated`,
    today by default: a report dated 02/07 is about the tasks as of 02/07). `summary`: keep, for every
    document, what a report's summary reads of it (`Facts`, the wording of its late tasks).
    `public`: computed from the repository without its confidential items (model/public.py).
    `explain`: each task's and tier's steps kept, as `score --explain` shows them (serve's cadre page).
    `every_task` (export): the output lists every task of its files, and counts the confidential ones it leaves out so."""
    today = today or dt.date.today()
    dated = dated or today
    reader = reader.remembering()  # the texts the fast path takes: a document read again skips its risk scan
    checking = Checking(root, today, Source(reader, public=public), wording=False)  # no output here shows a warning
    scope = scope_of(checking.registry, unit)
    models = KeptModels(root, reader, checking.files_to_stream, summary, public)

    def in_scope_kept() -> Iterator[Document]:
        for doc in checking:
            if in_scope(doc.model, scope):
                models.add(doc, checking.digest_of(doc.path))
                yield doc

    if year is not None:  # each document scored as it streams by
        if closed_year and as_of is None:
            as_of = min(dt.date(year, 12, 31), dated)
        scored = score_assignments(checking.registry, in_scope_kept(), year, as_of, unit, today, explain, judged_hook=models.judged)
        checked = checking.finish()
    else:  # the latest year is known once every document is read: they are scored after
        for _doc in in_scope_kept():
            pass
        checked = checking.finish()
        year = default_year(checked.repo, scope, today)
        if closed_year and as_of is None:
            as_of = min(dt.date(year, 12, 31), dated)
        scored = score_assignments(checking.registry, (Document(p, i, models[(p, i)]) for p, i in models), year, as_of, unit, today,
                                   explain, judged_hook=models.judged)
    return WithModels(settle(scored, checked.repo, checked.diagnostics, checked.withheld, every_task), models)

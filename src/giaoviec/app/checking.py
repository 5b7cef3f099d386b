"""Reading and checking a repository in one pass: the stream every command consumes.

`Checking(root, today, source)` reads the registry at once; `source` (load/source.py) says where the
documents come from and how they are read (the `Reader`, a listing or scan made before, validate's
cache, the progress callback, --public). Iterating it reads each Assignment file, once, checks every
document in it against the registry and yields it, so that a command can compute from the same
documents while they are in memory (score judges the tasks, status lists the follow-ups). `finish()`
then runs the checks across files on the summaries, turns every place into a line and column, and
returns the `Checked` repository with all its diagnostics. A command is then five lines:

    checking = Checking(root, today, Source(reader))                 # discover, read the registry
    scored = score_assignments(checking.registry, checking, year)   # read, check and judge each file
    checked = checking.finish()                                      # check across files
    result = settle(scored, checked.repo, checked.diagnostics)      # compute
    score_render.RENDERERS[format](result, _, out)                   # render (cli/)

`check(root, today, source)` is the pass with nothing computed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from giaoviec import checks
from giaoviec.app.history import stale_by_history
from giaoviec.diagnostics import Diagnostic
from giaoviec.load import repository
from giaoviec.load.cache import FileResult, Memo, context_key
from giaoviec.load.documents import locate, locate_in, read_file
from giaoviec.load.files import discover, read_bounded
from giaoviec.load.history import history
from giaoviec.load.repository import collector_paused, digest
from giaoviec.load.source import Source
from giaoviec.model import Assignment, Evaluation
from giaoviec.model.public import Withholding
from giaoviec.model.values import AssignmentSummary, Document, Repository, Unreadable, summarize


@dataclass(frozen=True)
class Checked:
    repo: Repository  # the registry and the summaries of every assignment
    diagnostics: list[Diagnostic]  # sorted, located
    withheld: Withholding | None = None  # --public: what was taken out before anything was checked

    @property
    def files(self) -> int:
        return len(self.repo.files)

    @property
    def broken(self) -> set[str]:
        return {d.path for d in self.diagnostics if d.is_error}


class Checking:
    def __init__(self, root: Path, today: dt.date | None = None, source: Source = Source(), wording: bool = True):
        """`source`: where the documents come from and how they are read (load/source.py). With its
        `store` (validate's cache), unchanged Assignment files are answered from their cache entries:
        they are not yielded, so only `finish()` may then be used. `wording`: False for a command that
        shows no warning (score, stats, report, export, diff): the wording analyser, whose findings are
        warnings only, is not run (a tenth of the pass); never with a `store`."""
        assert wording or source.store is None, "validate's cache keeps every finding"
        self.withholding = Withholding() if source.public else None
        self.root = root
        self.today = today or dt.date.today()
        self._progress = source.progress
        self._reader = source.reader
        listing = discover(root) if source.listing is None else source.listing
        self._loaded = source.registry if source.registry is not None else \
            repository.load_registry(root, listing.files, source.reader, source.scanned, source.parsed, self.withholding)
        self.registry: Repository = self._loaded.repo
        evaluated = [d.path for d in self.registry.evaluations]
        self._history = history(root, [*evaluated, *self._loaded.assignment_files, *{d.path for d in self._loaded.assignments}]) \
            if evaluated else None
        self._ctx = checks.context(self.registry, self.today, self._history is not None, wording)
        streamed = set(self._loaded.assignment_files)
        self.memo: Memo | None = source.store.memo(context_key(
            {rel: d for rel, d in self._loaded.digests.items() if rel not in streamed}, self.today, self._history is not None,
        )) if source.store is not None else None
        self._found: list[Diagnostic] = [*listing.problems, *self._loaded.diagnostics]
        self._summaries: list[AssignmentSummary] = []
        self._unreadable: list[Document] = list(self._loaded.unreadable)
        self._digests: dict[str, str] = {}  # the digest of the content each streamed file was read from
        self._stream = self._read()

    def __iter__(self) -> Iterator[Document]:
        """Every Assignment document, checked, once: iterating again goes on where the last stopped."""
        if self.memo is not None:
            raise RuntimeError("a Checking with a cache yields only the files it read: use finish()")
        return self._stream

    def _read(self) -> Iterator[Document]:
        for doc in self._loaded.assignments:
            self._take(doc)
            yield doc
        files, memo, digests = self._loaded.assignment_files, self.memo, self._loaded.digests
        with collector_paused():
            for n, rel in enumerate(files, 1):
                cached = memo.get(rel, digests.get(rel, "")) if memo is not None else None
                if cached is not None:
                    self._keep(cached)
                else:
                    try:
                        raw: bytes | None = read_bounded(self.root / rel)
                    except OSError:
                        raw = None
                    if raw is not None:
                        self._digests[rel] = digest(raw)
                    docs, found = read_file(self.root, rel, raw, self._reader, self.withholding)
                    for doc in docs:
                        if isinstance(doc.model, Assignment):
                            found += self._placed(checks.check_assignment(self._ctx, doc))
                    result = FileResult(tuple(summarize(d) for d in docs if isinstance(d.model, Assignment)),
                                        tuple(d for d in docs if isinstance(d.model, Unreadable)), tuple(found))
                    if memo is not None and raw is not None:  # kept located: an entry keeps no place to resolve later
                        here = locate_in(rel, raw, [d for d in found if d.path == rel])
                        result = FileResult(result.summaries, result.unreadable,
                                            (*here, *locate(self.root, [d for d in found if d.path != rel])))
                        memo.put(rel, digest(raw), result)
                    self._keep(result)
                    yield from (d for d in docs if isinstance(d.model, Assignment))
                if self._progress is not None:
                    self._progress(n, len(files))

    @property
    def files_to_stream(self) -> int:
        """How many files hold the Assignments the stream yields."""
        return len(self._loaded.assignment_files) + len({d.path for d in self._loaded.assignments})

    def digest_of(self, path: str) -> str:
        """The digest of the content a yielded document was read from."""
        return self._digests.get(path) or self._loaded.digests.get(path, "")

    def _placed(self, found: list[Diagnostic]) -> list[Diagnostic]:
        """Findings placed where their items are written in the file (--public took some out)."""
        return found if self.withholding is None else self.withholding.remap(found)

    def _take(self, doc: Document) -> None:
        self._found += self._placed(checks.check_assignment(self._ctx, doc))
        self._summaries.append(summarize(doc))

    def _keep(self, result: FileResult) -> None:
        self._found += result.diagnostics
        self._summaries += result.summaries
        self._unreadable += result.unreadable

    def finish(self) -> Checked:
        """The checks across files, once the stream is read (what was not consumed is read now)."""
        for _doc in self._stream:
            pass
        repo = self.registry.with_assignments(tuple(self._summaries), tuple(self._unreadable))
        withheld = self.withholding
        if withheld is not None:  # the council's entries and scores of what was taken out go too
            documents = tuple(withheld.evaluation(d, repo.by_cadre) if isinstance(d.model, Evaluation) else d for d in repo.documents)
            repo = replace(repo, documents=documents)
            self._found = [d for d in self._found if not withheld.hides(d)]
        ctx = checks.context(repo, self.today, self._history is not None)
        registry = self.memo.registry() if self.memo is not None else None
        if registry is None:
            registry = checks.run(ctx, checks.REGISTRY)
            if self.memo is not None:  # kept located, as the per-file entries are
                registry = locate(self.root, registry)
                self.memo.keep_registry(registry)
        found = self._found + registry + checks.run(ctx, checks.ACROSS)
        if self._history is not None:
            found += stale_by_history(self._history, repo)
        return Checked(repo, sorted(locate(self.root, found)), withheld)


def check(root: Path, today: dt.date | None = None, source: Source = Source()) -> Checked:
    """The whole repository checked, with nothing else computed."""
    return Checking(root, today, source).finish()

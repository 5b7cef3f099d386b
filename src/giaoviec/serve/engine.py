"""The computed model kept between requests, and brought up to date file by file.

`score`, `status`, `report` and `validate` read the whole repository for each run. `serve` reads it
once and keeps, per Assignment file, keyed by the digest of the content it was read from: its
documents, its own findings (`checks.check_assignment`, located) and summaries; per year, each
file's judged tasks (`compute.year.score_assignments` on that file's documents) and each row's
result (`compute.year.pooled`); the follow-up items of each file (`compute.followup.follow_up`).

When files change on disk (seen by the scan of the validate cache: size, times and inode, else the
digest), only those files are read and checked again; what depends on every file is recomputed from
what is kept, with the same functions the commands run: the checks across files, `settle` (the rows
whose inputs did not change taken as they were), the follow-up's `settle`. A change of a registry
file, of the set of files or of the day reads everything again. A start with the cache's entries
(`load.cache.Served`) reads no Assignment file and computes no row again; task results are read
from the cache when a page shows them (kept.py, rows.py). So every figure is the one a fresh run
computes (tests/test_serve.py compares them after a sequence of changes).

Not for `--public` (the confidential items are taken out as each file is read): Site computes the
public view as the commands do."""

from __future__ import annotations

import datetime as dt
import gc
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from giaoviec import checks
from giaoviec.app.history import stale_by_history
from giaoviec.app.report import WithModels, default_year
from giaoviec.compute.followup import FollowUp, Item, follow_up
from giaoviec.compute.followup import settle as settle_follow_up
from giaoviec.compute.year import SCORED, Judged, Scored, pooled, score_assignments, settle
from giaoviec.diagnostics import N_, Diagnostic, ExitCode, Fatal
from giaoviec.domain.scoring import AssignmentResult, Header, Post, TaskResult
from giaoviec.domain.status import Achieved, Judgement, Window
from giaoviec.load import cache
from giaoviec.load.documents import Document, Unreadable, locate, locate_in, read_file
from giaoviec.load.files import Listing, discover, read_bounded
from giaoviec.load.history import History, history
from giaoviec.load.reader import FAST, Reader
from giaoviec.load.repository import Registry, Repository, collector_paused, load_registry, summarize
from giaoviec.load.scanning import UNREADABLE, Scan, digest, scan
from giaoviec.model import Assignment
from giaoviec.serve import rows as kept_rows
from giaoviec.serve.kept import FileState, LazyTasks, Models, Segment, Year, kept_for_good
from giaoviec.serve.watch import Tree, git_dir, git_head

KINDS: dict[str, type] = {c.__name__: c for c in (Item, Header, Post, TaskResult, Achieved, Judgement, Window)}  # what the cache writes of results
WORDING = frozenset({"clarity.what", "clarity.mismatch"})  # the wording analyser's codes (checks/clarity.py, `_wording`)


@dataclass
class State:
    """The repository as one state of its files showed it."""

    today: dt.date
    listing: Listing
    scanned: Scan
    registry: Registry
    history: History | None
    head: str | None  # git's HEAD when the history was read (a commit changes the history, not the files)
    files: dict[str, FileState]
    registry_found: list[Diagnostic] | None = None  # the checks of the registry alone (they read no assignment)
    version: int = 0
    repo: Repository | None = None
    plain: list[Diagnostic] = field(default_factory=list)
    found: list[Diagnostic] = field(default_factory=list)
    years: dict[int, Year] = field(default_factory=dict)
    followup: FollowUp | None = None
    kept: cache.Served | None = None  # what the cache held at the whole reading, and what it will hold
    unsaved: bool = False  # files were read: their entries are to be written
    partial: bool = False  # files changed since the whole reading: nothing more written to the cache


class Engine:
    """The model of one repository (not --public), kept while the files stay as they were."""

    def __init__(self, root: Path, reader: Reader = FAST, cache_folder: Path | None = None):
        self.root = root
        self.store = cache.Store(cache_folder, root) if cache_folder is not None else None
        self.reader = reader.remembering()  # a file read again for its words skips the fast path's risk scan if it took it
        self._seen, self._seen_at = self.store.seen() if self.store is not None else (None, 0)
        with collector_paused():  # (a few million objects, none in a cycle)
            self._served = cache.served_file(self.store) if self.store is not None else None  # read once, at the start
            gc.freeze()  # (before the collector runs again: else its next pass scans every object made while it was paused)
        if self._seen is None and self._served is not None:
            self._seen, self._seen_at = cache.served_seen(self._served)
        self.state: State | None = None
        self.version = 0
        self._git_dir = git_dir(root)
        self._tree: Tree | None = None
        self._listing: Listing | None = None

    # --- reading -------------------------------------------------------------------------------

    def refresh(self, today: dt.date) -> bool:
        """Looks at the files again; True when anything changed (and was brought up to date)."""
        listing = self._discover()
        started = time.time_ns()
        scanned = scan(self.root, listing.files, self._seen, self._seen_at)
        self._seen, self._seen_at = scanned.seen, started
        st = self.state
        if st is None or not self._same_frame(st, listing, scanned, today):
            with kept_for_good():  # millions of objects read back, none in a cycle: the collector would rescan them all
                self.state = self._full(listing, scanned, today)
            self.version += 1
            return True
        changed = [rel for rel in scanned.streamed if st.files[rel].digest != scanned.digests[rel]]
        head = git_head(self.root) if st.history is not None else None
        if not changed and head == st.head:
            return False
        ctx = self._contexts(st.registry.repo, today, st.history is not None)
        with kept_for_good():
            for rel in changed:
                st.files[rel] = self._read(rel, *ctx)
            if st.history is not None:  # a changed file is recorded "now", a commit records it
                st.history, st.head = self._history(st.registry), head
            st.scanned, st.listing, st.partial = scanned, listing, True
            self._derive(st)
        self.version += 1
        return True

    def _discover(self) -> Listing:
        """`discover`, or its last answer while the tree holds the same folders and YAML files (and
        git's index and ignore files are as they were)."""
        if self._tree is None or self._listing is None:
            self._tree = Tree(self.root, self._git_dir)
            self._listing = discover(self.root)
        elif self._tree.changed():
            self._listing = discover(self.root)
        return self._listing

    def _same_frame(self, st: State, listing: Listing, scanned: Scan, today: dt.date) -> bool:
        """Only the content of Assignment files changed: the rest can be kept."""
        if today != st.today or scanned.files != st.scanned.files or scanned.streamed != st.scanned.streamed:
            return False
        if [(d.code, d.path) for d in listing.problems] != [(d.code, d.path) for d in st.listing.problems]:
            return False
        streamed = set(scanned.streamed)
        return all(scanned.digests.get(rel) == d for rel, d in st.scanned.digests.items() if rel not in streamed) \
            and set(scanned.digests) == set(st.scanned.digests)

    def _history(self, registry: Registry) -> History | None:
        evaluated = [d.path for d in registry.repo.evaluations]
        return history(self.root, [*evaluated, *registry.assignment_files, *{d.path for d in registry.assignments}]) \
            if evaluated else None

    def _contexts(self, registry: Repository, today: dt.date, has_history: bool) -> tuple[checks.Context]:
        return (checks.context(registry, today, has_history, True),)

    def _full(self, listing: Listing, scanned: Scan, today: dt.date) -> State:
        """Everything read, as `Checking` reads it (`app/checking.py`)."""
        registry = load_registry(self.root, listing.files, self.reader, scanned)
        hist = self._history(registry)
        st = State(today, listing, scanned, registry, hist, git_head(self.root) if hist is not None else None, {})
        ctx = self._contexts(registry.repo, today, hist is not None)
        streamed = set(registry.assignment_files)
        kept = cache.served(self.store, cache.context_key({rel: d for rel, d in registry.digests.items() if rel not in streamed},
                                                          today, hist is not None), self._served) if self.store is not None else None
        self._served = None
        st.kept = kept
        with collector_paused():
            for rel in registry.assignment_files:
                entry = kept.get(rel, scanned.digests.get(rel, "")) if kept is not None else None
                fs = self._entry(rel, entry, registry.repo, today, kept) if entry is not None else None
                st.files[rel] = fs if fs is not None else self._read(rel, *ctx)
        st.unsaved = kept is not None and any(fs.docs is not None for fs in st.files.values())
        self._derive(st)
        return st

    def _entry(self, rel: str, entry: dict, registry: Repository, today: dt.date, kept: cache.Served | None) -> FileState | None:
        """A file as the cache keeps it (`load.cache.Served`), its task results read when first looked at;
        None when the entry does not read back."""
        try:
            result = cache.Served.file_result(rel, entry)
            if result is None:
                return None
            follow = cache.decode(entry["follow"], KINDS)
            heads = {int(y): [(head, index, registry.profiles[profile], window) for head, index, profile, window in cache.decode(j, KINDS)]
                     for y, j in entry["heads"].items()}
            fs = FileState(entry["digest"], None, result.summaries, result.unreadable, result.diagnostics,
                           tuple(d for d in result.diagnostics if d.code not in WORDING), (follow[0], follow[1]), entry=entry)
            segment = Segment(kept, rel, fs, KINDS, lambda year: self._judged_now(rel, fs, registry, year, today))
            fs.cached = {y: tuple(Judged(head, rel, index, profile, window, LazyTasks(partial(segment.tasks, y, index)))  # type: ignore[arg-type]
                                  for head, index, profile, window in hs) for y, hs in heads.items()}
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        return fs

    def _judged_now(self, rel: str, fs: FileState, registry: Repository, year: int, today: dt.date) -> dict[int, tuple[TaskResult, ...]]:
        """A file's task results of the year computed from its documents (its cache segment did not read back)."""
        scored = [d for d in self._docs(rel, fs) if isinstance(d.model, Assignment) and d.model.status in SCORED]
        got = score_assignments(registry, scored, year, min(dt.date(year, 12, 31), today), None, today, True).judged
        return {j.index: j.tasks for j in got}

    def _save(self, st: State) -> None:
        """Every file's entry and row written to the cache, after a whole reading or when a year's rows
        were not kept yet (not after a change of a few files: those are read again at the next start)."""
        if self.store is None or st.kept is None or not st.unsaved:
            return
        st.unsaved = False
        self.followup()
        for rel, fs in st.files.items():
            entry = st.kept.get(rel, fs.digest) if fs.entry is not None else None
            if entry is not None and all(year in fs.cached for year, y in st.years.items() if rel in y.judged) and st.kept.keep(rel, entry):
                continue
            judged = {y: got[1] for y, kept in st.years.items() if (got := kept.judged.get(rel)) is not None and got[0] is fs}
            judged.update({y: js for y, js in fs.cached.items() if y not in judged})
            if all(st.registry.repo.profiles.get(j.profile.id) is not None for js in judged.values() for j in js):
                st.kept.put(rel, fs.digest, cache.FileResult(fs.summaries, fs.unreadable, fs.found),
                            [list(fs.follow[0]), list(fs.follow[1])] if fs.follow is not None else None,
                            {y: [(j.head, j.index, j.profile.id, j.window) for j in js] for y, js in judged.items()},
                            {y: [tuple(j.tasks) for j in js] for y, js in judged.items()}, KINDS)
        for year, y in st.years.items():
            if y.inputs is not None:
                st.kept.put_row(year, kept_rows.YEAR, y.inputs)
            for key, row in y.rows.items():
                plain = row[6] if row[6] is not None else kept_rows.coded(row[4], row[0], row[5], KINDS)
                if plain is not None:
                    st.kept.put_row(year, kept_rows.key_of(key), plain)
        cache.save_served(self.store, st.kept, self._seen, self._seen_at)

    def _docs(self, rel: str, fs: FileState) -> list[Document]:
        """The file's documents: read now when the cache answered for it (the content it was computed from, or Fatal)."""
        if fs.docs is None:
            try:
                raw = read_bounded(self.root / rel)
            except OSError:
                raw = b""
            if digest(raw) != fs.digest:
                raise Fatal(ExitCode.REPOSITORY, N_("{file} changed while this command was running; run it again."), file=rel)
            fs.docs, _found = read_file(self.root, rel, raw, self.reader)
        return fs.docs

    def _read(self, rel: str, ctx: checks.Context) -> FileState:
        try:
            raw: bytes | None = read_bounded(self.root / rel)
        except OSError:
            raw = None
        docs, found = read_file(self.root, rel, raw, self.reader)
        for doc in docs:
            if isinstance(doc.model, Assignment):
                found += checks.check_assignment(ctx, doc)
        if raw is not None:  # located now, while the content is at hand (as validate's cache keeps them)
            found = [*locate_in(rel, raw, [d for d in found if d.path == rel]), *locate(self.root, [d for d in found if d.path != rel])]
        return FileState(digest(raw) if raw is not None else UNREADABLE, docs,
                         tuple(summarize(d) for d in docs if isinstance(d.model, Assignment)),
                         tuple(d for d in docs if isinstance(d.model, Unreadable)),
                         tuple(found), tuple(d for d in found if d.code not in WORDING))

    def _derive(self, st: State) -> None:
        """What depends on every file, as `Checking.finish` computes it; the years' results and the
        follow-up are computed again when asked for (from what each file keeps)."""
        registry = st.registry
        held = list(registry.assignments)  # Assignment documents of the registry's files (rare)
        summaries = [summarize(d) for d in held] + [s for rel in registry.assignment_files for s in st.files[rel].summaries]
        unreadable = [*registry.unreadable, *(u for rel in registry.assignment_files for u in st.files[rel].unreadable)]
        repo = registry.repo.with_assignments(tuple(summaries), tuple(unreadable))
        ctx = checks.context(repo, st.today, st.history is not None)
        if st.registry_found is None:
            st.registry_found = locate(self.root, checks.run(ctx, checks.REGISTRY))
        across = checks.run(ctx, checks.ACROSS)
        if st.history is not None:
            across += stale_by_history(st.history, repo)
        common = [*st.listing.problems, *registry.diagnostics]
        words_ctx = checks.context(registry.repo, st.today, st.history is not None, True)
        held_found = [d for doc in held for d in checks.check_assignment(words_ctx, doc)]
        own = [d for rel in registry.assignment_files for d in st.files[rel].found]
        plain = [d for rel in registry.assignment_files for d in st.files[rel].plain]
        rest = [*st.registry_found, *across]
        st.repo = repo
        st.found = sorted(locate(self.root, [*common, *held_found, *own, *rest]))
        st.plain = sorted(locate(self.root, [*common, *(d for d in held_found if d.code not in WORDING), *plain, *rest]))
        for y in st.years.values():
            y.result = None
        st.followup = None

    # --- the results -------------------------------------------------------------------------

    def _documents(self, st: State) -> list[tuple[str | None, list[Document]]]:
        """Every Assignment document in the order `Checking` yields them: (file kept, its documents)."""
        return [(None, list(st.registry.assignments)),
                *((rel, [d for d in self._docs(rel, st.files[rel]) if isinstance(d.model, Assignment)]) for rel in st.registry.assignment_files)]

    def default_year(self) -> int:
        st = self._state()
        return default_year(st.repo, None, st.today)  # type: ignore[arg-type]

    def year(self, year: int) -> WithModels:
        """As `app.report.results_with_models(root, year, None, today=…, closed_year=True, summary=True, explain=True)`."""
        st = self._state()
        y = st.years.setdefault(year, Year())
        if y.result is not None:
            return y.result
        registry = st.registry.repo
        as_of = min(dt.date(year, 12, 31), st.today)
        judged: list[Judged] = []
        models = Models(self._docs, st.registry.assignments)
        kept: dict[str, tuple[FileState, tuple[Judged, ...]]] = {}
        try:
            held = [d for d in st.registry.assignments if d.model.status in SCORED]
            judged += score_assignments(registry, held, year, as_of, None, st.today, True).judged
            for rel in st.registry.assignment_files:
                fs = st.files[rel]
                models.add(rel, fs)
                got = y.judged.get(rel)
                if (got is None or got[0] is not fs) and year in fs.cached:
                    got = (fs, fs.cached[year])
                if got is None or got[0] is not fs:
                    scored = [d for d in self._docs(rel, fs) if isinstance(d.model, Assignment) and d.model.status in SCORED]
                    got = (fs, score_assignments(registry, scored, year, as_of, None, st.today, True).judged)
                kept[rel] = got
                judged += got[1]
        except Fatal:  # no profile in force: the whole stream raises it as the commands say it
            score_assignments(registry, (d for _r, docs in self._documents(st) for d in docs), year, as_of, None, st.today, True)
            raise
        y.judged = kept
        rows: dict[tuple[str, str], tuple] = {}
        same_year: list[bool] = []  # whether the year's inputs are the kept rows' (known at the first row)

        def pool(repo: Repository, parts: list[Judged], evaluations: list, stale: dict, explain: bool) -> AssignmentResult:
            """`pooled`, or its result for the same inputs (judged documents, council sessions, stale
            scores, the cadre's summaries): kept since the last change, else in the cache (serve/rows.py)."""
            key = (parts[-1].head.cadre, parts[-1].head.program)
            mine = repo.by_cadre.get(key[0], ())
            councils = tuple((id(doc), bad) for doc, bad in evaluations)
            late = tuple(sorted(stale.items()))
            old = y.rows.get(key)
            if old is not None:
                o_parts, o_mine, o_councils, o_late, result = old[:5]
                if len(o_parts) == len(parts) and all(a is b for a, b in zip(o_parts, parts, strict=True)) \
                        and len(o_mine) == len(mine) and all(a is b for a, b in zip(o_mine, mine, strict=True)) \
                        and o_councils == councils and o_late == late:
                    rows[key] = old
                    return result
            if st.kept is not None and not same_year:
                y.inputs = kept_rows.year_inputs(evaluations, stale)
                same_year.append(st.kept.row(year, kept_rows.YEAR) == y.inputs)
            inputs = kept_rows.row_inputs(parts, mine) if st.kept is not None else None
            plain = st.kept.row(year, kept_rows.key_of(key)) if st.kept is not None and same_year[0] else None
            got = kept_rows.taken_again(plain, repo, parts, evaluations, stale, KINDS) \
                if plain is not None and all((fs := st.files.get(p)) is not None and fs.entry is not None
                                             for p in {*(j.path for j in parts), *(s.path for s in mine)}) \
                and {k: plain.get(k) for k in ("parts", "mine")} == inputs else None
            result = got if got is not None else pooled(repo, parts, evaluations, stale, explain)
            rows[key] = (tuple(parts), tuple(mine), councils, late, result, inputs, plain if got is not None else None)
            return result

        scored_year = Scored(year, as_of, None, tuple(judged), True)
        with kept_for_good():  # (kept with the model, as in refresh)
            result = settle(scored_year, st.repo, st.plain, pool=pool)  # type: ignore[arg-type]
        y.rows = rows
        y.result = WithModels(result, models)
        if st.kept is not None and not st.partial and not (same_year and same_year[0] and len(st.kept.rows_old.get(str(year), ())) == len(rows) + 1):
            st.unsaved = True  # rows computed that the cache did not hold
        with collector_paused():  # (the entries coded and read back: plain data)
            self._save(st)
        return y.result

    def followup(self) -> FollowUp:
        """As `app.score.status(root, today)`."""
        st = self._state()
        if st.followup is None:
            items: list[Item] = []
            considered: list[tuple[str, str]] = []
            for rel in (None, *st.registry.assignment_files):
                fs = st.files[rel] if rel is not None else None
                got = fs.follow if fs is not None else None
                if got is None:
                    docs = list(st.registry.assignments) if rel is None or fs is None else \
                        [d for d in self._docs(rel, fs) if isinstance(d.model, Assignment)]
                    got = follow_up(st.registry.repo, docs, st.today, None, 30)
                    if fs is not None:
                        fs.follow = got
                items += got[0]
                considered += got[1]
            items.sort(key=lambda i: (_ORDER[i.kind], i.unit, i.cadre, i.task))
            st.followup = settle_follow_up(st.today, items, considered, st.repo, st.found, None)  # type: ignore[arg-type]
        return st.followup

    def problems(self) -> list[Diagnostic]:
        """As `app.validate.validate(root, today=…)`."""
        return self._state().found

    def _state(self) -> State:
        assert self.state is not None, "refresh() first"
        return self.state


_ORDER = {"overdue": 0, "due-soon": 1, "no-check-in": 2}

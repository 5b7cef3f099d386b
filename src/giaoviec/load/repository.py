"""What is read from a data repository: the registry whole, the assignments as summaries.

Memory is kept proportional to the organisation, not to the tasks: the registry (Config, Units,
Cadres, ScoringProfile, Evaluation documents) is held whole; Assignment files are listed here and
read one at a time by whoever streams them (`app.checking.Checking`), which keeps of each only an
`AssignmentSummary` once it has been checked.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType
from typing import Protocol

from giaoviec.diagnostics import N_, Diagnostic, repository_error
from giaoviec.i18n import os_problem
from giaoviec.load.documents import read_file
from giaoviec.load.files import CONFIG_FILE, list_files, read_bounded
from giaoviec.load.profiles import builtin_profiles
from giaoviec.load.reader import FAST, Reader
from giaoviec.load.scanning import UNREADABLE, Scan, collector_paused, digest, scan
from giaoviec.model import Assignment, Cadres, Config, ScoringProfile, Units
from giaoviec.model.public import Withholding
from giaoviec.model.values import AssignmentSummary, Document, Entry, Registry, Repository, Unreadable, Weights, summarize

# the values are defined in model/values.py; load/cache.py still reaches AssignmentSummary and Weights here
__all__ = ["AssignmentSummary", "Parsed", "Scan", "Weights", "assignments_of", "collector_paused", "digest", "index", "load_registry", "scan"]


class Parsed(Protocol):
    """Files parsed before, by digest (validate's cache)."""

    def get(self, rel: str, digest: str) -> list[Document] | None: ...
    def put(self, rel: str, digest: str, docs: list[Document]) -> None: ...


def load_registry(root: Path, listed: list[str] | None = None, reader: Reader = FAST, scanned: Scan | None = None,
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
            docs, found = read_file(root, rel, raw, reader, withhold=withhold)
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

"""What a year's results leave out, and why: no figure is partial without saying so.

The rule (docs/cham-diem.md, "Khi kho dữ liệu có lỗi"): a problem stays where it is.
- An assignment file with an error is left out whole; only its cadre's rows are missing.
- A council entry with an error is left out alone: its cadre is scored without it; every other
  entry of the same session still counts. A council file whose header has an error (its council,
  period or date) is left out whole: its cadres are scored without it.
- A file that cannot be read at all (or of which no document could be read), and an error in the
  registry (units, cadres, profiles, the configuration), are named too, since the figures may depend on them.
Each left-out item names its file, the cadres it concerns and the first error; every output puts
the list inside itself, and the commands exit 1.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from giaoviec.diagnostics import Diagnostic
from giaoviec.model import Evaluation
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.model.public import Withholding
from giaoviec.model.values import Document, InvalidEntry, Repository, Unreadable

KINDS = ("assignment", "council-entry", "council", "unreadable", "registry")


@dataclass(frozen=True)
class LeftOut:
    kind: str  # one of KINDS
    path: str
    cadres: tuple[str, ...]  # the cadres it concerns; ("*",) when that cannot be read
    error: Diagnostic  # the first error that leaves it out


@dataclass
class Breakage:
    """Which files, documents and council entries the errors of a run break."""

    files: dict[str, Diagnostic] = field(default_factory=dict)  # path → its first error
    docs: dict[tuple[str, int], Diagnostic] = field(default_factory=dict)  # errors outside any council entry
    entries: dict[tuple[str, int, int], Diagnostic] = field(default_factory=dict)  # (path, document, entry)

    def document(self, path: str, index: int) -> Diagnostic | None:
        return self.docs.get((path, index)) or self.docs.get((path, -1))


NOT_DATA = frozenset({"file.journal-in-tree"})  # a finding about a file that holds no data: no figure leaves anything out for it


def breakage(diagnostics: Sequence[Diagnostic]) -> Breakage:
    out = Breakage()
    for d in sorted(diagnostics):
        if not d.is_error or not d.path:
            continue
        out.files.setdefault(d.path, d)
        loc = d.where.loc if d.where else ()
        if d.where is not None and len(loc) >= 2 and loc[0] == "evaluations" and isinstance(loc[1], int):
            out.entries.setdefault((d.path, d.where.doc, loc[1]), d)
        else:
            out.docs.setdefault((d.path, d.where.doc if d.where else -1), d)
    return out


def usable_evaluations(repo: Repository, broken: Breakage) -> list[tuple[Document, frozenset[int]]]:
    """The council sessions whose header holds, each with the positions of its entries left out."""
    out = []
    for doc in repo.evaluations:
        if broken.document(doc.path, doc.index) is None:
            bad = frozenset(i for (p, di, i) in broken.entries if p == doc.path and di == doc.index)
            out.append((doc, bad))
    return out


def left_out(repo: Repository, broken: Breakage, year: int, scope: set[str] | None,
             judged: Sequence[tuple[str, str]], scored_cadres: set[str]) -> list[LeftOut]:
    """Everything in scope of the year that the results leave out. `judged`: (path, cadre) of the
    assignments in scope that were read; `scored_cadres`: the cadres of those in scope."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    out: list[LeftOut] = []
    for path, cadre in judged:
        if path in broken.files:
            out.append(LeftOut("assignment", path, (cadre,), broken.files[path]))
    for doc in repo.evaluations:
        ev: Evaluation = doc.model
        if not ev.period.overlaps(first, last):
            continue
        header = broken.document(doc.path, doc.index)
        for i, entry in enumerate(ev.evaluations):
            cadre = entry.cadre if isinstance(entry, (CadreEvaluation, InvalidEntry)) else None
            error = header or broken.entries.get((doc.path, doc.index, i))
            if error is not None and (cadre is None or cadre in scored_cadres):
                out.append(LeftOut("council" if header else "council-entry", doc.path, (cadre or "*",), error))
    for doc in repo.unreadable:
        lost: Unreadable = doc.model
        error = broken.files.get(doc.path)
        if error is None or not lost.overlaps(first, last):
            continue
        if lost.kind == "Assignment" and (scope is None or lost.unit is None or lost.unit in scope):
            out.append(LeftOut("assignment", doc.path, lost.cadres, error))
        elif lost.kind == "Evaluation" and ("*" in lost.cadres or set(lost.cadres) & scored_cadres):
            out.append(LeftOut("council", doc.path, lost.cadres, error))
        elif lost.kind == "*":
            out.append(LeftOut("unreadable", doc.path, ("*",), error))
    registry_paths = {d.path for d in repo.documents if not isinstance(d.model, Evaluation)}
    registry_paths |= {d.path for d in repo.unreadable if d.model.kind not in ("Assignment", "Evaluation", "*")}
    for path in sorted(registry_paths & set(broken.files)):
        out.append(LeftOut("registry", path, (), broken.files[path]))
    read = {d.path for d in repo.documents} | {d.path for d in repo.unreadable} | {a.path for a in repo.assignments}
    for path in sorted(set(broken.files) - read):  # nothing of it was read (a link out, a folder that cannot be listed…)
        if broken.files[path].code not in NOT_DATA:
            out.append(LeftOut("unreadable", path, ("*",), broken.files[path]))
    return _merged(out)


def _merged(items: list[LeftOut]) -> list[LeftOut]:
    """One item per (kind, path), with the cadres of all its entries."""
    cadres: dict[tuple[str, str], list[str]] = defaultdict(list)
    first: dict[tuple[str, str], LeftOut] = {}
    for item in items:
        key = (item.kind, item.path)
        first.setdefault(key, item)
        cadres[key] += [c for c in item.cadres if c not in cadres[key]]
    return [LeftOut(k, p, tuple(cadres[(k, p)]), first[(k, p)].error) for (k, p) in sorted(first, key=lambda kp: (KINDS.index(kp[0]), kp[1]))]


@dataclass(frozen=True)
class Confidential:
    """What a public output leaves out (--public): how many confidential assignments (whole documents)
    and tasks (of published assignments) in its scope. Every figure beside it was computed without them."""

    assignments: int
    tasks: int


SCORED = ("assigned", "closed")


def confidential(withheld: Withholding | None, scope: set[str] | None, first: dt.date, last: dt.date,
                 statuses: tuple[str, ...] = SCORED, by_year: bool = True,
                 listed: set[tuple[str, int]] | None = None,
                 owners: Mapping[tuple[str, str], str] | None = None) -> Confidential | None:
    """The confidential items taken out whose assignment is in scope and in [first, last] (counted
    too when that cannot be told: a file that could not be read); of a published assignment, the tasks
    that count in one of those years (`by_year`, as the year's results count them), or all of them;
    `listed` (an export, which lists every task of its files): all the tasks of the files it lists
    (path, document), none of the others; `owners` ((cadre, program) → the unit of the row the year's
    results show their files in, a move pooling them): an item is in scope when that row is, whatever
    its file's own unit. None when the output is not public."""
    if withheld is None:
        return None
    files = tasks = 0
    for w in withheld.items:
        if w.status is not None and w.status not in statuses:
            continue
        unit = (owners or {}).get((w.cadre or "", w.program or ""), w.unit)
        if scope is not None and unit is not None and not _admits(scope, unit, w.cadre):
            continue
        try:
            start = dt.date.fromisoformat(w.start) if w.start else dt.date.min
            end = dt.date.fromisoformat(w.end) if w.end else dt.date.max
        except ValueError:
            start, end = dt.date.min, dt.date.max
        if start > last or end < first:
            continue
        if w.whole:
            files += 1
        elif listed is not None:
            tasks += len(w.tasks) if (w.path, w.index) in listed else 0
        elif not by_year:
            tasks += len(w.tasks)
        else:
            tasks += sum(1 for years in w.years if years is None or any(first.year <= y <= last.year for y in years))
    return Confidential(files, tasks)


def _admits(scope: set[str], unit: str, cadre: str | None) -> bool:
    admits = getattr(scope, "admits", None)
    return bool(admits(unit, cadre or "")) if admits is not None else unit in scope

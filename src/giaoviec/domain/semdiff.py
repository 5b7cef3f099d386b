"""What changed between two versions of a data repository, in the domain's words (pure).

It is given the documents of the files whose bytes differ (`load.revisions`) in both versions.
Assignments are matched by (cadre, program, period), tasks by id, council entries by (council,
cadre, program). A change of an assigned term (what, due,
target, weight) says whether it eases the task: a lower target (higher for a decrease measure), a
later due date, a lighter weight.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from giaoviec.model import Assignment, Evaluation
from giaoviec.model.assignment import Task
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.model.org import Cadres, Units
from giaoviec.model.values import Document, Unreadable

TERMS = ("what", "due", "target", "weight")
DRAFTS = ("proposed", "appraised")  # a draft's terms are still being settled: edited freely, no amendment


@dataclass(frozen=True)
class Owner:
    """Whose change: the file and document it is in, the cadre, program and period it concerns."""

    path: str
    cadre: str
    program: str
    period: str
    index: int = 0  # the document in the new file
    unit: str = ""  # the assignment's unit (none for a council entry)


@dataclass(frozen=True)
class Change:
    kind: str  # assignment-added, assignment-removed, task-added, task-removed, term, check-in, check-in-removed,
    #            outcome, confidential, cancelled, council-score, council-general, council-component, council-tier,
    #            council-discipline, status (proposed → appraised → assigned → closed),
    #            registry (a change of units, cadres, profiles or the configuration: everyone's inputs)
    owner: Owner
    task: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    eased: bool = False  # a term changed in the cadre's favour
    amended: bool = True  # for a term: an amendment added since names the task
    loc: tuple = ()  # where in the new file (for diagnostics)
    council: str | None = None  # the file of an unchanged council session that scored the task before this change
    council_date: dt.date | None = None  # that session's date

    @property
    def path(self) -> str:
        return self.owner.path

    @property
    def cadre(self) -> str:
        return self.owner.cadre

    @property
    def program(self) -> str:
        return self.owner.program

    @property
    def period(self) -> str:
        return self.owner.period

    @property
    def index(self) -> int:
        return self.owner.index


@dataclass
class Diff:
    changes: list[Change] = field(default_factory=list)
    changed_files: list[str] = field(default_factory=list)

    def cadres(self) -> set[tuple[str, str]]:
        return {(c.cadre, c.program) for c in self.changes}

    @property
    def registry_changed(self) -> bool:
        """A change of units, cadres, profiles or the configuration: anyone's figures may follow."""
        return any(c.kind == "registry" for c in self.changes)

    def years_of(self, today: dt.date) -> dict[tuple[str, str], set[int]]:
        """For each (cadre, program) whose inputs changed ("" for a council entry without a program),
        the years of the changed assignments and sessions, up to this year."""
        out: dict[tuple[str, str], set[int]] = {}
        for c in self.changes:
            if c.kind != "registry":
                out.setdefault((c.cadre, c.program), set()).update(period_years(c.period, today))
        return out


def _assignments(docs: list[Document]) -> dict[tuple, tuple[str, int, Assignment]]:
    return {(d.model.cadre, d.model.program, d.model.period.start, d.model.period.end): (d.path, d.index, d.model)
            for d in docs if isinstance(d.model, Assignment)}


def _evaluations(docs: list[Document]) -> dict[tuple, tuple[str, int, int, Any, Evaluation]]:
    return {(d.model.council, d.model.period.start, entry.cadre, entry.program): (d.path, d.index, i, entry, d.model)
            for d in docs if isinstance(d.model, Evaluation) for i, entry in enumerate(d.model.evaluations) if isinstance(entry, CadreEvaluation)}


def terms(task: Task) -> dict[str, Any]:
    measure = task.result.measure if task.result else None
    return {
        "what": task.what,
        "due": task.when.due if task.when else None,
        "target": measure.target if measure else None,
        "weight": task.weight,
    }


def terms_and_outcome(task: Task) -> tuple:
    """What a council's score of a task rests on: its assigned terms and its outcome."""
    return (*terms(task).values(), task.outcome)


def _eased(name: str, old: Any, new: Any, direction: str) -> bool:
    if old is None or new is None:
        return name == "due" and new is None  # a deadline removed
    if name == "due":
        return new > old
    if name == "target":
        return new < old if direction == "increase" else new > old
    if name == "weight":
        return new < old
    return False


LOCS = {"what": ("what",), "due": ("when", "due"), "target": ("result", "measure", "target"), "weight": ("weight",)}


def compare(files: list[str], old_docs: Iterable[Document], new_docs: Iterable[Document]) -> Diff:
    """The changes between the documents of the changed files in the old and the new version."""
    old_list, new_list = list(old_docs), list(new_docs)
    diff = Diff(changed_files=files)
    before, after = _assignments(old_list), _assignments(new_list)
    for key in sorted(set(before) | set(after), key=str):
        cadre, program, start, end = key
        period = f"{start.isoformat()} – {end.isoformat()}"
        if key not in before:
            path, index, added = after[key]
            diff.changes.append(Change("assignment-added", Owner(path, cadre, program, period, index, added.unit),
                                       new={"status": added.status, "tasks": len(added.tasks)}))
            continue
        if key not in after:
            path, _, removed = before[key]
            diff.changes.append(Change("assignment-removed", Owner(path, cadre, program, period, unit=removed.unit)))
            continue
        diff.changes += _assignment_changes(before[key], after[key], period)
    old_ev, new_ev = _evaluations(old_list), _evaluations(new_list)
    for key in sorted(set(old_ev) | set(new_ev), key=str):
        diff.changes += _council_changes(old_ev.get(key), new_ev.get(key))
    held = {d.path for d in (*old_list, *new_list) if not _is_registry(d)}
    for path in sorted({d.path for d in (*old_list, *new_list) if _is_registry(d)} - held):
        diff.changes.append(Change("registry", Owner(path, "", "", ""), new=org_changes(path, old_list, new_list)))
    return diff


ORG_FIELDS = {"unit": ("name", "level", "parent", "valid_from", "valid_to", "succeeded_by"), "cadre": ("name", "hometown", "positions")}


def org_changes(path: str, old_docs: list[Document], new_docs: list[Document]) -> tuple[tuple[str, str, str, str, tuple[str, ...]], ...]:
    """What a change of a Units or Cadres file does to each unit and cadre in it: (unit | cadre,
    added | removed | changed, id, name, the fields changed)."""
    def entries(docs: list[Document]) -> dict[tuple[str, str], Any]:
        out: dict[tuple[str, str], Any] = {}
        for d in docs:
            if d.path == path and isinstance(d.model, Units):
                out.update({("unit", u.id): u for u in d.model.units})
            elif d.path == path and isinstance(d.model, Cadres):
                out.update({("cadre", c.id): c for c in d.model.cadres})
        return out

    before, after = entries(old_docs), entries(new_docs)
    found: list[tuple[str, str, str, str, tuple[str, ...]]] = []
    for key in sorted(set(before) | set(after)):
        kind, ident = key
        was, now = before.get(key), after.get(key)
        if was is None or now is None:
            either: Any = now if was is None else was
            found.append((kind, "added" if was is None else "removed", ident, either.name, ()))
        else:
            fields = tuple(name for name in ORG_FIELDS[kind] if getattr(was, name) != getattr(now, name))
            if fields:
                found.append((kind, "changed", ident, now.name, fields))
    return tuple(found)


def _is_registry(doc: Document) -> bool:
    """Units, cadres, profiles, the configuration (readable or not): what everyone's figures rest on."""
    if isinstance(doc.model, Unreadable):
        return doc.model.kind not in ("Assignment", "Evaluation")
    return not isinstance(doc.model, (Assignment, Evaluation))


def _assignment_changes(old, new, period: str) -> list[Change]:
    _, _, a = old
    path, index, b = new
    out: list[Change] = []
    base = Owner(path, b.cadre, b.program, period, index, b.unit)
    if a.status != b.status:
        out.append(Change("status", base, field="status", old=a.status, new=b.status, loc=("status",)))
    if a.confidential != b.confidential:
        out.append(Change("confidential", base, field="confidential", old=a.confidential, new=b.confidential, loc=("confidential",)))
    old_tasks = {t.id: t for t in a.tasks}
    named = amendments_since(a, b)
    draft = a.status in DRAFTS  # the terms bind from the decision that assigns them: before it, no amendment is needed
    for i, t in enumerate(b.tasks):
        loc = ("tasks", i)
        if t.id not in old_tasks:
            out.append(Change("task-added", base, task=t.id, new=t.what, loc=(*loc, "id")))
            continue
        o = old_tasks[t.id]
        direction = t.result.measure.direction if t.result and t.result.measure else "increase"
        for name, (was, now) in ((n, (terms(o)[n], terms(t)[n])) for n in TERMS):
            if was != now:
                out.append(Change("term", base, task=t.id, field=name, old=was, new=now, eased=_eased(name, was, now, direction),
                                  amended=draft or t.id in named, loc=loc + LOCS[name]))
        for p in (p for p in t.progress if p not in o.progress):
            out.append(Change("check-in", base, task=t.id, new=p, loc=(*loc, "progress")))
        for p in (p for p in o.progress if p not in t.progress):
            out.append(Change("check-in-removed", base, task=t.id, old=p, loc=(*loc, "progress")))
        if (o.outcome or None) != (t.outcome or None):
            out.append(Change("outcome", base, task=t.id, old=o.outcome, new=t.outcome, loc=(*loc, "outcome")))
        if o.confidential != t.confidential:
            out.append(Change("confidential", base, task=t.id, field="confidential", old=o.confidential, new=t.confidential,
                              loc=(*loc, "confidential")))
        if (o.cancelled is None) != (t.cancelled is None):
            out.append(Change("cancelled", base, task=t.id, old=o.cancelled, new=t.cancelled, loc=(*loc, "cancelled")))
    new_ids = {t.id for t in b.tasks}
    for t in a.tasks:
        if t.id not in new_ids:
            out.append(Change("task-removed", base, task=t.id, old=t.what))
    return out


def _council_changes(old, new) -> list[Change]:
    ref = new or old
    path, index, i, entry, ev = ref
    program = entry.program or ""
    base = Owner(path, entry.cadre, program, f"{ev.period.start} – {ev.period.end}", index)
    before = old[3] if old else None
    after = new[3] if new else None
    out: list[Change] = []
    ids = sorted(set(before.tasks if before else {}) | set(after.tasks if after else {}))
    for tid in ids:
        was = before.tasks[tid].score if before and tid in before.tasks else None
        now = after.tasks[tid].score if after and tid in after.tasks else None
        if was != now:
            out.append(Change("council-score", base, task=tid, old=was, new=now, loc=("evaluations", i, "tasks", tid)))
    for name, kind in (("general", "council-general"), ("decided_tier", "council-tier"), ("discipline", "council-discipline")):
        was, now = getattr(before, name, None), getattr(after, name, None)
        if was != now:
            out.append(Change(kind, base, field=name, old=was, new=now, loc=("evaluations", i, name)))
    old_parts, new_parts = (before.components if before else {}), (after.components if after else {})
    for name in sorted(set(old_parts) | set(new_parts)):
        if old_parts.get(name) != new_parts.get(name):
            out.append(Change("council-component", base, field=name, old=old_parts.get(name), new=new_parts.get(name),
                              loc=("evaluations", i, "components", name)))
    return out


def amendments_since(old: Assignment | None, new: Assignment) -> set[str]:
    """Task ids named by an amendment of `new` that `old` did not have (decision and date given)."""
    had = {(m.decision, m.date, tuple(m.tasks)) for m in (old.amendments if old else ())}
    named: set[str] = set()
    for m in new.amendments:
        if (m.decision, m.date, tuple(m.tasks)) not in had:
            named |= set(m.tasks)
    return named


def period_years(period: str, today: dt.date) -> set[int]:
    """The years of a period written "YYYY-MM-DD – YYYY-MM-DD", up to this year."""
    parts = period.split(" – ")
    try:
        first, last = int(parts[0][:4]), int(parts[-1][:4])
    except ValueError:
        return set()
    return {y for y in range(first, last + 1) if y <= today.year}


def years_touched(changes: list[Change], today: dt.date) -> list[int]:
    """Every year of the periods of the changed assignments and council sessions, up to this year."""
    years: set[int] = set()
    for c in changes:
        years |= period_years(c.period, today)
    return sorted(years)

"""The public repository: confidential items taken out of the data as it is read, before anything is
parsed, checked or computed (`--public`).

A public output is computed from the repository with its confidential items removed, so that no
figure, tier reason, quota warning, council score or notice can differ because of one; it then says
only how many were left out. What is removed, as a person would delete it by hand:
- an Assignment document marked `confidential` (any value but false), or whose every task is: the
  whole document, and the council entries that score only it (`Withholding.evaluation`);
- a task marked `confidential`: the task, the amendments that name it (their notes may quote it) and
  the council's scores of it; a council entry left with nothing once they are out is taken out too,
  so that it supersedes no earlier session (as a clerk deletes the score, then the empty entry);
- a file that cannot be read as YAML but says `confidential:` at its top level: the whole file.

Positions stay those of the file: a finding about the fourth task written is placed on the fourth
task, whatever was taken out before it (`remap`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from giaoviec.diagnostics import Diagnostic, Where
from giaoviec.model import Evaluation
from giaoviec.model.evaluation import CadreEvaluation

CONFIDENTIAL_LINE = re.compile(rb"^confidential[ \t]*:[ \t]*(?!(?:false|False|FALSE|null|~)?[ \t]*(?:#.*)?\r?$)", re.MULTILINE)


@dataclass(frozen=True)
class Withheld:
    """One Assignment document taken out whole (`whole`), or the tasks taken out of a published one."""

    path: str
    index: int  # -1: the whole file (it could not be read)
    cadre: str | None
    unit: str | None
    program: str | None
    status: str | None
    start: str | None  # the period as written
    end: str | None
    tasks: tuple[str, ...]  # the ids of the tasks taken out
    whole: bool
    years: tuple[frozenset[int] | None, ...] = ()  # each task's: the years it counts in (its due date's, its checkpoints'); None: unknown


@dataclass
class Withholding:
    """What `--public` took out of the documents read so far, and where the rest came from."""

    items: list[Withheld] = field(default_factory=list)
    positions: dict[tuple[str, int], dict[str, tuple[int, ...]]] = field(default_factory=dict)  # kept item → its written place
    entries: set[tuple[str, int, int]] = field(default_factory=set)  # council entries taken out (path, document, entry)
    scores: set[tuple[str, int, int, str]] = field(default_factory=set)  # council task scores taken out

    def file(self, rel: str, raw: bytes) -> bool:
        """A file that is not readable YAML: taken out whole (True) when its top level says confidential."""
        if CONFIDENTIAL_LINE.search(raw) is None:
            return False
        self.items.append(Withheld(rel, -1, None, None, None, None, None, None, (), True))
        return True

    def document(self, rel: str, index: int, data: Any) -> Any:
        """An Assignment document's data as published: None when it is taken out whole."""
        if not isinstance(data, dict) or data.get("kind") != "Assignment":
            return data
        tasks = data.get("tasks")
        tasks = list(tasks) if isinstance(tasks, list) else []
        hidden = [i for i, t in enumerate(tasks) if isinstance(t, dict) and _marked(t)]
        ids = tuple(str(tasks[i].get("id")) for i in hidden)
        whole = _marked(data) or (bool(tasks) and len(hidden) == len(tasks))
        if not whole and not hidden:
            return data
        raw_period = data.get("period")
        period: dict = raw_period if isinstance(raw_period, dict) else {}
        taken = [tasks[i] for i in hidden] if not whole else tasks
        self.items.append(Withheld(rel, index, _text(data.get("cadre")), _text(data.get("unit")), _text(data.get("program")),
                                   _text(data.get("status", "assigned")), _text(period.get("from")), _text(period.get("to")),
                                   tuple(str(t.get("id")) if isinstance(t, dict) else "" for t in taken), whole, tuple(_years(t) for t in taken)))
        if whole:
            return None
        out_of = set(hidden)
        kept_tasks = tuple(i for i in range(len(tasks)) if i not in out_of)
        out = dict(data)
        out["tasks"] = [tasks[i] for i in kept_tasks]
        positions = {"tasks": kept_tasks}
        amendments = data.get("amendments")
        if isinstance(amendments, list):
            kept_amendments = tuple(i for i, a in enumerate(amendments) if not _names(a, ids))
            out["amendments"] = [amendments[i] for i in kept_amendments]
            positions["amendments"] = kept_amendments
        self.positions[(rel, index)] = positions
        return out

    def remap(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        """Findings about published documents placed where their items are written."""
        out = []
        for d in diagnostics:
            w = d.where
            kept = self.positions.get((d.path, w.doc)) if w is not None else None
            if kept and w is not None and len(w.loc) >= 2 and w.loc[0] in kept and isinstance(w.loc[1], int):
                written = kept[str(w.loc[0])]
                if w.loc[1] < len(written):
                    d = replace(d, where=Where(w.doc, (w.loc[0], written[w.loc[1]], *w.loc[2:]), w.anchor))
            out.append(d)
        return out

    def hides(self, d: Diagnostic) -> bool:
        """Whether a finding is about something taken out (a council entry or score of a confidential item)."""
        w = d.where
        if w is None or len(w.loc) < 2 or w.loc[0] != "evaluations" or not isinstance(w.loc[1], int):
            return False
        if (d.path, w.doc, w.loc[1]) in self.entries:
            return True
        return len(w.loc) >= 4 and w.loc[2] == "tasks" and (d.path, w.doc, w.loc[1], str(w.loc[3])) in self.scores

    def evaluation(self, doc: Any, published: Mapping[str, Sequence[Any]]) -> Any:
        """A council session's document as published: an entry that scores only assignments taken out
        is taken out (None, as an invalid entry is, so that positions stay), and the scores of tasks
        taken out are dropped; an entry left blank by that is taken out too. `published`: cadre → the summaries of the assignments kept."""
        ev: Evaluation = doc.model
        entries: list[Any] = []
        changed = False
        for i, entry in enumerate(ev.evaluations):
            cadre = getattr(entry, "cadre", None)
            mine = [w for w in self.items if cadre is not None and w.cadre == cadre and _matches(w, ev, entry)]
            if not mine or cadre is None:
                entries.append(entry)
                continue
            kept = [a for a in published.get(cadre, ()) if (not getattr(entry, "program", None) or a.program == entry.program)
                    and a.period.overlaps(ev.period.start, ev.period.end)]
            if not kept and any(w.whole for w in mine):
                self.entries.add((doc.path, doc.index, i))
                entries.append(None)
                changed = True
                continue
            hidden = {t for w in mine if not w.whole for t in w.tasks} - {t for a in kept for t in a.weights}
            if isinstance(entry, CadreEvaluation) and hidden & set(entry.tasks):
                self.scores |= {(doc.path, doc.index, i, t) for t in hidden & set(entry.tasks)}
                entry = entry.model_copy(update={"tasks": {t: s for t, s in entry.tasks.items() if t not in hidden}})
                changed = True
                if _blank(entry):  # left with nothing: deleted too, so that it supersedes no earlier session
                    self.entries.add((doc.path, doc.index, i))
                    entries.append(None)
                    continue
            entries.append(entry)
        return replace(doc, model=ev.model_copy(update={"evaluations": tuple(entries)})) if changed else doc


def _blank(entry: CadreEvaluation) -> bool:
    """An entry that says nothing once the confidential scores are out: no task score, no general
    points, no component, no discipline, no decided tier or reason (what import writes no entry for)."""
    return not entry.tasks and entry.general is None and not entry.components and entry.discipline is None \
        and entry.decided_tier is None and entry.reason is None


def _marked(item: dict) -> bool:
    value = item.get("confidential", False)
    return value is not False and value is not None


def _matches(w: Withheld, ev: Evaluation, entry: Any) -> bool:
    """Whether an entry of this session may score the assignment taken out (its program and period)."""
    program = getattr(entry, "program", None)
    if program and w.program and program != w.program:
        return False
    try:
        start = dt.date.fromisoformat(w.start) if w.start else dt.date.min
        end = dt.date.fromisoformat(w.end) if w.end else dt.date.max
    except ValueError:
        return True
    return start <= ev.period.end and ev.period.start <= end


def _years(task: Any) -> frozenset[int] | None:
    """The years a task counts in, as domain.status.counts_in tells them: its due date's and its
    checkpoints' (None when they cannot be read)."""
    when = task.get("when") if isinstance(task, dict) else None
    if not isinstance(when, dict):
        return None
    days = [when.get("due"), *(cp.get("by") if isinstance(cp, dict) else None for cp in when.get("checkpoints") or ())]
    years = set()
    for day in days:
        if day is None:
            continue
        try:
            years.add(day.year if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)).year)
        except ValueError:
            return None
    return frozenset(years)


def _names(amendment: Any, ids: tuple[str, ...]) -> bool:
    tasks = amendment.get("tasks") if isinstance(amendment, dict) else None
    return isinstance(tasks, list) and any(str(t) in ids for t in tasks)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)

"""`eval.stale` from git history: a council's task score whose session was recorded before a later
change of that task's outcome, due date or target. Where there is no git, the dates in the files
decide instead (`checks.evaluations.assignment_stale`, run while the assignments stream)."""

from __future__ import annotations

from pathlib import Path

from giaoviec.checks.evaluations import STALE_HINT, STALE_HISTORY
from giaoviec.diagnostics import Diagnostic, warning
from giaoviec.domain.councils import matching_assignments
from giaoviec.domain.semdiff import terms_and_outcome
from giaoviec.load.documents import parse_document, read_file
from giaoviec.load.history import History
from giaoviec.load.reader import FAST
from giaoviec.model import Assignment, Evaluation
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.model.values import Repository


def stale_by_history(hist: History, repo: Repository) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for ev_doc in repo.evaluations:
        ev: Evaluation = ev_doc.model
        session = hist.recorded.get(ev_doc.path)
        if session is None or session.commit is None:
            continue  # a session not committed yet is recorded now: nothing came after it
        for i, entry in enumerate(ev.evaluations):
            if not isinstance(entry, CadreEvaluation) or not entry.tasks:
                continue
            matches = matching_assignments(repo.by_cadre.get(entry.cadre, ()), ev, entry)
            if len(matches) != 1:
                continue
            a = matches[0]
            change = hist.recorded.get(a.path)
            if change is None or not change.after(session):
                continue
            old, new = _assignment(hist.text_at(session.commit, a.path), a.path, a.index), _current(repo.root, a.path, a.index)
            if old is None or new is None:
                continue
            before = {t.id: terms_and_outcome(t) for t in old.tasks}
            after = {t.id: terms_and_outcome(t) for t in new.tasks}
            for task_id in entry.tasks:
                if task_id in before and task_id in after and before[task_id] != after[task_id]:
                    out.append(warning(ev_doc.path, ev_doc.where("evaluations", i, "tasks", task_id, anchor="key"), "eval.stale",
                                       STALE_HISTORY, hint=STALE_HINT, task=task_id, day=ev.date, file=a.path))
    return out


def _assignment(text: str | None, rel: str, index: int) -> Assignment | None:
    if text is None:
        return None
    loaded = FAST.load(rel, text)
    if loaded.diagnostics or index >= len(loaded.documents):
        return None
    model, _ = parse_document(rel, index, loaded.documents[index])
    return model if isinstance(model, Assignment) else None


def _current(root: Path, rel: str, index: int) -> Assignment | None:
    docs, _ = read_file(root, rel)
    return next((d.model for d in docs if d.index == index and isinstance(d.model, Assignment)), None)

"""Which assignment a council's evaluation entry scores (shared by validate and score)."""

from __future__ import annotations

from giaoviec.model import Assignment, Evaluation
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.repository import Document, Repository


def matching_assignments(repo: Repository, evaluation: Evaluation, entry: CadreEvaluation) -> list[Document]:
    """The cadre's assignments (of entry.program, when given) whose period overlaps the session's."""
    period = evaluation.period
    out = []
    for doc in repo.assignments:
        m: Assignment = doc.model
        if m.cadre != entry.cadre or (entry.program and m.program != entry.program):
            continue
        if m.period.overlaps(period.start, period.end):
            out.append(doc)
    return out

"""Which assignment a council's evaluation entry scores (shared by validate and score)."""

from __future__ import annotations

from giaoviec.model import Evaluation
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.repository import AssignmentSummary, Repository


def matching_assignments(repo: Repository, evaluation: Evaluation, entry: CadreEvaluation) -> list[AssignmentSummary]:
    """The cadre's assignments (of entry.program, when given) whose period overlaps the session's."""
    period = evaluation.period
    return [
        a for a in repo.assignments
        if a.cadre == entry.cadre and (not entry.program or a.program == entry.program)
        and a.period.overlaps(period.start, period.end)
    ]

"""Which assignment a council's evaluation entry scores (shared by the checks and the scores)."""

from __future__ import annotations

from collections.abc import Iterable

from giaoviec.load.repository import AssignmentSummary
from giaoviec.model import Evaluation
from giaoviec.model.evaluation import CadreEvaluation


def matching_assignments(assignments: Iterable[AssignmentSummary], evaluation: Evaluation, entry: CadreEvaluation) -> list[AssignmentSummary]:
    """The cadre's assignments (of entry.program, when given) whose period overlaps the session's."""
    period = evaluation.period
    return [
        a for a in assignments
        if a.cadre == entry.cadre and (not entry.program or a.program == entry.program)
        and a.period.overlaps(period.start, period.end)
    ]

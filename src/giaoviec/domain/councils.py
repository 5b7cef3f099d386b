"""Which assignment a council's evaluation entry scores (shared by the checks and the scores)."""

from __future__ import annotations

from collections.abc import Iterable

from giaoviec.model import Evaluation
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.model.values import AssignmentSummary


def matching_assignments(assignments: Iterable[AssignmentSummary], evaluation: Evaluation, entry: CadreEvaluation) -> list[AssignmentSummary]:
    """The cadre's assignments (of entry.program, when given) whose period overlaps the session's.
    Several of one program (a cadre who moved during the period): the one held at the end of the
    session's period scores, the post the year's row and the council sheet belong to (compute/year.py
    pooled()); an earlier post is scored by a session whose period ends within it."""
    period = evaluation.period
    found = [
        a for a in assignments
        if a.cadre == entry.cadre and (not entry.program or a.program == entry.program)
        and a.period.overlaps(period.start, period.end)
    ]
    if len(found) > 1 and len({a.program for a in found}) == 1:
        last = [a for a in found if a.period.start <= period.end <= a.period.end]
        if len(last) == 1:
            return last
    return found

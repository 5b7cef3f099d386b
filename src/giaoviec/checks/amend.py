"""`validate --base REV`: a change of assigned terms must cite an amendment added since REV."""

from __future__ import annotations

from giaoviec.diagnostics import N_, Diagnostic, Where, finding
from giaoviec.domain.semdiff import Diff
from giaoviec.i18n import Phrase

FIELD_NAMES = {"what": N_("the content"), "due": N_("the due date"), "target": N_("the target"), "weight": N_("the weight")}


def amendment_findings(diff: Diff) -> list[Diagnostic]:
    out = []
    for c in diff.changes:
        if c.kind == "term" and not c.amended and c.field is not None:
            out.append(finding(
                c.path, Where(c.index, c.loc, "value"), "amend.missing",
                N_("Task {task}: {field} changed from {old} to {new} without an amendment decision."),
                hint=N_("Add to 'amendments:' an entry citing the decision: {{date: YYYY-MM-DD, decision: …, tasks: ['{task}'], note: …}}."),
                task=c.task, field=Phrase(FIELD_NAMES[c.field]), old=_shown(c.old), new=_shown(c.new),
            ))
    return out


def _shown(value: object) -> object:
    """A changed value as an argument: dates and numbers are written in the reader's language when shown."""
    if value is None:
        return "—"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value

"""`validate --base REV`: a change of assigned terms must cite an amendment added since REV."""

from __future__ import annotations

from pathlib import Path

from giaoviec.diagnostics import Diagnostic, Msg, N_, Where, finding
from giaoviec.semdiff import compare

FIELD_NAMES = {"what": N_("the content"), "due": N_("the due date"), "target": N_("the target"), "weight": N_("the weight")}


def amendment_findings(base_root: Path, root: Path) -> list[Diagnostic]:
    out = []
    for c in compare(base_root, root).changes:
        if c.kind == "term" and not c.amended:
            out.append(finding(
                c.path, Where(c.index, c.loc, "value"), "amend.missing",
                N_("Task {task}: {field} changed from {old} to {new} without an amendment decision."),
                hint=N_("Add to 'amendments:' an entry citing the decision: {{date: YYYY-MM-DD, decision: …, tasks: ['{task}'], note: …}}."),
                task=c.task, field=Msg(FIELD_NAMES[c.field]), old=_shown(c.old), new=_shown(c.new),
            ))
    return out


def _shown(value) -> str:
    if value is None:
        return "—"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)

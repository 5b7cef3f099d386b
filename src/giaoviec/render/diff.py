"""Review → text | md | json, in the domain's words ("target of task 05 lowered from 12 to 8")."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from giaoviec.compute.review import Review
from giaoviec.domain.semdiff import Change
from giaoviec.i18n import Gettext
from giaoviec.words import TIER, fixed, word


def _v(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def describe(c: Change, _: Gettext) -> tuple[str, bool]:
    """One line for a change, and whether a reviewer should look twice at it."""
    t = c.task
    if c.kind == "assignment-added":
        return _("new assignment"), False
    if c.kind == "assignment-removed":
        return _("assignment removed"), True
    if c.kind == "task-added":
        return _("task {task} added: {what}").format(task=t, what=c.new), False
    if c.kind == "task-removed":
        return _("task {task} removed: {what}").format(task=t, what=c.old), True
    if c.kind == "term":
        if c.field == "target":
            text = _("task {task}: target lowered from {old} to {new}") if (c.new or 0) < (c.old or 0) else _("task {task}: target raised from {old} to {new}")
        elif c.field == "due":
            text = _("task {task}: due date moved from {old} to {new}")
        elif c.field == "weight":
            text = _("task {task}: weight changed from {old} to {new}")
        else:
            text = _("task {task}: content changed from «{old}» to «{new}»")
        text = text.format(task=t, old=_v(c.old), new=_v(c.new))
        if c.eased:
            text += " — " + _("eased")
        if not c.amended:
            text += " — " + _("no amendment decision")
        return text, c.eased or not c.amended
    if c.kind == "check-in":
        p = c.new
        value = "" if p.value is None else f": {p.value:g}"
        note = f" ({p.note})" if p.note else ""
        return _("task {task}: check-in of {date}{value}{note}").format(task=t, date=p.date.isoformat(), value=value, note=note), False
    if c.kind == "outcome":
        o = c.new
        if o is None:
            return _("task {task}: outcome removed").format(task=t), True
        value = "" if o.value is None else f", {o.value:g}"
        return _("task {task}: outcome recorded (done on {done}{value})").format(task=t, done=_v(o.done_on), value=value), False
    if c.kind == "confidential":
        where = _("task {task}").format(task=t) if t else _("the whole file")
        return _("confidentiality of {where}: {old} → {new}").format(where=where, old=_v(c.old), new=_v(c.new)), True
    if c.kind == "cancelled":
        if c.new is not None:
            return _("task {task} cancelled by {decision}").format(task=t, decision=c.new.decision), True
        return _("task {task}: cancellation withdrawn").format(task=t), True
    if c.kind == "council-score":
        return _("council score of task {task}: {old} → {new}").format(task=t, old=_v(c.old), new=_v(c.new)), True
    if c.kind == "council-general":
        return _("council general points: {old} → {new}").format(old=_v(c.old), new=_v(c.new)), True
    if c.kind == "council-tier":
        return _("decided tier: {old} → {new}").format(old=_tier(c.old, _), new=_tier(c.new, _)), True
    if c.kind == "council-discipline":
        return _("discipline: {old} → {new}").format(old=_v(c.old), new=_v(c.new)), True
    return c.kind, False


def _tier(tier: str | None, _: Gettext) -> str:
    return "—" if tier is None else word(TIER, tier, _)


def _groups(r: Review) -> dict[tuple, list[Change]]:
    groups: dict[tuple, list[Change]] = defaultdict(list)
    for c in r.diff.changes:
        groups[(c.cadre, c.program, c.period, c.path)].append(c)
    return groups


def _impacts(r: Review, cadre: str, program: str, _: Gettext) -> list[str]:
    out = []
    for i in r.impacts:
        if i.cadre == cadre and (i.program == program or program == ""):
            out.append(_("points {year}: {before} → {after}; tier: {before_tier} → {after_tier}").format(
                year=i.year, before=_p(i.before_points), after=_p(i.after_points),
                before_tier=_tier(i.before_tier, _), after_tier=_tier(i.after_tier, _)))
    return out


def _p(points: float | None) -> str:
    return fixed(points)


def text(r: Review, _: Gettext) -> str:
    lines = [_("Changes from {base} to {head}").format(base=r.base, head=r.head or _("the work tree"))]
    if not r.diff.changes:
        lines.append(_("No change to assignments or council scores."))
    for (cadre, program, period, path), changes in _groups(r).items():
        lines.append("")
        lines.append(f"{r.names.get(cadre, cadre)} ({program or '—'}, {period}) — {path}")
        for c in changes:
            line, flag = describe(c, _)
            lines.append(("  ⚠ " if flag else "  • ") + line)
        lines += ["  → " + line for line in _impacts(r, cadre, program, _)]
    return "\n".join(lines) + "\n"


def markdown(r: Review, _: Gettext) -> str:
    flagged = sum(1 for c in r.diff.changes if describe(c, _)[1])
    lines = ["### " + _("giaoviec: what this change does"), ""]
    lines.append(_("{n} changes in {files} files; {flagged} to look at twice (⚠).").format(
        n=len(r.diff.changes), files=len(r.diff.changed_files), flagged=flagged))
    for (cadre, program, period, path), changes in _groups(r).items():
        lines += ["", f"**{r.names.get(cadre, cadre)}** ({program or '—'}, {period}) — `{path}`", ""]
        for c in changes:
            line, flag = describe(c, _)
            lines.append(("- ⚠ " if flag else "- ") + line.replace("|", "\\|"))
        lines += ["- → **" + line + "**" for line in _impacts(r, cadre, program, _)]
    return "\n".join(lines) + "\n"


def as_json(r: Review, _: Gettext) -> str:
    def value(v: Any) -> Any:
        if hasattr(v, "model_dump"):
            return v.model_dump(mode="json", by_alias=True)
        if hasattr(v, "isoformat"):
            return v.isoformat()
        return v

    doc = {
        "version": 1, "base": r.base, "head": r.head or None, "files": r.diff.changed_files,
        "changes": [
            {"kind": c.kind, "path": c.path, "cadre": c.cadre, "program": c.program or None, "period": c.period,
             "task": c.task, "field": c.field, "old": value(c.old), "new": value(c.new), "eased": c.eased,
             "amended": c.amended if c.kind == "term" else None, "flagged": describe(c, _)[1], "message": describe(c, _)[0]}
            for c in r.diff.changes
        ],
        "impacts": [{"cadre": i.cadre, "program": i.program, "year": i.year, "before": {"points": i.before_points, "tier": i.before_tier},
                     "after": {"points": i.after_points, "tier": i.after_tier}} for i in r.impacts],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"text": text, "md": markdown, "json": as_json}

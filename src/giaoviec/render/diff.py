"""Review → text | md | json (`RENDERERS`, render/output.py), in the domain's words ("target of task 05 lowered from 12 to 8").

One block per cadre and program whose inputs changed, each once: the changes, grouped by the
file they are in (the assignment, a council session), then what they do to points and tiers. The
blocks, which changes are flagged (⚠) and how many are: compute/review.py; here only the words.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from giaoviec import formats
from giaoviec.compute import incomplete
from giaoviec.compute.review import Block, Impact, Review, Reviewed
from giaoviec.domain.semdiff import DRAFTS, Change
from giaoviec.i18n import N_, Gettext, lang_of
from giaoviec.render.escape import json_text, md, md_code, md_html, md_url, terminal
from giaoviec.render.output import Output, Renderer
from giaoviec.render.output import table as table_of
from giaoviec.words import ASSIGNMENT_STATUS, COMPONENT, PROGRAM, TIER, fixed, word


def value(v: Any, _: Gettext) -> str:
    """A value as a reader writes it (a list as its items, "—" for none)."""
    if isinstance(v, (list, tuple)):
        return ", ".join(_v(x, _) for x in v) or "—"
    return _v(v, _)


def _v(value: Any, _: Gettext) -> str:
    """A changed value as a reader writes it: dates and numbers in the reader's language."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.date):
        return formats.day(value, lang_of(_))
    if isinstance(value, (int, float)):
        return formats.number(value, lang_of(_))
    return str(value)


def _outcome(c: Change, _: Gettext) -> str:
    old, new, t = c.old, c.new, c.task
    if new is None:
        return _("task {task}: outcome removed (was done on {done}, {value})").format(task=t, done=_v(old.done_on, _), value=_v(old.value, _))
    if old is None:
        value = "" if new.value is None else ", " + _v(new.value, _)
        return _("task {task}: outcome recorded (done on {done}{value})").format(task=t, done=_v(new.done_on, _), value=value)
    parts = []
    for name, label in (("done_on", N_("done on")), ("value", N_("value"))):
        if getattr(old, name) != getattr(new, name):
            parts.append(_("{what} {old} → {new}").format(what=_(label), old=_v(getattr(old, name), _), new=_v(getattr(new, name), _)))
    if old.evidence != new.evidence:
        parts.append(_("evidence changed"))
    if old.objective_cause != new.objective_cause:
        parts.append(_("objective cause changed"))
    if old.quality_failures != new.quality_failures:
        parts.append(_("{what} {old} → {new}").format(what=_("failed quality checks"), old=old.quality_failures, new=new.quality_failures))
    return _("task {task}: outcome changed: {changes}").format(task=t, changes="; ".join(parts) or _("details"))


def describe(c: Change, _: Gettext) -> str:
    """One line for a change (whether it is flagged is compute.review's `flagged`)."""
    text = _describe(c, _)
    if c.council:
        session = f"{c.council} ({_v(c.council_date, _)})" if c.council_date else c.council
        text += " — " + _("the council scored this task before the change ({session}): its score is now stale").format(session=session)
    return text


def _describe(c: Change, _: Gettext) -> str:
    t = c.task
    if c.kind == "assignment-added":
        if not isinstance(c.new, dict):
            return _("new assignment")
        return _("new assignment ({status}): {n} tasks").format(status=word(ASSIGNMENT_STATUS, c.new["status"], _), n=c.new["tasks"])
    if c.kind == "status":
        text = _("status: {old} → {new}").format(old=word(ASSIGNMENT_STATUS, c.old, _), new=word(ASSIGNMENT_STATUS, c.new, _))
        if c.new == "assigned" and c.old in DRAFTS:
            text += " — " + _("the terms now bind: a later change of them needs an amendment decision")
        return text
    if c.kind == "assignment-removed":
        return _("assignment removed")
    if c.kind == "task-added":
        return _("task {task} added: {what}").format(task=t, what=c.new)
    if c.kind == "task-removed":
        return _("task {task} removed: {what}").format(task=t, what=c.old)
    if c.kind == "term":
        if c.field == "target":
            text = _("task {task}: target lowered from {old} to {new}") if (c.new or 0) < (c.old or 0) else _("task {task}: target raised from {old} to {new}")
        elif c.field == "due":
            text = _("task {task}: due date moved from {old} to {new}")
        elif c.field == "weight":
            text = _("task {task}: weight changed from {old} to {new}")
        else:
            text = _("task {task}: content changed from «{old}» to «{new}»")
        text = text.format(task=t, old=_v(c.old, _), new=_v(c.new, _))
        if c.eased:
            text += " — " + _("eased")
        if not c.amended:
            text += " — " + _("no amendment decision")
        return text
    if c.kind in ("check-in", "check-in-removed"):
        p = c.new if c.kind == "check-in" else c.old
        value = "" if p.value is None else ": " + _v(p.value, _)
        note = f" ({p.note})" if p.note else ""
        message = _("task {task}: check-in of {date}{value}{note}") if c.kind == "check-in" else _("task {task}: check-in of {date}{value}{note} removed")
        return message.format(task=t, date=_v(p.date, _), value=value, note=note)
    if c.kind == "outcome":
        return _outcome(c, _)
    if c.kind == "confidential":
        where = _("task {task}").format(task=t) if t else _("the whole file")
        return _("confidentiality of {where}: {old} → {new}").format(where=where, old=_v(c.old, _), new=_v(c.new, _))
    if c.kind == "cancelled":
        if c.new is not None:
            return _("task {task} cancelled by {decision}").format(task=t, decision=c.new.decision)
        return _("task {task}: cancellation withdrawn").format(task=t)
    if c.kind == "council-score":
        return _("council score of task {task}: {old} → {new}").format(task=t, old=_v(c.old, _), new=_v(c.new, _))
    if c.kind == "council-general":
        return _("council general points: {old} → {new}").format(old=_v(c.old, _), new=_v(c.new, _))
    if c.kind == "council-component":
        return _("council points for '{name}': {old} → {new}").format(name=word(COMPONENT, c.field or "", _), old=_v(c.old, _), new=_v(c.new, _))
    if c.kind == "council-tier":
        return _("decided tier: {old} → {new}").format(old=_tier(c.old, _), new=_tier(c.new, _))
    if c.kind == "council-discipline":
        return _("discipline: {old} → {new}").format(old=_v(c.old, _), new=_v(c.new, _))
    if c.kind == "registry":
        text = _("{path} changed: units, cadres, profiles or the configuration, which every figure may rest on").format(path=c.path)
        said = [_org(d, _) for d in c.new or ()]
        if len(said) > 12:
            said = [*said[:12], _("{n} more").format(n=len(said) - 12)]
        return text + (" — " + "; ".join(said) if said else "")
    return c.kind


ORG_FIELD = {"name": N_("name"), "level": N_("level"), "parent": N_("parent unit"), "valid_from": N_("valid from"),
             "valid_to": N_("valid to"), "succeeded_by": N_("successors"), "hometown": N_("hometown"), "positions": N_("positions")}
ORG_CHANGE = {
    ("unit", "added"): N_("unit {name} ({id}) added"), ("unit", "removed"): N_("unit {name} ({id}) removed"),
    ("unit", "changed"): N_("unit {name} ({id}): {fields} changed"), ("cadre", "added"): N_("cadre {name} ({id}) added"),
    ("cadre", "removed"): N_("cadre {name} ({id}) removed"), ("cadre", "changed"): N_("cadre {name} ({id}): {fields} changed"),
}


def _org(detail: tuple, _: Gettext) -> str:
    """One unit or cadre a change of org/ adds, removes or changes, in words."""
    kind, how, ident, name, fields = detail
    return _(ORG_CHANGE[(kind, how)]).format(name=name, id=ident, fields=", ".join(_(ORG_FIELD.get(f, f)) for f in fields))


def _tier(tier: str | None, _: Gettext) -> str:
    return "—" if tier is None else word(TIER, tier, _)


def _impact(i: Impact, _: Gettext) -> str:
    """The points before and after; the tier only when it changed (the points alone may change)."""
    points = {"year": i.year, "before": fixed(i.before_points, 2, lang_of(_)), "after": fixed(i.after_points, 2, lang_of(_))}
    if i.before_tier == i.after_tier:
        return _("points {year}: {before} → {after}").format(**points)
    return _("points {year}: {before} → {after}; tier: {before_tier} → {after_tier}").format(
        **points, before_tier=_tier(i.before_tier, _), after_tier=_tier(i.after_tier, _))


def _head(b: Block, r: Review, _: Gettext) -> str:
    program = word(PROGRAM, b.program, _) if b.program else "—"
    return f"{r.names.get(b.cadre, b.cadre)} ({program})" + (" — " + "; ".join(_(c) for c in b.causes) if b.causes else "")


def text(r: Review, _: Gettext) -> str:
    lines = [_("Changes from {base} to {head}").format(base=r.base, head=r.head or _("the work tree"))]
    if not r.diff.changes:
        lines.append(_("No change to assignments or council scores."))
    registry, cadres = r.blocks
    for x in registry:
        lines += ["", "⚠ " + describe(x.change, _)]
    for b in cadres:
        lines += ["", _head(b, r, _)]
        for path, changes in b.files.items():
            lines.append(f"  {path}")
            for x in changes:
                lines.append(("    ⚠ " if x.flagged else "    • ") + describe(x.change, _))
        lines += ["  → " + _impact(i, _) for i in b.impacts]
    lines += ["", *incomplete.public(r.withheld, _)] if r.withheld is not None else []
    if r.errors:
        lines += ["", "⚠ " + errors(r, _)]
    if not r.complete:
        lines += ["", "⚠ " + _("One of the two revisions has errors: the figures above leave out what those errors cover (see giaoviec score).")]
    return "\n".join(terminal(line.replace("\n", " ")) for line in lines) + "\n"


def errors(r: Review, _: Gettext) -> str:
    """How many changed files the new revision finds errors in, and where they are listed."""
    return _("{n} changed files have errors: the changes and figures above leave out what they hold; giaoviec validate lists the errors.").format(n=len(r.errors))


MARKER = "<!-- giaoviec -->"  # the first line of the Markdown: how a workflow finds its own comment to update it


def _block_md(b: Block, r: Review, _: Gettext) -> list[str]:
    lines = ["", f"**{md(_head(b, r, _))}**", ""]
    for path, changes in b.files.items():
        lines.append(f"- {md_code(path)}")
        for x in changes:
            lines.append(("  - ⚠ " if x.flagged else "  - ") + md(describe(x.change, _)))
    return lines + ["- → **" + md(_impact(i, _)) + "**" for i in b.impacts]


def markdown(r: Review, _: Gettext, limit: int | None = None, full_at: str | None = None) -> str:
    """The change for a pull request: one folded section per unit (open where something is flagged ⚠).
    With `limit`, at most that many characters (never more: `least` says what a limit must allow):
    the units that do not fit are named in a note that says where the whole text is (`full_at`),
    never cut in the middle; a unit too long for the room left shows the cadres that fit. The
    changes of the registry (units, cadres, profiles, configuration: one line a file) are cut the same way."""
    head, pieces, tail, note = _parts(r, _, full_at)
    shown = list(head)
    size = len("\n".join(shown + tail)) + 1
    room = len("\n".join(note(pieces, 0, True))) + 1  # what a note needs at most (its counts are never larger)
    for i, piece in enumerate(pieces):
        length = len("\n".join(piece.lines)) + 1
        if limit is None or size + length + (room if i + 1 < len(pieces) else 0) <= limit:
            shown += piece.lines
            size += length
            continue
        part, cadres = _part(piece, limit - size - room)
        shown += part + note(pieces[i:], cadres)
        break
    return "\n".join(shown + tail) + "\n"


@dataclass
class _Piece:
    """A registry change (`changes` 1) or a unit's folded section with its cadres' blocks (`units` 1)."""

    changes: int
    units: int
    lines: list[str]
    opening: list[str] = field(default_factory=list)
    blocks: list[list[str]] = field(default_factory=list)


def _part(piece: _Piece, room: int) -> tuple[list[str], int]:
    """As many of a unit's cadres as fit in `room` characters, in its folded section: the lines and
    how many cadres they show (none: no lines)."""
    lines = [*piece.opening, "", "</details>"]
    size, count = len("\n".join(lines)) + 1, 0
    for block in piece.blocks:
        length = len("\n".join(block)) + 1
        if size + length > room:
            break
        size, count = size + length, count + 1
    if not count:
        return [], 0
    return [*piece.opening, *(line for b in piece.blocks[:count] for line in b), "", "</details>"], count


def _parts(r: Review, _: Gettext, full_at: str | None) -> tuple[list[str], list[_Piece], list[str], Any]:
    head = [MARKER, "### " + _("giaoviec: what this change does"), ""]
    head.append(_("{n} changes in {files} files; {flagged} to look at twice (⚠).").format(
        n=len(r.diff.changes), files=len(r.diff.changed_files), flagged=r.flagged_count))
    registry, cadres = r.blocks
    # the registry's changes first, one a piece; then one piece a unit
    pieces = [_Piece(1, 0, ["", "- ⚠ " + md(describe(x.change, _))]) for x in registry]
    tail: list[str] = [*("\n> " + md(line) for line in incomplete.public(r.withheld, _))]
    if r.errors:
        tail += ["", "> ⚠ " + md(errors(r, _))]
    if not r.complete:
        tail += ["", "> ⚠ " + _("One of the two revisions has errors: the figures above leave out what those errors cover (see giaoviec score).")]
    by_unit: dict[str, list[Block]] = {}
    for b in cadres:
        by_unit.setdefault(r.units.get(b.cadre, "—"), []).append(b)
    for unit, unit_blocks in by_unit.items():
        marks = sum(b.flagged_count for b in unit_blocks)
        summary = _("{unit}: {n} cadres").format(unit=md_html(unit), n=len(unit_blocks)) + (f", {marks} ⚠" if marks else "")
        opening = ["", f"<details{' open' if marks else ''}><summary><b>{summary}</b></summary>"]
        parts = [_block_md(b, r, _) for b in unit_blocks]
        pieces.append(_Piece(0, 1, [*opening, *(line for b in parts for line in b), "", "</details>"], opening, parts))
    revisions = " ".join(md(x) for x in (r.base, r.head) if x)
    where = _("The whole text: {url}").format(url=md_url(full_at)) if full_at else \
        _("The whole text: giaoviec diff {revisions} --format md --max-chars 0").format(revisions=revisions)

    def note(left: list[_Piece], shown: int = 0, longest: bool = False) -> list[str]:
        """What is not shown: `shown` cadres of the first unit left are (a unit partly shown is not counted)."""
        changes = sum(p.changes for p in left)
        units = sum(p.units for p in left) - (1 if shown else 0)
        cadres = sum(len(p.blocks) for p in left) - shown
        if changes or longest:
            said = _("⚠ Cut to fit a pull-request comment: {changes} more changes of units, cadres, profiles or the configuration, and {units} more units ({cadres} cadres), are not shown here.").format(
                changes=changes, units=units, cadres=cadres)
        else:
            said = _("⚠ Cut to fit a pull-request comment: {units} more units ({cadres} cadres) are not shown here.").format(units=units, cadres=cadres)
        return ["", "> " + said, "> " + where]

    return head, pieces, tail, note


def least(r: Review, _: Gettext, full_at: str | None = None) -> int:
    """The fewest characters a Markdown limit must allow: the head, the end, and the longest note."""
    head, pieces, tail, note = _parts(r, _, full_at)
    return len("\n".join(head + tail)) + 1 + len("\n".join(note(pieces, 0, True))) + 1


def as_json(r: Review, _: Gettext) -> str:
    def value(v: Any) -> Any:
        if hasattr(v, "model_dump"):
            return v.model_dump(mode="json", by_alias=True)
        if hasattr(v, "isoformat"):
            return v.isoformat()
        return v

    def change(x: Reviewed) -> dict[str, Any]:
        c = x.change
        return {"kind": c.kind, "path": c.path, "cadre": c.cadre or None, "program": c.program or None, "period": c.period or None,
                "task": c.task, "field": c.field, "old": value(c.old), "new": value(c.new), "eased": c.eased,
                "amended": c.amended if c.kind == "term" else None,
                "stale_council": f"{c.council} ({c.council_date.isoformat()})" if c.council and c.council_date else c.council,
                "flagged": x.flagged, "message": describe(c, _)}

    doc = {
        "version": 1, "base": r.base, "head": r.head or None, "files": r.diff.changed_files, "complete": r.complete,
        "files_with_errors": list(r.errors),
        **incomplete.public_json(r.withheld), "changes": [change(x) for x in r.changes],
        "impacts": [{"cadre": i.cadre, "program": i.program, "year": i.year, "before": {"points": i.before_points, "tier": i.before_tier},
                     "after": {"points": i.after_points, "tier": i.after_tier}} for i in r.impacts],
    }
    return json_text(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"


@dataclass(frozen=True, kw_only=True)
class DiffOutput(Output):
    limit: int | None = None  # md: at most this many characters (a pull request's comment), None: no limit
    full_at: str | None = None  # md: where the whole text is, named in the note when the text is cut


def render_text(r: Review, o: DiffOutput) -> None:
    o.out.write(text(r, o.gettext))


def render_markdown(r: Review, o: DiffOutput) -> None:
    o.out.write(markdown(r, o.gettext, o.limit, o.full_at))


def render_json(r: Review, o: DiffOutput) -> None:
    o.out.write(as_json(r, o.gettext))


RENDERERS: Mapping[str, Renderer[Review, DiffOutput]] = table_of({"text": render_text, "md": render_markdown, "json": render_json})


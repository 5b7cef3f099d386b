"""FollowUp → text | json (`RENDERERS`, render/output.py): the đôn đốc list, grouped by kind."""

from __future__ import annotations

import json
from collections.abc import Mapping

from giaoviec import formats
from giaoviec.compute import incomplete
from giaoviec.compute.followup import FollowUp
from giaoviec.i18n import Gettext, lang_of
from giaoviec.render.escape import json_text, terminal
from giaoviec.render.output import Output, Renderer
from giaoviec.render.output import table as table_of
from giaoviec.words import FOLLOW_UP


def text(r: FollowUp, _: Gettext) -> str:
    lang = lang_of(_)
    lines = [_("Follow-up list as of {as_of}").format(as_of=formats.day(r.as_of, lang))]
    if not r.items:
        lines.append(_("Nothing overdue, nothing due soon, every check-in made."))
    for kind in ("overdue", "due-soon", "no-check-in"):
        items = [i for i in r.items if i.kind == kind]
        if not items:
            continue
        lines += ["", _(FOLLOW_UP[kind]).format(start=formats.day(r.period_start, lang)) + f" ({len(items)})"]
        for i in items:
            name = r.repo.name(i.cadre)
            when = {"overdue": _("{days} days late (due {due})"), "due-soon": _("{days} days left (due {due})"),
                    "no-check-in": _("due {due}")}[kind].format(days=i.days, due=formats.day(i.due, lang))
            lines.append(f"  • {name} — {i.task}: {i.what} — {when}")
            lines.append(f"    {i.path}#{i.task}")
    lines += ["", *incomplete.public(r.withheld, _)] if r.withheld is not None else []
    if r.left_out:
        lines += ["", *("⚠ " + line for line in incomplete.lines(r.left_out, r.repo, _))]
    return "\n".join(terminal(line.replace("\n", " ")) for line in lines) + "\n"


def as_json(r: FollowUp, _: Gettext) -> str:
    return json_text(json.dumps({
        "version": 1, "as_of": r.as_of.isoformat(), "check_in_period_start": r.period_start.isoformat(),
        "complete": r.complete, **incomplete.public_json(r.withheld), "left_out": incomplete.as_json(r.left_out, r.repo, _),
        "items": [{"kind": i.kind, "cadre": i.cadre, "unit": i.unit, "path": i.path, "task": i.task, "what": i.what,
                   "due": i.due.isoformat() if i.due else None, "days": i.days} for i in r.items],
    }, ensure_ascii=False, indent=2)) + "\n"


def render_text(r: FollowUp, o: Output) -> None:
    o.out.write(text(r, o.gettext))


def render_json(r: FollowUp, o: Output) -> None:
    o.out.write(as_json(r, o.gettext))


RENDERERS: Mapping[str, Renderer[FollowUp, Output]] = table_of({"text": render_text, "json": render_json})

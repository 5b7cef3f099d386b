"""YearScore → table | json | csv | md, and the --explain text. Formatting only: every figure
comes computed from scoring.py; reasons are rendered through the message catalog."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from typing import Callable, Iterator

from rich.console import Console
from rich.table import Table
from rich.text import Text

from giaoviec.diagnostics import Msg, N_
from giaoviec.i18n import Gettext
from giaoviec.score_year import YearScore
from giaoviec.scoring import TIER_NAMES, AssignmentScore, Msgs, Reason, done_count
from giaoviec.status import STATUSES

TIERS = {
    "excellent": N_("Excellent (hoàn thành xuất sắc nhiệm vụ)"),
    "good": N_("Good (hoàn thành tốt nhiệm vụ)"),
    "completed": N_("Completed (hoàn thành nhiệm vụ)"),
    "not-completed": N_("Not completed (không hoàn thành nhiệm vụ)"),
    "pending": N_("Pending (chưa xếp loại)"),
}
STATUS_NAMES = {
    "exceeded": N_("exceeded"), "on-time": N_("on time"), "late": N_("late"), "not-done": N_("not done"),
    "overdue": N_("overdue"), "in-progress": N_("in progress"), "cancelled": N_("cancelled"),
}


def render(reason: Reason, _: Gettext) -> str:
    message, args = reason
    values = {}
    for key, value in args:
        if isinstance(value, Msgs):
            values[key] = "; ".join(render(x, _) for x in value)
        elif isinstance(value, Msg):
            values[key] = _(value)
        else:
            values[key] = value
    try:
        return _(message).format(**values)
    except (KeyError, ValueError, IndexError):
        return _(message)


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _names(s: AssignmentScore, year: YearScore) -> tuple[str, str]:
    cadre = year.repo.cadres.get(s.assignment.cadre)
    unit = year.repo.units.get(s.assignment.unit)
    return (cadre.item.name if cadre else s.assignment.cadre, unit.item.name if unit else s.assignment.unit)


def _row_counts(s: AssignmentScore) -> dict[str, int]:
    c = s.counts
    return {
        "tasks": sum(v for k, v in c.items() if k != "cancelled"),
        "done": done_count(c),
        "on_time": c["exceeded"] + c["on-time"],
        "exceeded": c["exceeded"],
        "late": c["late"],
        "not_done": c["not-done"] + c["overdue"],
    }


def _tier_cell(s: AssignmentScore, result: YearScore, _: Gettext) -> str:
    """The tier, with the row's profile when it is not the year's (a window that ended earlier)."""
    name = _(TIER_NAMES[s.tier])
    return name if s.profile.id == result.profile else f"{name} ({s.profile.id})"


def table(result: YearScore, _: Gettext, console: Console) -> None:
    t = Table(title=_("Scores {year} (as of {as_of}; profile {profile})").format(
        year=result.year, as_of=result.as_of.isoformat(), profile=result.profile or "—"), title_justify="left")
    for header, justify in ((_("Cadre"), "left"), (_("Position"), "left"), (_("Unit"), "left"), (_("Tasks"), "right"),
                            (_("Done"), "right"), (_("On time"), "right"), (_("Exceeded"), "right"), (_("Late"), "right"),
                            (_("Not done"), "right"), (_("Points"), "right"), (_("Tier"), "left")):
        t.add_column(header, justify=justify, overflow="fold")
    for s in result.cadres:
        name, unit = _names(s, result)
        c = _row_counts(s)
        points = fmt(s.points) if s.points is not None else f"({fmt(s.provisional_points)})"
        program = "" if s.assignment.program == "focus" else f" [{s.assignment.program}]"
        t.add_row(name + program, s.assignment.position or "", unit, str(c["tasks"]), str(c["done"]), str(c["on_time"]),
                  str(c["exceeded"]), str(c["late"]), str(c["not_done"]), points, _tier_cell(s, result, _))
    console.print(t)
    if any(s.points is None for s in result.cadres):
        console.print(Text(_("(points in brackets are provisional: the tier is pending)")))
    for w in result.warnings:
        console.print(Text(_("warning") + f" [{w.code}] " + render(w.message, _), style="yellow"))


def iter_json(result: YearScore, _: Gettext, diagnostics: list) -> Iterator[str]:
    """The JSON document in pieces, one cadre at a time (a province does not fit in one string),
    byte for byte what json.dumps(document, indent=2) would give."""
    head = {"version": 1, "year": result.year, "as_of": result.as_of.isoformat(), "profile": result.profile}
    yield "{\n" + "".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},\n" for k, v in head.items())
    yield '  "cadres": ['
    for i, s in enumerate(result.cadres):
        yield ("," if i else "") + "\n" + textwrap.indent(json.dumps(_cadre(s, result, _), ensure_ascii=False, indent=2), "    ")
    yield "\n  ],\n" if result.cadres else "],\n"
    tail = {
        "warnings": [{"code": w.code, "message": render(w.message, _), "group": w.group} for w in result.warnings],
        "diagnostics": [{"path": d.path, "line": d.line, "column": d.column, "code": d.code, "severity": d.severity.value,
                         "message": d.message, "hint": d.hint} for d in diagnostics],
    }
    body = json.dumps(tail, ensure_ascii=False, indent=2)
    yield body[2:] + "\n"  # without its opening brace: it continues the document


def _cadre(s: AssignmentScore, result: YearScore, _: Gettext) -> dict:
    name, _unit_name = _names(s, result)
    return {
        "cadre": s.assignment.cadre, "name": name, "unit": s.assignment.unit, "position": s.assignment.position,
        "program": s.assignment.program, "profile": s.profile.id, "as_of": s.window.as_of.isoformat(),
        "points": _round(s.points), "provisional_points": _round(s.provisional_points),
        "tier": s.tier, "tier_reason": render(s.tier_reason, _),
        "components": {k: _round(v) for k, v in s.components.items()},
        "counts": {status: s.counts[status] for status in STATUSES},
        "tasks": [{"id": t.id, "status": t.status, "weight": t.weight, "points": _round(t.points),
                   "computed_points": _round(t.computed), "ratio": _round(t.ratio, 4)} for t in s.tasks],
    }


def as_json(result: YearScore, _: Gettext, diagnostics: list) -> str:
    return "".join(iter_json(result, _, diagnostics))


def as_csv(result: YearScore, _: Gettext) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["cadre", "name", "unit", "position", "program", "profile", "as_of", "tasks", "done", "on_time",
                     "exceeded", "late", "not_done", *[s.replace("-", "_") for s in STATUSES if s not in ("exceeded", "late")],
                     "points", "provisional_points", "tier"])
    for s in result.cadres:
        name, _unit = _names(s, result)
        c = _row_counts(s)
        writer.writerow([s.assignment.cadre, name, s.assignment.unit, s.assignment.position or "", s.assignment.program,
                         s.profile.id, s.window.as_of.isoformat(), c["tasks"], c["done"], c["on_time"], c["exceeded"],
                         c["late"], c["not_done"], *[s.counts[k] for k in STATUSES if k not in ("exceeded", "late")],
                         fmt(s.points) if s.points is not None else "", fmt(s.provisional_points), s.tier])
    return out.getvalue()


def as_markdown(result: YearScore, _: Gettext) -> str:
    lines = [f"## {_('Scores {year} (as of {as_of}; profile {profile})').format(year=result.year, as_of=result.as_of.isoformat(), profile=result.profile or '—')}", ""]
    heads = [_("Cadre"), _("Position"), _("Unit"), _("Tasks"), _("Done"), _("On time"), _("Exceeded"), _("Late"), _("Not done"), _("Points"), _("Tier")]
    lines += ["| " + " | ".join(heads) + " |", "|" + "|".join(["---"] * 3 + ["---:"] * 7 + ["---"]) + "|"]
    for s in result.cadres:
        name, unit = _names(s, result)
        c = _row_counts(s)
        points = fmt(s.points) if s.points is not None else f"({fmt(s.provisional_points)})"
        cells = [name, s.assignment.position or "", unit, c["tasks"], c["done"], c["on_time"], c["exceeded"], c["late"], c["not_done"], points, _tier_cell(s, result, _)]
        lines.append("| " + " | ".join(str(x).replace("|", "\\|") for x in cells) + " |")
    if result.warnings:
        lines.append("")
        lines += [f"- ⚠ {render(w.message, _)}" for w in result.warnings]
    return "\n".join(lines) + "\n"


def explain(result: YearScore, _: Gettext, console: Console) -> None:
    for s in result.cadres:
        name, unit = _names(s, result)
        a = s.assignment
        who = ", ".join(x for x in (a.position, unit) if x)
        console.print(Text(f"{name} — {who} ({a.program}, {a.period.start} – {a.period.end})", style="bold"))
        console.print(Text("  " + _("Profile {profile}: {title}").format(profile=s.profile.id, title=s.profile.title)))
        console.print(Text("  " + _("Window {start} – {end}, as of {as_of}; council: {evaluation}").format(
            start=s.window.start, end=s.window.end, as_of=s.window.as_of, evaluation=s.evaluation or _("none"))))
        for t in s.tasks:
            head = _("Task {id} (weight {weight:g}): {status}").format(id=t.id, weight=t.weight, status=_(STATUS_NAMES[t.status]))
            console.print(Text("  " + head, style="cyan"))
            for step in t.explained.steps if t.explained else ():
                console.print(Text("      " + render(step, _)))
        for comp, value in s.components.items():
            maximum = s.profile.components[comp]
            console.print(Text("  " + _("Component {name}: {value} of {max:g}").format(name=comp, value=fmt(value), max=maximum)))
        console.print(Text("  " + _("Points: {points}").format(points=fmt(s.provisional_points)) + ("" if s.points is not None else " " + _("(provisional)"))))
        for step in s.tier_trace:
            console.print(Text("      " + render(step, _)))
        console.print(Text("  " + _("Tier: {tier} — {reason}").format(tier=_(TIERS[s.tier]), reason=render(s.tier_reason, _)), style="bold"))
        console.print()
    for w in result.warnings:
        console.print(Text(_("warning") + f" [{w.code}] " + render(w.message, _), style="yellow"))


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


RENDERERS: dict[str, Callable] = {"table": table, "md": as_markdown, "csv": as_csv, "json": as_json}

"""YearResult → table | json | csv | md, and the --explain text. Formatting only: every figure
comes computed in the YearResult; words and number formats come from `giaoviec.words`."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from giaoviec import formats
from giaoviec.compute import incomplete
from giaoviec.compute.phrases import earlier_posts, finding_text
from giaoviec.compute.year import YearResult
from giaoviec.diagnostics import Diagnostic
from giaoviec.domain.scoring import AssignmentResult
from giaoviec.domain.status import STATUSES
from giaoviec.i18n import N_, Gettext, Phrase, lang_of, phrase, say
from giaoviec.render import jsontext
from giaoviec.render.escape import csv_cell, csv_comment, json_text, md, terminal
from giaoviec.render.output import Output, Renderer
from giaoviec.render.output import table as table_of
from giaoviec.words import COMPONENT, PROGRAM, STATUS, TIER, TIER_LONG, fixed, short, word

TABLE_HEADS = (N_("Cadre"), N_("Position"), N_("Unit"), N_("Tasks"), N_("Done"), N_("On time"), N_("Exceeded"),
               N_("Late"), N_("Not done"), N_("Points"), N_("Tier"))
NUMERIC = frozenset(range(3, 10))


def T(text: str, style: str = "") -> Text:
    """A line for the terminal: data in it cannot act on the terminal (escape.terminal)."""
    return Text(terminal(text), style=style)


def title(result: YearResult, _: Gettext) -> str:
    return _("Scores {year} (as of {as_of}; profile {profile})").format(
        year=result.year, as_of=formats.day(result.as_of, lang_of(_)), profile=result.profile or "—")


def _tier_cell(s: AssignmentResult, result: YearResult, _: Gettext) -> str:
    """The tier, with the row's profile when it is not the year's (a window that ended earlier), and
    the mark of its reason below the table when the tier is lower than the points alone would give."""
    name = word(TIER, s.tier, _)
    name = name if s.profile.id == result.profile else f"{name} ({s.profile.id})"
    return name + " [*]" if below_points(s) else name


def below_points(s: AssignmentResult) -> bool:
    """The tier is lower than the one the points alone reach (conditions, a late task, discipline or a
    decision): "full points, lowest tier" is never shown without its reason (issue 27)."""
    if s.points is None or s.tier == "pending":
        return False
    order = [r.tier for r in s.profile.tiers]
    by_points = next((r.tier for r in s.profile.tiers if r.min_points is None
                      or (s.points > r.min_points if r.min_exclusive else s.points >= r.min_points)), order[-1])
    return s.tier in order and order.index(s.tier) > order.index(by_points)


def reason_lines(result: YearResult, _: Gettext) -> list[str]:
    """[*] Name: the reason of each tier marked in the table."""
    return [f"[*] {result.repo.name(s.assignment.cadre)} — {word(TIER, s.tier, _)}: {say(s.tier_reason, _)}"
            for s in result.assignments if below_points(s)]


def points_cell(s: AssignmentResult, lang: str = "en") -> str:
    return fixed(s.points, 2, lang) if s.points is not None else f"({fixed(s.provisional_points, 2, lang)})"


def unit_cell(s: AssignmentResult, result: YearResult, _: Gettext) -> str:
    name = result.repo.name(s.assignment.unit)
    if not s.earlier:
        return name
    return f"{name} (" + _("earlier: {posts}").format(posts=", ".join(result.repo.name(p.head.unit) for p in s.earlier)) + ")"


def row(s: AssignmentResult, result: YearResult, _: Gettext) -> list[str]:
    """The cells of one assignment's row of the score table (the same in every human format)."""
    c = s.counts
    program = "" if s.assignment.program == "focus" else f" [{word(PROGRAM, s.assignment.program, _)}]"
    return [result.repo.name(s.assignment.cadre) + program, s.assignment.position or "", unit_cell(s, result, _),
            str(c.tasks), str(c.done), str(c.on_time), str(c.exceeded), str(c.late), str(c.not_done),
            points_cell(s, lang_of(_)), _tier_cell(s, result, _)]


def _lines_table(result: YearResult, _: Gettext, console: Console) -> None:
    """A province's table: columns as wide as their widest cell (one pass to measure), then a line a row,
    so that the rows are never all held as laid-out text (rich lays out a whole table at once)."""
    from rich.cells import cell_len

    heads = [_(h) for h in TABLE_HEADS]
    widths = [cell_len(h) for h in heads]
    for s in result.assignments:
        widths = [max(w, cell_len(terminal(x))) for w, x in zip(widths, row(s, result, _), strict=True)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in NUMERIC else c + " " * (w - cell_len(c))
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    console.print(T(title(result, _), style="italic"))
    console.print(T(line(heads), style="bold"), soft_wrap=True)
    console.print("  ".join("─" * w for w in widths), highlight=False, soft_wrap=True)
    for s in result.assignments:
        console.print(Text(line([terminal(x) for x in row(s, result, _)])), highlight=False, soft_wrap=True)


def warning_lines(result: YearResult, _: Gettext) -> list[str]:
    return [_("warning") + f" [{w.code}] " + finding_text(result.repo, w, _, lang_of(_)) for w in result.findings]


BOXED_ROWS = 2_000  # up to this many rows, a boxed table; past it, plain aligned lines written one at a time


def table(result: YearResult, _: Gettext, console: Console) -> None:
    if len(result.assignments) > BOXED_ROWS:
        _lines_table(result, _, console)
    else:
        t = Table(title=Text(terminal(title(result, _)), style="italic"), title_justify="left")
        for i, header in enumerate(TABLE_HEADS):
            t.add_column(_(header), justify="right" if i in NUMERIC else "left", overflow="fold")
        for s in result.assignments:
            t.add_row(*(Text(terminal(x)) for x in row(s, result, _)))  # Text: never read as markup, whatever the console
        console.print(t)
    if any(s.points is None for s in result.assignments):
        console.print(T(_("(points in brackets are provisional: the tier is pending)")))
    for line in reason_lines(result, _):
        console.print(T(line))
    for line in warning_lines(result, _):
        console.print(T(line, style="yellow"))
    for line in incomplete.public(result.withheld, _):
        console.print(T(line, style="italic"))
    for line in incomplete.lines(result.left_out, result.repo, _):
        console.print(T("⚠ " + line, style="bold red"))


def iter_json(result: YearResult, _: Gettext, diagnostics: list[Diagnostic]) -> Iterator[str]:
    """The JSON document in pieces, one cadre at a time (a province does not fit in one string),
    byte for byte what json.dumps(document, indent=2) would give."""
    head = {"version": 1, "year": result.year, "as_of": result.as_of.isoformat(), "profile": result.profile,
            "complete": result.complete, **incomplete.public_json(result.withheld)}
    yield json_text("{\n" + "".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},\n" for k, v in head.items()))
    yield '  "cadres": ['
    for i, s in enumerate(result.assignments):
        yield ("," if i else "") + "\n    " + json_text(jsontext.dumps(_cadre(s, result, _), 2))
    yield "\n  ],\n" if result.assignments else "],\n"
    tail = {
        "left_out": incomplete.as_json(result.left_out, result.repo, _),
        "warnings": [{"code": w.code, "message": w.localize(_).message, "group": w.arg("group")} for w in result.findings],
        "diagnostics": [{"path": d.path, "line": d.line, "column": d.column, "code": d.code, "severity": d.severity.value,
                         "message": d.message, "hint": d.hint} for d in diagnostics],
    }
    body = json_text(jsontext.dumps(tail))
    yield body[2:] + "\n"  # without its opening brace: it continues the document


def _cadre(s: AssignmentResult, result: YearResult, _: Gettext) -> dict:
    out: dict[str, Any] = {
        "cadre": s.assignment.cadre, "name": result.repo.name(s.assignment.cadre), "unit": s.assignment.unit,
        "position": s.assignment.position, "program": s.assignment.program, "profile": s.profile.id,
        "as_of": s.window.as_of.isoformat(), "points": _round(s.points), "provisional_points": _round(s.provisional_points),
        "tier": s.tier, "tier_reason": say(s.tier_reason, _),
        "components": {k: _round(v) for k, v in s.components.items()},
        "counts": {status: s.counts[status] for status in STATUSES},
        "tasks": [{"id": t.id, "status": t.status, "weight": t.weight, "points": _round(t.points),
                   "computed_points": _round(t.computed), "ratio": _round(t.ratio, 4),
                   "value": got.value if got else None, "value_source": got.source if got else None}
                  for t in s.tasks for got in (t.achieved,)],
    }
    for t, entry in zip(s.tasks, out["tasks"], strict=True):
        if t.judgement.checkpoint:  # judged on the year's checkpoint, not on the whole task's target
            entry["checkpoint"] = {"by": t.judgement.due.isoformat() if t.judgement.due else None, "target": t.judgement.target}
    if s.earlier:  # a move in the year: the earlier posts pooled into this row, and which file each task comes from
        out["earlier"] = [{"unit": p.head.unit, "position": p.head.position, "from": p.window.start.isoformat(),
                           "to": p.window.end.isoformat(), "path": p.path} for p in s.earlier]
        units = {p.key: p.head.unit for p in s.earlier}
        entries: list[dict[str, Any]] = out["tasks"]
        for t, entry in zip(s.tasks, entries, strict=True):
            entry["path"] = t.origin[0] if t.origin else s.path
            entry["unit"] = units[t.origin] if t.origin else s.assignment.unit
    return out


# the groups (done; completed on time = exceeded + on time; unfinished past the due date = not done +
# overdue) under the names of the four official buckets, then one column a status: no name twice
CSV_HEAD = ["cadre", "name", "unit", "position", "program", "profile", "as_of", "tasks", "done", "completed_on_time",
            "exceeded", "late", "unfinished_overdue", *[s.replace("-", "_") for s in STATUSES if s not in ("exceeded", "late")],
            "points", "provisional_points", "tier"]


def as_csv(result: YearResult, _: Gettext, out: TextIO) -> None:
    for line in [*incomplete.public(result.withheld, _), *incomplete.lines(result.left_out, result.repo, _)]:
        out.write("# " + csv_comment(line) + "\n")  # comment lines first: what this table leaves out
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEAD)
    for s in result.assignments:
        c = s.counts
        writer.writerow([csv_cell(x) for x in [s.assignment.cadre, result.repo.name(s.assignment.cadre), s.assignment.unit, s.assignment.position or "",
                         s.assignment.program, s.profile.id, s.window.as_of.isoformat(), c.tasks, c.done, c.on_time, c.exceeded,
                         c.late, c.not_done, *[c[k] for k in STATUSES if k not in ("exceeded", "late")],
                         fixed(s.points) if s.points is not None else "", fixed(s.provisional_points), s.tier]])


def as_markdown(result: YearResult, _: Gettext, out: TextIO) -> None:
    lines = [f"## {md(title(result, _))}", ""]
    lines += [f"> {md(x)}\n" for x in incomplete.public(result.withheld, _)]
    banner = incomplete.lines(result.left_out, result.repo, _)
    if banner:
        lines += ["> ⚠ **" + md(banner[0]) + "**", ">", *(f"> - {md(x)}" for x in banner[1:]), ""]
    lines += ["| " + " | ".join(_(h) for h in TABLE_HEADS) + " |", "|" + "|".join(["---"] * 3 + ["---:"] * 7 + ["---"]) + "|"]
    for s in result.assignments:
        lines.append("| " + " | ".join(md(x) for x in row(s, result, _)) + " |")
    reasons = reason_lines(result, _)
    if reasons:
        lines += ["", *(f"- {md(x)}" for x in reasons)]
    if result.findings:
        lines.append("")
        lines += [f"- ⚠ {md(w.localize(_).message)}" for w in result.findings]
    out.write("\n".join(lines) + "\n")


def explain(result: YearResult, _: Gettext, console: Console, unclear: Mapping[tuple[str, int, str], Phrase] | None = None) -> None:
    """Every figure explained; beside a task the wording analyser judges not clear on what (`unclear`:
    file, document, task → its finding), that finding: the council checks the "5 rõ" first. It does
    not change the points."""
    unclear = unclear or {}
    for s in result.assignments:
        a = s.assignment
        who = ", ".join(x for x in (a.position, result.repo.name(a.unit)) if x)
        lang = lang_of(_)
        console.print(T(f"{result.repo.name(a.cadre)} — {who} ({word(PROGRAM, a.program, _)}, {formats.span(a.period.start, a.period.end, lang)})",
                        style="bold"))
        if s.earlier:
            console.print(T("  " + _("Earlier posts this year, pooled into this rating: {posts}").format(posts=earlier_posts(s, result, _))))
        console.print(T("  " + _("Profile {profile}: {title}").format(profile=s.profile.id, title=s.profile.title)))
        console.print(T("  " + _("Window {start} – {end}, as of {as_of}; council: {evaluation}").format(
            start=formats.day(s.window.start, lang), end=formats.day(s.window.end, lang), as_of=formats.day(s.window.as_of, lang),
            evaluation=_council(s, _))))
        units = {p.key: result.repo.name(p.head.unit) for p in s.earlier}
        for t in s.tasks:
            label = f"{t.id} ({units[t.origin]})" if t.origin else t.id  # a task of an earlier post, named with its unit
            head = _("Task {id} (weight {weight}): {status}").format(id=label, weight=formats.number(t.weight, lang), status=word(STATUS, t.status, _))
            console.print(T("  " + head, style="cyan"))
            if (finding := unclear.get((*(t.origin or (s.path, s.index)), t.id))) is not None:
                console.print(T("      ⚠ " + say(finding, _) + " " + _("(this does not change the points)"), style="yellow"))
            for step in t.steps:
                console.print(T("      " + say(step, _)))
            if t.council is not None and t.computed is not None:
                console.print(T("      " + say(phrase(N_("the council scored {score} (computed {computed}): the council's score counts"),
                                                          score=short(t.council), computed=short(t.computed)), _)))
        for comp, value in s.components.items():
            console.print(T("  " + _("Component {name}: {value} of {max}").format(
                name=word(COMPONENT, comp, _), value=fixed(value, 2, lang), max=formats.number(s.profile.components[comp], lang))))
        console.print(T("  " + _("Points: {points}").format(points=fixed(s.provisional_points, 2, lang))
                        + ("" if s.points is not None else " " + _("(provisional)"))))
        if not s.profile.ranks_by_points:
            console.print(T("  " + _("Under {profile} the points do not decide the tier: the conditions below do.").format(profile=s.profile.short_title)))
        for step in s.tier_trace:
            console.print(T("      " + say(step, _)))
        console.print(T("  " + _("Tier: {tier} — {reason}").format(tier=word(TIER_LONG, s.tier, _), reason=say(s.tier_reason, _)), style="bold"))
        console.print()
    for line in warning_lines(result, _):
        console.print(T(line, style="yellow"))
    for line in incomplete.public(result.withheld, _):
        console.print(T(line, style="italic"))
    for line in incomplete.lines(result.left_out, result.repo, _):
        console.print(T("⚠ " + line, style="bold red"))


def _council(s: AssignmentResult, _: Gettext) -> str:
    """The council session that scored the assignment, as a reader names it: its file and its date."""
    if s.council is None:
        return _("none")
    return f"{s.council.path} ({formats.day(s.council.date, lang_of(_))})"


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


@dataclass(frozen=True, kw_only=True)
class ScoreOutput(Output):
    explain: bool = False  # the table: every figure explained (--explain)
    unclear: Mapping[tuple[str, int, str], Phrase] | None = None  # --explain: the wording analyser's verdicts on the tasks explained


def render_table(result: YearResult, o: ScoreOutput) -> None:
    assert o.console is not None
    if o.explain:
        explain(result, o.gettext, o.console, o.unclear)
    else:
        table(result, o.gettext, o.console)


def render_json(result: YearResult, o: ScoreOutput) -> None:
    errors = [d.localize(o.gettext) for d in result.errors]
    for piece in iter_json(result, o.gettext, errors):
        o.out.write(piece)


def render_csv(result: YearResult, o: ScoreOutput) -> None:
    as_csv(result, o.gettext, o.out)


def render_markdown(result: YearResult, o: ScoreOutput) -> None:
    as_markdown(result, o.gettext, o.out)


RENDERERS: Mapping[str, Renderer[YearResult, ScoreOutput]] = table_of(
    {"table": render_table, "json": render_json, "csv": render_csv, "md": render_markdown})

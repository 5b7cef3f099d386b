"""References between documents: ids unique, every reference names the right kind, no cycles."""

from __future__ import annotations

from giaoviec.checks.context import Context
from giaoviec.diagnostics import N_, Diagnostic, finding
from giaoviec.model import Assignment, Cadres, Evaluation, ScoringProfile, Units
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.model.values import Document


def check_ids(ctx: Context) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    first: dict[str, str] = {}
    for doc in ctx.repo.documents:
        m = doc.model
        items: list[tuple[tuple, str]] = []
        if isinstance(m, Units):
            items = [(("units", i, "id"), u.id) for i, u in enumerate(m.units) if u is not None]
        elif isinstance(m, Cadres):
            items = [(("cadres", i, "id"), c.id) for i, c in enumerate(m.cadres) if c is not None]
        elif isinstance(m, ScoringProfile):
            items = [(("id",), "profile:" + m.id)]
        for loc, ident in items:
            if ident in first:
                out.append(finding(
                    doc.path, doc.where(*loc), "ref.duplicate-id", N_("The id '{id}' is already used in {other}."),
                    hint=N_("Units and cadres share one namespace: every id must be unique across both."),
                    id=ident.removeprefix("profile:"), other=first[ident],
                ))
            else:
                first[ident] = doc.path
    return out


def assignment_task_ids(ctx: Context, doc: Document) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[str] = set()
    for i, task in enumerate(doc.model.tasks):
        if task.id in seen:
            out.append(finding(
                doc.path, doc.where("tasks", i, "id"), "ref.duplicate-id",
                N_("Task id '{id}' appears twice in this file."), id=task.id, other=doc.path,
            ))
        seen.add(task.id)
    return out


def check_references(ctx: Context) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for doc in ctx.repo.documents:
        m = doc.model
        pairs: list[tuple[tuple, str | None, str]] = []
        if isinstance(m, Units):
            for i, u in enumerate(m.units):
                if u is None:
                    continue
                pairs.append((("units", i, "parent"), u.parent, "unit"))
                pairs += [(("units", i, "succeeded_by", j), s, "unit") for j, s in enumerate(u.succeeded_by)]
        elif isinstance(m, Cadres):
            for i, c in enumerate(m.cadres):
                if c is None:
                    continue
                pairs.append((("cadres", i, "hometown"), c.hometown, "unit"))
                pairs += [(("cadres", i, "positions", j, "unit"), p.unit, "unit") for j, p in enumerate(c.positions)]
        elif isinstance(m, Evaluation):
            pairs.append((("council",), m.council, "unit"))
            pairs += [(("evaluations", i, "cadre"), e.cadre, "cadre") for i, e in enumerate(m.evaluations) if isinstance(e, CadreEvaluation)]
        out += ctx.refs(doc, pairs)  # type: ignore[arg-type]
    return out


def assignment_references(ctx: Context, doc: Document) -> list[Diagnostic]:
    m: Assignment = doc.model
    pairs: list[tuple[tuple, str | None, str]] = [(("cadre",), m.cadre, "cadre"), (("unit",), m.unit, "unit"), (("monitor",), m.monitor, "any")]
    if m.basis:
        pairs.append((("basis", "issued_by"), m.basis.issued_by, "unit"))
    for i, t in enumerate(m.tasks):
        if t.who:
            if isinstance(t.who.lead, str):
                pairs.append((("tasks", i, "who", "lead"), t.who.lead, "any"))  # a unit as lead: clarity.who
            pairs += [(("tasks", i, "who", "support", j), s, "any") for j, s in enumerate(t.who.support)]
        if t.responsibility:
            pairs.append((("tasks", i, "responsibility", "accountable"), t.responsibility.accountable, "cadre"))
            pairs.append((("tasks", i, "responsibility", "authority"), t.responsibility.authority, "any"))
    return ctx.refs(doc, pairs)  # type: ignore[arg-type]


def check_unit_tree(ctx: Context) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    units = ctx.repo.units
    reported: set[str] = set()
    for start in units:
        path: list[str] = []
        current: str | None = start
        while current is not None and current in units and current not in path:
            path.append(current)
            current = units[current].item.parent
        if current is not None and current in path and current not in reported:
            cycle = path[path.index(current):]
            reported.update(cycle)
            entry = units[current]
            out.append(finding(
                entry.doc.path, entry.where("parent"), "ref.cycle",
                N_("The units form a cycle through their parents: {cycle}."),
                cycle=" → ".join([*cycle, current]),
            ))
    return out


def check_assignments_unique(ctx: Context) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: dict[tuple[str, str], list] = {}
    for m in ctx.repo.assignments:  # summaries
        for other in seen.get((m.cadre, m.program), []):
            if m.period.overlaps(other.period.start, other.period.end):
                out.append(finding(
                    m.path, m.where("cadre"), "ref.duplicate-assignment",
                    N_("Cadre '{cadre}' already has a '{program}' assignment for an overlapping period in {other}."),
                    hint=N_("Keep one file per cadre, program and period; a second program uses <cadre>-<program>.yaml."),
                    cadre=m.cadre, program=m.program, other=other.path,
                ))
                break
        seen.setdefault((m.cadre, m.program), []).append(m)
    return out

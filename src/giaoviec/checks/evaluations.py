"""Evaluations: each entry scores exactly one assignment, known tasks, scores within weights."""

from __future__ import annotations

import datetime as dt

from giaoviec.checks.context import Context
from giaoviec.diagnostics import N_, Diagnostic, finding, warning
from giaoviec.domain.councils import matching_assignments
from giaoviec.domain.profiles import category_of, profile_in_force, role_in
from giaoviec.domain.scoring import last_change
from giaoviec.i18n import Phrase
from giaoviec.model import Assignment, Evaluation
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.model.values import Document

STALE = N_("The council's score of task {task} ({day}) is older than {what} of {changed}: the council scored facts that have changed since.")
STALE_HISTORY = N_("The council's score of task {task} ({day}) was recorded before a later change of the task's outcome, due date or target in {file}: the council scored facts that have changed since.")
STALE_HINT = N_("Have the council score the task again (a new Evaluation, or a corrected score citing its session), or check the date of the change.")


def assignment_stale(ctx: Context, doc: Document) -> list[Diagnostic]:
    """eval.stale, from the dates in the files: a council score dated before the task's recorded
    completion or an amendment of it (history in git is looked at by app.history)."""
    if ctx.history:
        return []  # git tells when things were recorded: app.history decides
    a: Assignment = doc.model
    out: list[Diagnostic] = []
    tasks = {t.id: t for t in a.tasks}
    for ev_doc, i, entry in ctx.council_entries.get(a.cadre, ()):
        ev: Evaluation = ev_doc.model
        if (entry.program and entry.program != a.program) or not ev.period.overlaps(a.period.start, a.period.end):
            continue
        for task_id in entry.tasks:
            task = tasks.get(task_id)
            changed = last_change(a, task) if task else None
            if task is None or changed is None or changed <= ev.date:
                continue
            done = task.outcome is not None and task.outcome.done_on == changed
            out.append(warning(ev_doc.path, ev_doc.where("evaluations", i, "tasks", task_id, anchor="key"), "eval.stale", STALE,
                               hint=STALE_HINT, task=task_id, day=ev.date, changed=changed,
                               what=Phrase(N_("the completion") if done else N_("an amendment"))))
    return out


def unused_components(ctx: Context, doc: Document, i: int, entry: CadreEvaluation, unit: str, day: dt.date) -> list[Diagnostic]:
    """The council's general or other component points that the profile in force for the assignment
    does not have (QĐ 124 scores tasks only): shown, never counted; said at the file (issue 27)."""
    profile = profile_in_force(ctx.repo.config, ctx.repo.profiles, day, role_in(ctx.repo, entry.cadre, unit, day),
                               category_of(ctx.repo, entry.cadre))
    if profile is None:
        return []
    given = ([("general", entry.general, ("evaluations", i, "general"), "value")] if entry.general is not None else []) + \
        [(name, v, ("evaluations", i, "components", name), "key") for name, v in entry.components.items()]
    return [warning(doc.path, doc.where(*loc, anchor=anchor), "eval.component-unused",
                    N_("The council's '{name}' points ({value}) are not used by {profile}, which applies to {cadre} on {day}: they do not count in the score."),
                    hint=N_("Remove them, or check which profile the 'scoring' list of giaoviec.yaml applies on that date."),
                    name=name, value=value, profile=profile.id, cadre=entry.cadre, day=day)
            for name, value, loc, anchor in given if name not in profile.components]


def check_evaluations(ctx: Context) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    sessions: dict[tuple[str, int], list[tuple]] = {}
    for doc in ctx.repo.evaluations:
        ev: Evaluation = doc.model
        for i, entry in enumerate(ev.evaluations):
            if not isinstance(entry, CadreEvaluation):
                continue  # an invalid entry, already reported
            base = ("evaluations", i)
            if entry.decided_tier and not entry.reason:
                out.append(finding(
                    doc.path, doc.where(*base, "decided_tier"), "eval.reason",
                    N_("The decided tier '{tier}' of {cadre} has no reason."),
                    hint=N_("Add 'reason:' citing the competent authority's decision."),
                    tier=entry.decided_tier, cadre=entry.cadre,
                ))
            if entry.cadre not in ctx.repo.cadres:
                continue  # reported by the reference check
            found = matching_assignments(ctx.repo.by_cadre.get(entry.cadre, ()), ev, entry)
            if not found and ctx.repo.may_have_assignment(entry.cadre):
                continue  # its assignment is in a file that did not load: already reported there
            if not found:
                out.append(finding(
                    doc.path, doc.where(*base, "cadre"), "ref.unknown",
                    N_("No assignment of '{cadre}' overlaps the evaluation period {start} – {end}."),
                    cadre=entry.cadre, start=ev.period.start, end=ev.period.end,
                ))
                continue
            if len(found) > 1:
                out.append(finding(
                    doc.path, doc.where(*base, "cadre"), "ref.ambiguous",
                    N_("'{cadre}' has {n} assignments in this period ({files}); say which with 'program:'."),
                    cadre=entry.cadre, n=len(found), files=", ".join(d.path for d in found),
                ))
                continue
            sessions.setdefault((found[0].path, found[0].index), []).append((ev.date, doc, i))
            out += unused_components(ctx, doc, i, entry, found[0].unit, min(found[0].period.end, ev.period.end))
            weights = found[0].weights
            for task_id, score in entry.tasks.items():
                loc = (*base, "tasks", task_id)
                if task_id not in weights:
                    out.append(finding(
                        doc.path, doc.where(*loc, anchor="key"), "ref.unknown",
                        N_("Task '{task}' does not exist in {file}."), task=task_id, file=found[0].path,
                    ))
                elif score.score > weights[task_id]:
                    out.append(finding(
                        doc.path, doc.where(*loc, "score"), "eval.score-range",
                        N_("Score {score:g} for task {task} is above its weight {weight:g}."),
                        hint=N_("A council score lies between 0 and the task's weight."),
                        score=score.score, task=task_id, weight=weights[task_id],
                    ))
    for (path, _), entries in sessions.items():
        if len(entries) < 2:
            continue
        entries.sort(key=lambda e: (e[0], e[1].path))
        latest = entries[-1]
        for day, doc, i in entries[:-1]:
            out.append(warning(
                doc.path, doc.where("evaluations", i, "cadre"), "eval.superseded",
                N_("This evaluation of {file} ({day}) is replaced by the later one in {other} ({later})."),
                file=path, day=day, other=latest[1].path, later=latest[0],
            ))
    return out

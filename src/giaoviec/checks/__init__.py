"""The checks of `validate`, in two plain tuples.

PER_ASSIGNMENT checks look at one Assignment (with the registry at hand) while it is streamed;
REPOSITORY checks look at the registry and the assignment summaries once all are read. Checks
never read files. Their diagnostics carry a location path; `load.documents.locate` turns those
into lines and columns, composing only the files concerned. `amend` checks a change between two
versions (`validate --base`).
"""

from __future__ import annotations

import datetime as dt

from giaoviec.checks import clarity, dates, evaluations, profiles, refs
from giaoviec.checks.context import Context
from giaoviec.diagnostics import Diagnostic
from giaoviec.model.values import Document, Repository

PER_ASSIGNMENT = (
    refs.assignment_task_ids,
    refs.assignment_references,
    dates.assignment_dates,
    dates.assignment_position,
    clarity.assignment_clarity,
    evaluations.assignment_stale,
)

REGISTRY = (  # these read the registry alone: validate keeps their findings with its per-file cache
    refs.check_ids,
    refs.check_references,
    refs.check_unit_tree,
    dates.check_registry_dates,
    profiles.check_profiles,
    profiles.check_config,
)

ACROSS = (  # these read the assignment summaries too
    refs.check_assignments_unique,
    evaluations.check_evaluations,
)

REPOSITORY = REGISTRY + ACROSS


def context(repo: Repository, today: dt.date | None = None, history: bool = False, wording: bool = True) -> Context:
    return Context(repo, today or dt.date.today(), history, wording)


def check_assignment(ctx: Context, doc: Document) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for check in PER_ASSIGNMENT:
        found += check(ctx, doc)
    return found


def run(ctx: Context, which: tuple = REPOSITORY) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for check in which:
        found += check(ctx)
    return found

"""The checks of `validate`, in two plain tuples.

PER_ASSIGNMENT checks look at one Assignment (with the registry at hand) while it is streamed;
REPOSITORY checks look at the registry and the assignment summaries once all are read. Checks
never read files. Their diagnostics carry a location path; `locate` turns those into lines and
columns, composing only the files concerned.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from giaoviec import yamlio
from giaoviec.checks import clarity, dates, evaluations, profiles, refs
from giaoviec.checks.context import Context
from giaoviec.diagnostics import Diagnostic
from giaoviec.repository import Document, Repository

PER_ASSIGNMENT = (
    refs.assignment_task_ids,
    refs.assignment_references,
    dates.assignment_dates,
    dates.assignment_position,
    clarity.assignment_clarity,
)

REPOSITORY = (
    refs.check_ids,
    refs.check_references,
    refs.check_unit_tree,
    refs.check_assignments_unique,
    dates.check_registry_dates,
    evaluations.check_evaluations,
    profiles.check_profiles,
    profiles.check_config,
)


def context(repo: Repository, today: dt.date | None = None) -> Context:
    return Context(repo, today or dt.date.today())


def check_assignment(ctx: Context, doc: Document) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for check in PER_ASSIGNMENT:
        found += check(ctx, doc)
    return found


def run(ctx: Context) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for check in REPOSITORY:
        found += check(ctx)
    return found


def locate(root, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Lines and columns for the diagnostics that still need them, one compose per file."""
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        by_path[d.path].append(d)
    out: list[Diagnostic] = []
    for path, group in by_path.items():
        if not any(d.where is not None and d.line == 0 for d in group):
            out += group
            continue
        try:
            text = (root / path).read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            out += group
            continue
        out += yamlio.locate(group, text)
    return out

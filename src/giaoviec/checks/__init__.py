"""The checks of `validate`: each a function (Context) → diagnostics; CHECKS is a plain tuple.

Checks only look at the loaded Repository; they never read files. Their diagnostics carry a
location path; `run` turns those into lines and columns, composing only the files concerned.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from giaoviec import yamlio
from giaoviec.checks import clarity, dates, evaluations, profiles, refs
from giaoviec.checks.context import Context
from giaoviec.diagnostics import Diagnostic
from giaoviec.repository import Repository

CHECKS = (
    refs.check_ids,
    refs.check_references,
    refs.check_unit_tree,
    refs.check_assignments_unique,
    dates.check_task_dates,
    dates.check_positions,
    clarity.check_clarity,
    evaluations.check_evaluations,
    profiles.check_profiles,
    profiles.check_config,
)


def run(repo: Repository, today: dt.date | None = None) -> list[Diagnostic]:
    ctx = Context(repo, today or dt.date.today())
    found: list[Diagnostic] = []
    for check in CHECKS:
        found += check(ctx)
    return locate(repo, found)


def locate(repo: Repository, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        by_path[d.path].append(d)
    out: list[Diagnostic] = []
    for path, group in by_path.items():
        try:
            text = (repo.root / path).read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            out += group
            continue
        out += yamlio.locate(group, text)
    return out

"""`score YEAR` as a function: which assignments, which profile, which council session, quotas."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from giaoviec.councils import matching_assignments
from giaoviec.diagnostics import Diagnostic, N_
from giaoviec.model import Assignment, Config, Evaluation, ScoringProfile
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.org import parent_of, role_at, units_in_scope
from giaoviec.repository import AssignmentSummary, Document, Repository, read_assignment, summarize
from giaoviec.scoring import AssignmentScore, Reason, r, score_assignment, tier_name
from giaoviec.status import Window, window
from giaoviec.validation import validate

SCORED = ("assigned", "closed")


class NoProfile(Exception):
    """No scoring profile in force on a date (exit 3)."""

    def __init__(self, day: dt.date):
        super().__init__(day.isoformat())
        self.day = day


class UnknownUnit(Exception):
    """--unit names no unit (exit 2)."""


@dataclass(frozen=True)
class Warning_:
    code: str
    message: Reason
    group: str


@dataclass(frozen=True)
class YearScore:
    year: int
    as_of: dt.date
    profile: str | None
    cadres: tuple[AssignmentScore, ...]
    warnings: tuple[Warning_, ...]
    diagnostics: list[Diagnostic]
    repo: Repository


def profile_in_force(config: Config, profiles, day: dt.date) -> ScoringProfile | None:
    for rng in config.scoring:
        if (rng.start or dt.date.min) <= day <= (rng.end or dt.date.max):
            return profiles.get(rng.profile)
    return None


def score_year(
    root: Path, year: int, as_of: dt.date | None = None, unit: str | None = None,
    today: dt.date | None = None, progress=None, explain: bool = False,
) -> YearScore:
    """Scores each assignment of the year while validation streams it (no second read), then keeps
    the scores of valid files, with the council session that applies once every file is known."""
    today = today or dt.date.today()
    streamed: list[tuple[AssignmentSummary, AssignmentScore]] = []
    missing: list[dt.date] = []
    scope: dict[str, set[str] | None] = {}

    def visit(registry: Repository, doc: Document) -> None:
        if "units" not in scope:
            scope["units"] = units_in_scope(registry, unit) if unit and unit in registry.units else None
        a: Assignment = doc.model
        if a.status not in SCORED or (unit is not None and (scope["units"] is None or a.unit not in scope["units"])):
            return
        win = window(a.period.start, a.period.end, year, as_of, today)
        if win is None:
            return
        profile = profile_in_force(registry.config, registry.profiles, win.end)
        if profile is None:
            missing.append(win.end)
            return
        summary = summarize(doc)
        entry, source = council_entry(registry, summary, registry.evaluations, win, streaming=True)
        streamed.append((summary, score_assignment(a, doc.path, profile, win, registry.config.checks, entry, source, explain)))

    checked = validate(root, today=today, progress=progress, visit=visit)
    repo = checked.repo
    assert repo is not None  # validate with a visitor never answers from the cache
    if unit is not None and unit not in repo.units:
        raise UnknownUnit(unit)
    if missing:
        raise NoProfile(min(missing))
    broken = {d.path for d in checked.diagnostics if d.is_error}
    evaluations = [d for d in repo.evaluations if d.path not in broken]
    cadres: list[AssignmentScore] = []
    for summary, s in streamed:
        if summary.path in broken:
            continue
        entry, source = council_entry(repo, summary, evaluations, s.window)
        if source != s.evaluation:  # rare: a session now known to be ambiguous or invalid
            a = read_assignment(root, summary)
            if a is None:
                continue
            s = score_assignment(a, summary.path, s.profile, s.window, repo.config.checks, entry, source, explain)
        cadres.append(s)
    cadres.sort(key=lambda s: (s.assignment.unit, s.assignment.cadre, s.assignment.program))
    warnings = [*component_warnings(cadres), *quota_warnings(repo, cadres)]
    top = profile_in_force(repo.config, repo.profiles, dt.date(year, 12, 31))
    return YearScore(
        year=year, as_of=as_of or min(today, dt.date(year, 12, 31)), profile=top.id if top else None,
        cadres=tuple(cadres), warnings=tuple(warnings), diagnostics=checked.diagnostics, repo=repo,
    )


def council_entry(
    repo: Repository, a: AssignmentSummary, evaluations: list[Document], win: Window, streaming: bool = False,
) -> tuple[CadreEvaluation | None, str | None]:
    """The latest council session's entry for this assignment within the window. While streaming,
    the other assignments are not all known yet, so an entry is not yet checked for ambiguity."""
    best: tuple[dt.date, str, CadreEvaluation] | None = None
    for ev_doc in evaluations:
        ev: Evaluation = ev_doc.model
        if not ev.period.overlaps(win.start, win.end):
            continue
        for entry in ev.evaluations:
            if entry.cadre != a.cadre or (entry.program and entry.program != a.program):
                continue
            if not streaming and matching_assignments(repo, ev, entry) != [a]:
                continue
            if best is None or (ev.date, ev_doc.path) > (best[0], best[1]):
                best = (ev.date, ev_doc.path, entry)
    if best is None:
        return None, None
    return best[2], f"{best[1]} ({best[0].isoformat()})"


def component_warnings(cadres: list[AssignmentScore]) -> list[Warning_]:
    """A council-entered component outside its scale (0..components.<name>) is flagged, not clipped."""
    out = []
    for s in cadres:
        for name, value in s.components.items():
            maximum = s.profile.components[name]
            if name != "tasks" and value is not None and value > maximum:
                out.append(Warning_("score.component-range", r(
                    N_("{cadre}: the council's '{name}' is {value:g}, above its maximum {max:g} in {profile}."),
                    cadre=s.assignment.cadre, name=name, value=value, max=maximum, profile=s.profile.id,
                ), s.assignment.cadre))
    return out


def quota_warnings(repo: Repository, cadres: list[AssignmentScore]) -> list[Warning_]:
    """Per peer group (parent unit, role held at window_end) and profile: tier ≤ share × of."""
    groups: dict[tuple[str, str, str], list[AssignmentScore]] = defaultdict(list)
    for s in cadres:
        if s.profile.quota is None or s.tier == "pending":
            continue
        a = s.assignment
        role = role_at(repo, a.cadre, a.unit, s.window.end) or "other"
        groups[(s.profile.id, parent_of(repo, a.unit), role)].append(s)
    out = []
    for (profile_id, parent, role), members in sorted(groups.items()):
        quota = members[0].profile.quota
        n_tier = sum(1 for m in members if m.tier == quota.tier)
        n_of = sum(1 for m in members if m.tier == quota.of)
        if n_tier > quota.share * n_of:
            group = f"{parent}/{role}"
            out.append(Warning_("score.quota", r(
                N_("Quota exceeded in the group {group} ({profile}): {n_tier} '{tier}' but at most {share} × {n_of} '{of}' allowed."),
                group=group, profile=profile_id, n_tier=n_tier, tier=tier_name(quota.tier), share=f"{quota.share:g}", n_of=n_of, of=tier_name(quota.of),
            ), group))
    return out

"""A year's results as one value, `YearResult`, that every output is a view of.

Two plain functions. `score_assignments` consumes a stream of Assignment documents (the same
stream validation checks, so each file is read once) and judges every task that counts in the
year: status, achieved value, computed points. `settle` completes it once every file is checked:
it leaves out the files with errors, applies the council session that holds for each assignment,
counts, sums and rates (`domain.scoring.aggregate`), and checks the quotas.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from giaoviec.compute.left_out import Confidential, LeftOut, breakage, confidential, left_out, usable_evaluations
from giaoviec.diagnostics import N_, Diagnostic, ExitCode, Fatal, Severity, finding, repository_error
from giaoviec.domain.councils import matching_assignments
from giaoviec.domain.org import parent_of, role_at, units_in_scope
from giaoviec.domain.scoring import AssignmentResult, Council, Header, TaskResult, aggregate, judge_task
from giaoviec.domain.status import Window, window
from giaoviec.domain.unitnames import in_sentence
from giaoviec.load.public import Withholding
from giaoviec.load.repository import Document, Repository
from giaoviec.model import Assignment, Config, Evaluation, ScoringProfile
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.words import ROLE_PLURAL, TIER, share, term

SCORED = ("assigned", "closed")


@dataclass(frozen=True)
class Judged:
    """One assignment's task results, before its council session is settled."""

    head: Header
    path: str
    index: int
    profile: ScoringProfile
    window: Window
    tasks: tuple[TaskResult, ...]


@dataclass(frozen=True)
class Scored:
    year: int
    as_of: dt.date
    unit: str | None
    judged: tuple[Judged, ...]
    explain: bool = False  # keep each tier's trace (score --explain); without it, only the reason


@dataclass(frozen=True)
class YearResult:
    year: int
    as_of: dt.date
    unit: str | None
    profile: str | None  # the profile in force on 31-12-YEAR
    assignments: tuple[AssignmentResult, ...]
    findings: tuple[Diagnostic, ...]  # about the results themselves: quotas, council components
    diagnostics: tuple[Diagnostic, ...]  # validation's, of the whole repository
    repo: Repository
    left_out: tuple[LeftOut, ...] = ()  # what the results leave out, and why (compute.left_out)
    withheld: Confidential | None = None  # --public: the confidential items left out before anything was computed

    @property
    def complete(self) -> bool:
        return not self.left_out

    @property
    def errors(self) -> list[Diagnostic]:
        """The errors behind what is left out: those of its files."""
        paths = {item.path for item in self.left_out}
        return [d for d in self.diagnostics if d.is_error and d.path in paths]


def profile_in_force(config: Config, profiles, day: dt.date) -> ScoringProfile | None:
    for rng in config.scoring:
        if (rng.start or dt.date.min) <= day <= (rng.end or dt.date.max):
            return profiles.get(rng.profile)
    return None


def scope_of(repo: Repository, unit: str | None) -> set[str] | None:
    """The units `--unit` covers (None: all); an unknown unit is a usage error (exit 2)."""
    if unit is None:
        return None
    if unit not in repo.units:
        raise Fatal(ExitCode.USAGE, N_("Unknown unit '{unit}'."), unit=unit)
    return units_in_scope(repo, unit)


def in_scope(a: Assignment, scope: set[str] | None) -> bool:
    return a.status in SCORED and (scope is None or a.unit in scope)


def score_assignments(registry: Repository, docs: Iterable[Document], year: int, as_of: dt.date | None = None,
                      unit: str | None = None, today: dt.date | None = None, explain: bool = False,
                      judged_hook: Callable[[Document, tuple[TaskResult, ...]], None] | None = None) -> Scored:
    """Each document's tasks judged as it streams by; `judged_hook` is told each document's results
    at that moment (a report keeps the words it will quote of them while the document is at hand)."""
    today = today or dt.date.today()
    scope = scope_of(registry, unit)
    judged: list[Judged] = []
    missing: list[dt.date] = []
    cadence = registry.config.checks
    for doc in docs:
        a: Assignment = doc.model
        if not in_scope(a, scope):
            continue
        win = window(a.period.start, a.period.end, year, as_of, today)
        if win is None:
            continue
        profile = profile_in_force(registry.config, registry.profiles, win.end)
        if profile is None:
            missing.append(win.end)
            continue
        tasks = tuple(r for t in a.tasks if (r := judge_task(t, win, profile, cadence, explain)) is not None)
        if judged_hook is not None:
            judged_hook(doc, tasks)
        head = Header(a.cadre, a.unit, a.position, a.program, a.period, a.confidential)
        judged.append(Judged(head, doc.path, doc.index, profile, win, tasks))
    if missing:
        day = min(missing)
        named = next((r.profile for r in registry.config.scoring if (r.start or dt.date.min) <= day <= (r.end or dt.date.max)), None)
        if named is not None and named in registry.broken_profiles:
            raise repository_error(N_("The scoring profile '{id}' in force on {date} has errors ({file}): nothing is scored under it, "
                                      "and the built-in profile of that id is not used in its place (run giaoviec validate)."),
                                   id=named, date=day, file=registry.broken_profiles[named])
        raise repository_error(N_("No scoring profile is in force on {date}: add a range to 'scoring' in giaoviec.yaml."), date=day)
    return Scored(year, as_of or min(today, dt.date(year, 12, 31)), unit, tuple(judged), explain)


def settle(scored: Scored, repo: Repository, diagnostics: Sequence[Diagnostic], withheld: Withholding | None = None) -> YearResult:
    """The results once every file is checked: files with errors left out (and named), council
    sessions applied entry by entry, counts, points and tiers, quotas checked. `withheld` (--public):
    what was taken out as the files were read, counted in the scope and year."""
    broken = breakage(diagnostics)
    evaluations = usable_evaluations(repo, broken)
    stale = stale_scores(diagnostics)
    results: list[AssignmentResult] = []
    for j in scored.judged:
        if j.path in broken.files:
            continue
        council = council_entry(repo, j, evaluations, stale)
        results.append(aggregate(j.head, j.path, j.index, j.profile, j.window, j.tasks, council, scored.explain))
    results.sort(key=lambda s: (s.assignment.unit, s.assignment.cadre, s.assignment.program))
    findings = [*component_warnings(results), *quota_warnings(repo, results)]
    top = profile_in_force(repo.config, repo.profiles, dt.date(scored.year, 12, 31))
    missing = left_out(repo, broken, scored.year, scope_of(repo, scored.unit), [(j.path, j.head.cadre) for j in scored.judged],
                       {j.head.cadre for j in scored.judged})
    hidden = confidential(withheld, scope_of(repo, scored.unit), dt.date(scored.year, 1, 1), dt.date(scored.year, 12, 31))
    return YearResult(scored.year, scored.as_of, scored.unit, top.id if top else None, tuple(results),
                      tuple(findings), tuple(diagnostics), repo, tuple(missing), hidden)


def stale_scores(diagnostics: Sequence[Diagnostic]) -> dict[tuple[str, int, int], frozenset[str]]:
    """(evaluation path, document, entry) → the tasks whose council score eval.stale found out of date."""
    out: dict[tuple[str, int, int], set[str]] = {}
    for d in diagnostics:
        loc = d.where.loc if d.where else ()
        if d.code == "eval.stale" and d.where is not None and len(loc) == 4 and isinstance(loc[1], int):
            out.setdefault((d.path, d.where.doc, loc[1]), set()).add(str(loc[3]))
    return {k: frozenset(v) for k, v in out.items()}


def council_entry(repo: Repository, j: Judged, evaluations: list[tuple[Document, frozenset[int]]],
                  stale: dict[tuple[str, int, int], frozenset[str]] | None = None) -> Council | None:
    """The latest council session's entry that scores exactly this assignment within its window
    (entries left out for their errors are skipped)."""
    best: tuple[dt.date, str, CadreEvaluation, frozenset[str], Evaluation] | None = None
    mine = repo.by_cadre.get(j.head.cadre, ())
    for ev_doc, bad in evaluations:
        ev: Evaluation = ev_doc.model
        if not ev.period.overlaps(j.window.start, j.window.end):
            continue
        for i, entry in enumerate(ev.evaluations):
            if not isinstance(entry, CadreEvaluation) or i in bad:
                continue
            if entry.cadre != j.head.cadre or (entry.program and entry.program != j.head.program):
                continue
            matches = matching_assignments(mine, ev, entry)
            if len(matches) != 1 or (matches[0].path, matches[0].index) != (j.path, j.index):
                continue
            if best is None or (ev.date, ev_doc.path) > (best[0], best[1]):
                best = (ev.date, ev_doc.path, entry, (stale or {}).get((ev_doc.path, ev_doc.index, i), frozenset()), ev)
    if best is None:
        return None
    session = best[4]
    return Council(best[2], best[1], best[0], best[3], council=session.council,
                   minutes=session.basis.number if session.basis else None)


def _result_warning(code: str, message: str, group: str, **args: Any) -> Diagnostic:
    return finding("", None, code, message, severity=Severity.WARNING, group=group, **args)


def component_warnings(results: list[AssignmentResult]) -> list[Diagnostic]:
    """A council-entered component outside its scale (0..components.<name>) is flagged, not clipped."""
    out = []
    for s in results:
        for name, value in s.components.items():
            maximum = s.profile.components[name]
            if name != "tasks" and value is not None and value > maximum:
                out.append(_result_warning(
                    "score.component-range", N_("{cadre}: the council's '{name}' is {value:g}, above its maximum {max:g} in {profile}."),
                    s.assignment.cadre, cadre=s.assignment.cadre, name=name, value=value, max=maximum, profile=s.profile.id))
    return out


def quota_warnings(repo: Repository, results: list[AssignmentResult]) -> list[Diagnostic]:
    """Per peer group (parent unit, role held at window_end) and profile: tier ≤ share × of."""
    groups: dict[tuple[str, str, str], list[AssignmentResult]] = defaultdict(list)
    for s in results:
        if s.profile.quota is None or s.tier == "pending":
            continue
        a = s.assignment
        role = role_at(repo, a.cadre, a.unit, s.window.end) or "other"
        groups[(s.profile.id, parent_of(repo, a.unit), role)].append(s)
    out = []
    for (profile_id, parent, role), members in sorted(groups.items()):
        quota = members[0].profile.quota
        assert quota is not None
        n_tier = sum(1 for m in members if m.tier == quota.tier)
        n_of = sum(1 for m in members if m.tier == quota.of)
        if n_tier > quota.share * n_of:
            group = f"{parent}/{role}"
            out.append(_result_warning(
                "score.quota", N_("Quota exceeded among the {role} of {unit} ({profile}): {n_tier} '{tier}', but at most {share} of the {n_of} '{of}' are allowed."),
                group, role=term(ROLE_PLURAL, role), unit=in_sentence(repo.name(parent)), profile=profile_id, n_tier=n_tier, tier=term(TIER, quota.tier),
                share=share(quota.share), n_of=n_of, of=term(TIER, quota.of)))
    return out

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
from dataclasses import dataclass, replace
from typing import Any

from giaoviec.compute.left_out import Confidential, LeftOut, breakage, confidential, left_out, usable_evaluations
from giaoviec.diagnostics import N_, Diagnostic, ExitCode, Fatal, Severity, finding, repository_error
from giaoviec.domain.councils import matching_assignments
from giaoviec.domain.org import Scope, parent_of, role_at, units_in_scope
from giaoviec.domain.profiles import applying, category_of, profile_in_force, role_in
from giaoviec.domain.scoring import AssignmentResult, Council, Header, Post, TaskResult, aggregate, judge_task, with_council
from giaoviec.domain.status import Window, window
from giaoviec.domain.unitnames import in_sentence
from giaoviec.model import Assignment, Evaluation, ScoringProfile
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.model.public import Withholding
from giaoviec.model.values import Document, Repository
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
    def assignments_scored(self) -> int:
        """How many assignment documents the results score (a move pools several into one result)."""
        return sum(len(r.keys) for r in self.assignments)

    @property
    def files_left_out(self) -> int:
        return len({item.path for item in self.left_out})

    @property
    def errors(self) -> list[Diagnostic]:
        """The errors behind what is left out: those of its files."""
        paths = {item.path for item in self.left_out}
        return [d for d in self.diagnostics if d.is_error and d.path in paths]


def profile_for(repo: Repository, a: Assignment, day: dt.date) -> ScoringProfile | None:
    """The profile that applies to the assignment's cadre on `day` (the window's end); two entries
    applying at once is a repository error naming both (exit 3)."""
    role, category = role_in(repo, a.cadre, a.unit, day), category_of(repo, a.cadre)
    found = applying(repo.config, day, role, category)
    if len(found) > 1:
        first, second = (repo.config.scoring[i] for i in found[:2])
        raise repository_error(N_("Two scoring entries of giaoviec.yaml apply to {cadre} on {date}: {first} and {second}; narrow one with 'roles' or 'categories'."),
                               cadre=a.cadre, date=day, first=first.profile, second=second.profile)
    return repo.profiles.get(repo.config.scoring[found[0]].profile) if found else None


def scope_of(repo: Repository, unit: str | None) -> Scope | None:
    """The units `--unit` covers (None: all); an unknown unit is a usage error (exit 2)."""
    if unit is None:
        return None
    if unit not in repo.units:
        raise Fatal(ExitCode.USAGE, N_("Unknown unit '{unit}'."), unit=unit)
    return units_in_scope(repo, unit)


def in_scope(a: Assignment, scope: set[str] | None) -> bool:
    """Scored, and in scope or of a cadre who held a post in it: a row whose last post of the year is
    in scope pools the earlier posts' files (spec/scoring.md, one tier per cadre, program and year)."""
    return a.status in SCORED and (scope is None or _admits(scope, a.unit, a.cadre) or a.cadre in getattr(scope, "people", ()))


def _admits(scope: set[str], unit: str, cadre: str) -> bool:
    return scope.admits(unit, cadre) if isinstance(scope, Scope) else unit in scope


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
        profile = profile_for(registry, a, win.end)
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


def settle(scored: Scored, repo: Repository, diagnostics: Sequence[Diagnostic], withheld: Withholding | None = None,
           every_task: bool = False, pool: Callable[..., AssignmentResult] | None = None) -> YearResult:
    """The results once every file is checked: files with errors left out (and named), council
    sessions applied entry by entry, counts, points and tiers, quotas checked. `withheld` (--public):
    what was taken out as the files were read, counted in the scope and year; `every_task` (an export,
    which lists every task of the files it shows): the confidential tasks of those files, whatever their year.
    `pool`: `pooled` itself, or a function that answers as it does (serve keeps the rows of the
    files that did not change)."""
    pool = pool or pooled
    broken = breakage(diagnostics)
    evaluations = usable_evaluations(repo, broken)
    stale = stale_scores(diagnostics)
    scope = scope_of(repo, scored.unit)
    rows: dict[tuple[str, str], list[Judged]] = {}
    for j in scored.judged:
        if j.path not in broken.files:
            rows.setdefault((j.head.cadre, j.head.program), []).append(j)
    results: list[AssignmentResult] = []
    for parts in rows.values():
        parts.sort(key=lambda j: (j.window.end, j.window.start, j.path, j.index))
        own = parts[-1]
        if scope is None or _admits(scope, own.head.unit, own.head.cadre):
            results.append(pool(repo, parts, evaluations, stale, scored.explain))
    results.sort(key=lambda s: (s.assignment.unit, s.assignment.cadre, s.assignment.program))
    findings = [*component_warnings(results), *quota_warnings(repo, results)]
    top = profile_in_force(repo.config, repo.profiles, dt.date(scored.year, 12, 31))
    missing = left_out(repo, broken, scored.year, scope_of(repo, scored.unit), [(j.path, j.head.cadre) for j in scored.judged],
                       {j.head.cadre for j in scored.judged})
    listed = {key for s in results for key in s.keys} if every_task else None
    hidden = confidential(withheld, scope, dt.date(scored.year, 1, 1), dt.date(scored.year, 12, 31), listed=listed,
                          owners=owners(scored, rows, withheld, scope))
    return YearResult(scored.year, scored.as_of, scored.unit, top.id if top else None, tuple(results),
                      tuple(findings), tuple(diagnostics), repo, tuple(missing), hidden)


def owners(scored: Scored, rows: dict[tuple[str, str], list[Judged]], withheld: Withholding | None,
           scope: set[str] | None) -> dict[tuple[str, str], str]:
    """(cadre, program) → the unit of the row the year's results would show their files in, had the
    confidential ones been read too: the last post's, a file taken out whole included (a public
    output counts what it leaves out under the row it would have been shown in)."""
    last: dict[tuple[str, str], tuple[Any, ...]] = {key: (p.window.end, p.window.start, p.path, p.index, p.head.unit)
                                                    for key, parts in rows.items() for p in parts[-1:]}
    first, end = dt.date(scored.year, 1, 1), min(scored.as_of, dt.date(scored.year, 12, 31))
    for w in withheld.items if withheld is not None else ():
        if not (w.whole and w.cadre and w.program and w.unit and w.status in SCORED):
            continue
        if scope is not None and not (_admits(scope, w.unit, w.cadre) or w.cadre in getattr(scope, "people", ())):
            continue
        try:
            start = max(first, dt.date.fromisoformat(w.start) if w.start else first)
            stop = min(end, dt.date.fromisoformat(w.end) if w.end else end)
        except ValueError:
            continue
        if start <= stop and (stop, start, w.path, w.index, w.unit) > last.get((w.cadre, w.program), ()):
            last[(w.cadre, w.program)] = (stop, start, w.path, w.index, w.unit)
    return {key: str(value[-1]) for key, value in last.items()}


def pooled(repo: Repository, parts: list[Judged], evaluations: list[tuple[Document, frozenset[int]]],
           stale: dict[tuple[str, int, int], frozenset[str]], explain: bool) -> AssignmentResult:
    """One row for a cadre's assignments of one program in the year, oldest first (a move, a rotation,
    a merger): the tasks pooled, each judged in its own assignment's window and scored by its own
    assignment's council; the row belongs to the last post and lists the earlier ones. The council
    entry of the last post (else the latest earlier one) gives the other components and the tier."""
    own = parts[-1]
    councils = [council_entry(repo, j, evaluations, stale) for j in parts]
    if len(parts) == 1:
        return aggregate(own.head, own.path, own.index, own.profile, own.window, own.tasks, councils[0], explain)
    tasks: list[TaskResult] = []
    for j, c in zip(parts, councils, strict=True):
        mine = tuple(with_council(t, c) for t in j.tasks) if c is not None and c.entry.tasks else j.tasks
        tasks += mine if j is own else (replace(t, origin=(j.path, j.index)) for t in mine)
    council = next((c for c in reversed(councils) if c is not None), None)
    # the row's window stays the last post's (a council sheet for it covers that post's file only);
    # the earlier posts' windows are listed with them
    result = aggregate(own.head, own.path, own.index, own.profile, own.window, tuple(tasks), council, explain, apply_council=False)
    return replace(result, earlier=tuple(Post(j.head, j.path, j.index, j.window) for j in parts[:-1]))


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
    """A council-entered component outside its scale (0..components.<name>) is flagged, not clipped; one
    the profile does not have (a switch of profile) is flagged too: it is left out of the points."""
    out = []
    for s in results:
        entry = s.council.entry if s.council else None
        given: dict[str, float] = ({"general": entry.general} if entry and entry.general is not None else {}) | (dict(entry.components) if entry else {})
        for name, got in given.items():
            if name not in s.profile.components:
                scale = ", ".join(f"{k} {v:g}" for k, v in s.profile.components.items())
                out.append(_result_warning(
                    "score.component-unused", N_("{cadre}: the council's '{name}' ({value}) is not a component of {profile}: it is left out of the points; check that the other points were entered on its scale ({scale})."),
                    s.assignment.cadre, cadre=s.assignment.cadre, name=name, value=got, profile=s.profile.id, scale=scale))
        for name, value in s.components.items():
            maximum = s.profile.components[name]
            if name != "tasks" and value is not None and value > maximum:
                out.append(_result_warning(
                    "score.component-range", N_("{cadre}: the council's '{name}' is {value:g}, above its maximum {max:g} in {profile}."),
                    s.assignment.cadre, cadre=s.assignment.cadre, name=name, value=value, max=maximum, profile=s.profile.id))
    return out


def peer_group(repo: Repository, s: AssignmentResult) -> tuple[str, str]:
    """The group a quota compares a row with: its unit's parent and the role its cadre held there at
    the window's end ("other" without one)."""
    a = s.assignment
    return parent_of(repo, a.unit), role_at(repo, a.cadre, a.unit, s.window.end) or "other"


def quota_warnings(repo: Repository, results: list[AssignmentResult]) -> list[Diagnostic]:
    """Per peer group (parent unit, role held at window_end) and profile: tier ≤ share × of."""
    groups: dict[tuple[str, str, str], list[AssignmentResult]] = defaultdict(list)
    for s in results:
        if s.profile.quota is None or s.tier == "pending":
            continue
        parent, role = peer_group(repo, s)
        groups[(s.profile.id, parent, role)].append(s)
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

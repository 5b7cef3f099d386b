"""The pages' contents, laid out from the site's computed model: a unit's and a cadre's are the
report's own views (compute.report.build on the results restricted to them), the due list is
`status`'s, the problems `validate`'s. Nothing here computes a figure."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

from giaoviec import formats
from giaoviec.compute import report as report_context
from giaoviec.compute.followup import FollowUp
from giaoviec.compute.reportview import Report
from giaoviec.compute.year import YearResult, peer_group
from giaoviec.diagnostics import Diagnostic
from giaoviec.domain.scoring import Counts
from giaoviec.i18n import Gettext
from giaoviec.model.values import Repository
from giaoviec.render.jinja import pieces
from giaoviec.serve.site import Site, restricted
from giaoviec.serve.words import words
from giaoviec.words import ASSIGNMENT_STATUS, BUCKET, FOLLOW_UP, PROGRAM, measured, word


def task_href(path: str, task: str, year: int | None = None) -> str:
    return "/task?" + urlencode({"file": path, "id": task, **({"year": year} if year else {})})


def render(template: str, site: Site, _: Gettext, year: int | None = None, **context) -> str:
    o = site.options
    return "".join(pieces(f"serve/{template}.html.j2", t=words(_), lang=o.lang, public=o.public,
                          read_only=o.read_only, year=year, **context))


def unit_report(site: Site, unit: str, year: int, _: Gettext, cadre: str | None = None) -> Report:
    got = site.year(year)
    return report_context.build(restricted(got.result, unit, cadre), got.models, unit, _, site.options.lang,
                               site.options.public, site.today)


def tree(site: Site, year: int, _: Gettext, depth: int | None = None, parent: str | None = None) -> list[dict]:
    """The units, parents first, with each unit's buckets over its scope (`domain.org.units_in_scope`:
    the unit, those below it and those it succeeded), overdue tasks and cadres missing a check-in.
    Only the rows down to `depth`, or only those right below `parent`, when one is given (the others
    are not counted). Kept for the state of the files it was made from."""
    return site.memo(("tree", year, depth, parent), lambda: _tree(site, year, depth, parent))


def _tree(site: Site, year: int, shown_depth: int | None = None, shown_parent: str | None = None) -> list[dict]:
    result = site.year(year).result
    repo = result.repo
    follow = site.followup()
    children: dict[str | None, list[str]] = {}
    below: dict[str, list[str]] = {}  # the edges of units_in_scope: children and the units it succeeded
    for uid, entry in repo.units.items():
        parent = entry.item.parent if entry.item.parent in repo.units else None
        children.setdefault(parent, []).append(uid)
        if parent is not None:
            below.setdefault(parent, []).append(uid)
        for successor in entry.item.succeeded_by:
            below.setdefault(successor, []).append(uid)
    scopes: dict[str, frozenset[str]] = {}

    def scope(uid: str, path: frozenset[str] = frozenset()) -> frozenset[str]:
        if uid not in scopes:
            found = {uid}
            for other in below.get(uid, ()):
                if other not in path:
                    found |= scope(other, path | {uid})
            scopes[uid] = frozenset(found)
        return scopes[uid]

    statuses: dict[str, Counter[str]] = {}
    for s in result.assignments:
        statuses.setdefault(s.assignment.unit, Counter()).update(s.counts.by_status)  # (Counts.of its tasks' statuses)
    overdue: dict[str, int] = {}
    missing: dict[str, set[str]] = {}
    for item in follow.items:
        if item.kind == "overdue":
            overdue[item.unit] = overdue.get(item.unit, 0) + 1
        elif item.kind == "no-check-in":
            missing.setdefault(item.unit, set()).add(item.cadre)
    rows: list[dict] = []

    def visit(uid: str, depth: int, parent: str | None = None) -> None:
        below = sorted(children.get(uid, []), key=repo.name) if shown_depth is None or depth < shown_depth else []
        if shown_parent is None or parent == shown_parent:
            units = scope(uid)
            counted: Counter[str] = Counter()
            for u in units:
                counted.update(statuses.get(u, {}))  # (counts added: Counts.of on the tasks of the units in scope)
            buckets = Counts.of(counted.elements()).buckets
            rows.append({"id": uid, "parent": parent, "name": repo.name(uid), "depth": depth, "buckets": list(buckets.values()),
                         "overdue": sum(overdue.get(u, 0) for u in units),
                         "missing": len(set().union(*(missing.get(u, set()) for u in units)))})
        for child in below:
            visit(child, depth + 1, uid)

    for top in sorted(children.get(None, []), key=repo.name):
        visit(top, 0)
    return rows


def bucket_names(_: Gettext) -> list[str]:
    return [_(v) for v in BUCKET.values()]


def due_groups(follow: FollowUp, _: Gettext, lang: str) -> list[tuple[str, list[dict]]]:
    groups = []
    for kind in ("overdue", "due-soon", "no-check-in"):
        when = {"overdue": _("{days} days late (due {due})"), "due-soon": _("{days} days left (due {due})"),
                "no-check-in": _("due {due}")}[kind]  # as `status` says it
        items = [{"cadre": follow.repo.name(i.cadre), "cadre_id": i.cadre, "task": i.task, "what": i.what,
                  "due": formats.day(i.due, lang), "days": i.days, "href": task_href(i.path, i.task),
                  "when": when.format(days=i.days, due=formats.day(i.due, lang))}
                 for i in follow.items if i.kind == kind]
        groups.append((_(FOLLOW_UP[kind]).format(start=formats.day(follow.period_start, lang)), items))
    return groups


def problem_groups(found: list[Diagnostic], _: Gettext) -> list[tuple[str, list[dict]]]:
    by_file: dict[str, list[dict]] = {}
    for d in found:
        shown = d.localize(_)
        by_file.setdefault(d.path, []).append({"line": d.line, "column": d.column, "code": d.code,
                                               "severity": _(d.severity.value), "level": d.severity.value, "message": shown.message,
                                               "hint": shown.hint or ""})
    return sorted(by_file.items())


def history(root: Path, rel: str) -> list[tuple[str, str, str, str]]:
    """The commits that touched a file, newest first: (short hash, date, author, subject)."""
    try:
        out = subprocess.run(["git", "log", "--follow", "--format=%h%x1f%ad%x1f%an%x1f%s", "--date=short", "--", rel],
                             cwd=root, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    return [tuple(line.split("\x1f", 3)) for line in out.stdout.splitlines() if line.count("\x1f") == 3]  # type: ignore[misc]


def drafts(repo: Repository, cadre: str, year: int, scored: set[str], _: Gettext, lang: str) -> list[dict]:
    """The cadre's assignments of the year not yet assigned (proposed, appraised): no figure, their
    task ids and their state, for the clarity findings beside them."""
    return [{"path": a.path, "program": word(PROGRAM, a.program, _), "status": word(ASSIGNMENT_STATUS, a.status, _),
             "period": formats.span(a.period.start, a.period.end, lang), "unit": repo.name(a.unit), "tasks": list(a.weights)}
            for a in repo.assignments
            if a.cadre == cadre and a.status in ("proposed", "appraised") and a.path not in scored
            and a.period.start.year <= year <= a.period.end.year]


def own_findings(result: YearResult, cadre: str) -> YearResult:
    """The results' warnings about this cadre: their own (a council's component) and those of their
    peer groups (a quota: compute.year.peer_group, the groups quota_warnings counts)."""
    groups = {cadre} | {"/".join(peer_group(result.repo, s)) for s in result.assignments}
    return dataclasses.replace(result, findings=tuple(f for f in result.findings if dict(f.args).get("group") in groups))


def not_local(site: Site, unit: str, year: int, _: Gettext) -> list[str]:
    """The not-local ratio of the unit's communes, in the words of `giaoviec stats` (compute.stats.not_local,
    on the day `stats` takes: today, or the year's last day)."""
    from giaoviec.compute.stats import not_local as ratio
    from giaoviec.compute.year import scope_of
    from giaoviec.words import ROLE_PLURAL, percent

    repo, lang = site.year(year).result.repo, site.options.lang
    nl = ratio(repo, scope_of(repo, unit), min(site.today, dt.date(year, 12, 31)))
    if not nl.communes:
        return []
    return [_("Not local (commune Party secretaries and chairs whose hometown is elsewhere), on {day}:").format(day=formats.day(nl.day, lang)),
            *(f"{word(ROLE_PLURAL, role, _)}: {n}/{known}" for role, (n, known) in nl.by_role.items()),
            _("Total: {n}/{d} = {pct} over {communes} communes").format(n=nl.numerator, d=nl.denominator,
                                                                       pct=percent(nl.numerator, nl.denominator, lang), communes=nl.communes),
            *([_("{n} people with no hometown recorded are left out of both counts.").format(n=nl.unknown)] if nl.unknown else [])]


def recorded(task, as_of: dt.date, lang: str) -> dict:
    """A task's check-ins up to the results' day (date, value, note, evidence) and its recorded
    outcome, as the file holds them (the task page: the form under them adds to these)."""
    if task is None:
        return {"checkins": [], "outcome": None}
    checkins = [{"date": formats.day(p.date, lang), "value": measured(p.value, lang) if p.value is not None else "",
                 "note": p.note or "", "evidence": list(p.evidence)} for p in task.progress if p.date <= as_of]
    o = task.outcome
    outcome = None if o is None or o.done_on is None else {
        "done_on": formats.day(o.done_on, lang), "value": measured(o.value, lang) if o.value is not None else "", "evidence": list(o.evidence)}
    return {"checkins": checkins, "outcome": outcome}


def explained(site: Site, year: int, cadre: str, _: Gettext) -> str:
    """The cadre's score explained in words: the text of `score --explain` for these results."""
    import io

    from rich.console import Console

    from giaoviec.checks.clarity import unclear_what, vocabulary
    from giaoviec.render.score import explain

    got = site.year(year)
    mine = own_findings(restricted(got.result, cadre=cadre), cadre)
    words = vocabulary(got.result.repo.config)
    unclear = {}  # beside a task, the wording analyser's finding, as score --explain prints it (app.score's hook)
    for s in mine.assignments:
        for key in s.keys:
            model = got.models[key]
            for t in model.tasks:
                if (p := unclear_what(t, model.period.start.year, words)) is not None:
                    unclear[(key[0], key[1], t.id)] = p
    console = Console(file=io.StringIO(), width=100, no_color=True, highlight=False, soft_wrap=True)
    explain(mine, _, console, unclear)
    return console.file.getvalue()  # type: ignore[attr-defined]

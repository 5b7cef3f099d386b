"""`diff BASE [HEAD]` as a function: what changed between two revisions, in the domain's words,
and what it does to points and tiers, for the cadres whose inputs changed."""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

from giaoviec.app.checking import check
from giaoviec.app.score import Revision, read_revision, score, score_cadres
from giaoviec.compute.review import Review, impacts, names, units
from giaoviec.compute.year import YearResult
from giaoviec.diagnostics import Fatal
from giaoviec.domain.semdiff import Change, Diff, compare, years_touched
from giaoviec.load import gitrev, revisions
from giaoviec.load.repository import Document, Repository
from giaoviec.model.evaluation import CadreEvaluation

RESTS_ON = ("outcome",)  # with terms of due date and target: what a council's task score rests on


def review(root: Path, base: str, head: str | None = None, today: dt.date | None = None, scoped: bool = True) -> Review:
    """With the registry unchanged, only the cadres the change touches are scored, from the files
    that name them (`score_cadres`), and only those files of the base revision are taken out of git;
    a change of the registry scores both revisions whole."""
    today = today or dt.date.today()
    base_commit = gitrev.resolve(root, base)
    head_commit = gitrev.resolve(root, head) if head else None
    with ExitStack() as stack:
        here = head_commit is None or gitrev.is_clean_head(root, head_commit)  # the work tree is the new revision
        new = root if here else stack.enter_context(gitrev.checkout(root, head_commit))  # type: ignore[arg-type]
        files = gitrev.changed_paths(root, base_commit, head_commit)
        before_files = stack.enter_context(gitrev.sparse_checkout(root, base_commit, files))
        diff = compare(files, revisions.documents(before_files, files), revisions.documents(new, files))
        cadres = {c.cadre for c in diff.changes} if scoped and not diff.registry_changed else None
        revision = read_revision(new, cadres)  # the new revision's files read once: councils, files to take out, scores
        diff = mark_councils(diff, revision.registry.repo)
        years = set(years_touched(diff.changes, today))
        if cadres is None:
            old = stack.enter_context(gitrev.checkout(root, base_commit))
        else:  # the files of the base revision that can bear on these cadres: the others are not read
            old = stack.enter_context(gitrev.sparse_checkout(root, base_commit, sorted({*files, *revision.bearing})))
        if diff.registry_changed:  # anyone's figure of any year may follow: every year of either revision
            years |= {y for side in (old, new) for a in check(side, today).repo.assignments
                      for y in range(a.period.start.year, min(a.period.end.year, today.year) + 1)}
        found, seen, complete = [], [], True
        for year in sorted(years):
            before, after = _score(old, year, today, cadres), _score(new, year, today, cadres, revision)
            found += impacts(diff, year, before, after, today)
            seen += [before, after]
            complete = complete and all(r is not None and r.complete for r in (before, after))
    repo = revision.registry.repo  # by name also the cadres and units of a change no year scores (a draft, a removed file)
    named = {c.cadre: repo.name(c.cadre) for c in diff.changes if c.cadre}
    placed = {c.cadre: repo.name(c.owner.unit) for c in diff.changes if c.cadre and c.owner.unit}
    return Review(base, head or "", diff, found, {**named, **names(*seen)}, complete, {**units(*seen), **placed})


def mark_councils(diff: Diff, new: Repository) -> Diff:
    """Each change of a task's outcome, due date or target that an unchanged council session of
    the new revision scored before it: the session is named on the change (its score is stale)."""
    sessions: dict[tuple[str, str], list[tuple[Document, CadreEvaluation]]] = {}
    for doc in new.evaluations:
        if doc.path in diff.changed_files:
            continue  # the council scored again in this very change
        for entry in doc.model.evaluations:
            if isinstance(entry, CadreEvaluation):
                sessions.setdefault((entry.cadre, entry.program or ""), []).append((doc, entry))

    def mark(c: Change) -> Change:
        if c.task is None or not (c.kind in RESTS_ON or (c.kind == "term" and c.field in ("due", "target"))):
            return c
        start, _sep, end = c.period.partition(" – ")
        for doc, entry in [*sessions.get((c.cadre, c.program), []), *sessions.get((c.cadre, ""), [])]:
            ev = doc.model
            if c.task in entry.tasks and ev.period.overlaps(dt.date.fromisoformat(start), dt.date.fromisoformat(end)):
                return replace(c, council=doc.path, council_date=ev.date)
        return c

    return Diff([mark(c) for c in diff.changes], diff.changed_files)


def _score(root: Path, year: int, today: dt.date, cadres: set[str] | None, revision: Revision | None = None) -> YearResult | None:
    """The year's results of one revision (of these cadres alone, when given; from `revision`, when
    it was read for them), or None when that revision cannot be scored."""
    try:
        return score(root, year, today=today) if cadres is None else score_cadres(root, year, cadres, today, revision=revision)
    except Fatal:
        return None

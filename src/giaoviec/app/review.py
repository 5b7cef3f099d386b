"""`diff BASE [HEAD]` as a function: what changed between two revisions, in the domain's words,
and what it does to points and tiers, for the cadres whose inputs changed."""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

from giaoviec.app.checking import Checked, Checking, check
from giaoviec.app.score import Revision, read_revision, score, score_cadres
from giaoviec.compute.left_out import confidential
from giaoviec.compute.review import Review, impacts, names, units
from giaoviec.compute.year import YearResult
from giaoviec.diagnostics import Diagnostic, Fatal
from giaoviec.domain.semdiff import Change, Diff, compare, years_touched
from giaoviec.load import gitrev, revisions
from giaoviec.load.documents import read_file
from giaoviec.load.source import Source
from giaoviec.model import Evaluation
from giaoviec.model.evaluation import CadreEvaluation
from giaoviec.model.public import Withholding
from giaoviec.model.values import Document, Repository

RESTS_ON = ("outcome",)  # with terms of due date and target: what a council's task score rests on


def review(root: Path, base: str, head: str | None = None, today: dt.date | None = None, scoped: bool = True,
           public: bool = False) -> Review:
    """With the registry unchanged, only the cadres the change touches are scored, from the files
    that name them (`score_cadres`), and only those files of the base revision are taken out of git;
    a change of the registry scores both revisions whole. `public`: both revisions read whole without
    their confidential items (model/public.py), as if they had been deleted by hand in each."""
    if public:
        return _public_review(root, base, head, today or dt.date.today())
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
        errors = _errors(new, files, seen[1::2])
    repo = revision.registry.repo  # by name also the cadres and units of a change no year scores (a draft, a removed file)
    named = {c.cadre: repo.name(c.cadre) for c in diff.changes if c.cadre}
    placed = {c.cadre: repo.name(c.owner.unit) for c in diff.changes if c.cadre and c.owner.unit}
    return Review(base, head or "", diff, found, {**named, **names(*seen)}, complete and not errors, {**units(*seen), **placed},
                  errors=errors)


def _errors(root: Path | None, files: list[str], results: list[YearResult | None], found: tuple[Diagnostic, ...] = ()) -> tuple[str, ...]:
    """The changed files with errors in the new revision: each read alone (`root`), and as the
    scoring of the new revision checked them with the rest (`results`, `found`)."""
    out = {d.path for r in results if r is not None for d in r.diagnostics if d.is_error and d.path in files}
    out |= {d.path for d in found if d.is_error and d.path in files}
    if root is not None:
        out |= {rel for rel in files if (root / rel).is_file() and any(d.is_error for d in read_file(root, rel)[1])}
    return tuple(sorted(out))


def _public_review(root: Path, base: str, head: str | None, today: dt.date) -> Review:
    """The review of the public repositories: each revision read whole, its confidential items taken
    out as its files are read; a file whose published documents are the same in both is no change."""
    base_commit = gitrev.resolve(root, base)
    head_commit = gitrev.resolve(root, head) if head else None
    with ExitStack() as stack:
        here = head_commit is None or gitrev.is_clean_head(root, head_commit)
        new = root if here else stack.enter_context(gitrev.checkout(root, head_commit))  # type: ignore[arg-type]
        old = stack.enter_context(gitrev.checkout(root, base_commit))
        files = gitrev.changed_paths(root, base_commit, head_commit)
        sides = [Checking(side, today, Source(public=True), wording=False).finish() for side in (old, new)]
        before, after = (_published(side, files, checked) for side, checked in zip((old, new), sides, strict=True))
        changed = [rel for rel in files if _dumps(before, rel) != _dumps(after, rel)]
        diff = compare(changed, [d for d in before if d.path in changed], [d for d in after if d.path in changed])
        diff = mark_councils(diff, sides[1].repo)
        years = set(years_touched(diff.changes, today))
        if diff.registry_changed:
            years |= {y for checked in sides for a in checked.repo.assignments
                      for y in range(a.period.start.year, min(a.period.end.year, today.year) + 1)}
        found, seen, complete = [], [], True
        for year in sorted(years):
            results = [_public_score(side, year, today) for side in (old, new)]
            found += impacts(diff, year, results[0], results[1], today)
            seen += results
            complete = complete and all(r is not None and r.complete for r in results)
    errors = _errors(None, files, [], tuple(sides[1].diagnostics))
    withheld = confidential(sides[1].withheld, None, dt.date.min, dt.date.max, ("proposed", "appraised", "assigned", "closed"))
    return Review(base, head or "", diff, found, names(*seen), complete and not errors, units(*seen), withheld, errors)


def _published(root: Path, files: list[str], checked: Checked) -> list[Document]:
    """The documents of these files as the public pass read them (council entries and scores of what
    it took out, taken out too)."""
    withheld = checked.withheld
    assert withheld is not None
    out = []
    for doc in revisions.documents(root, files, Withholding()):
        if isinstance(doc.model, Evaluation):
            doc = withheld.evaluation(doc, checked.repo.by_cadre)
        out.append(doc)
    return out


def _dumps(docs: list[Document], rel: str) -> list[object]:
    return [(d.index, d.model.model_dump() if hasattr(d.model, "model_dump") else repr(d.model)) for d in docs if d.path == rel]


def _public_score(root: Path, year: int, today: dt.date) -> YearResult | None:
    try:
        return score(root, year, today=today, public=True)
    except Fatal:
        return None


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

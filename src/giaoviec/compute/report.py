"""Every figure and every word the report shows, computed once into one context (`Report`, with its
cadres' sections made one at a time: compute/reportsection.py): gathered from the YearResult (every
figure) and the Assignment documents of the unit (their words: tasks, products, notes, amendments),
in the reader's language. render/report.py (templates: Markdown, HTML) and render/docx.py only lay
this context out; they count nothing and decide nothing.

With `public`, the results were computed from the repository without its confidential files and
tasks (app: `public=True`, load/public.py), and the report says how many were left out
(`YearResult.withheld`); what is marked confidential in what it is given is still left out here.
Nothing here reads a file or computes a status: it arranges what the computation gave.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from giaoviec import formats
from giaoviec.checks.clarity import vocabulary
from giaoviec.compute import incomplete
from giaoviec.compute.phrases import finding_text
from giaoviec.compute.reportrows import TaskIndex
from giaoviec.compute.reportsection import section
from giaoviec.compute.reportview import CadreSection, Entry, Report, Sections
from giaoviec.compute.year import YearResult
from giaoviec.domain.org import descendants
from giaoviec.domain.scoring import AssignmentResult, Counts, TaskResult
from giaoviec.domain.status import BUCKET_ORDER, BUCKETS, DONE
from giaoviec.i18n import Gettext
from giaoviec.model import Assignment
from giaoviec.model.assignment import Task
from giaoviec.model.values import Repository
from giaoviec.words import BUCKET, TIER, TIER_LONG, percent, word

Models = Mapping[tuple[str, int], Assignment]  # (path, document index) → the document's model


@dataclass(frozen=True, slots=True)
class Facts:
    """What the report's summary reads of an Assignment besides its tasks' results. The models behind
    a report may be let go (a province too big to keep them, app/report.py), and then each is read
    again when asked for: the summary takes these facts, kept for every document as it streams by, and
    the words it quotes of overdue and undone tasks, kept as each document is judged (`late_words`):
    it reads no document again."""

    cadre: str
    program: str
    unit: str
    position: str
    confidential: bool
    hidden: frozenset[str]  # the ids of its confidential tasks
    proposals: tuple[str, ...]

    @staticmethod
    def of(m: Assignment) -> Facts:
        return Facts(m.cadre, m.program, m.unit, m.position or "", m.confidential, frozenset(t.id for t in m.tasks if t.confidential),
                     tuple(m.annual_report.proposals) if m.annual_report else ())


LATE = ("overdue", "not-done")  # the statuses of the tasks the summary quotes (what, due date)


def late_words(model: Assignment, results: Iterable[TaskResult]) -> dict[str, tuple[str, dt.date | None]]:
    """What the summary quotes of a document's overdue and undone tasks: each one's wording and due date."""
    late = {r.id for r in results if r.status in LATE}
    return {t.id: (t.what, _due(t)) for t in model.tasks if t.id in late}


def _due(t: Task) -> dt.date | None:
    return t.when.due if t.when else None


def _late_of(models: Models, key: tuple[str, int], ids: list[str]) -> dict[str, tuple[str, dt.date | None]]:
    """The wording and due date of these tasks: as kept when the document was judged (`late_of`), else
    from its model (read again, when the models were let go)."""
    kept = getattr(models, "late_of", None)
    got = kept(key) if kept is not None else None
    if got is not None and all(i in got for i in ids):
        return got
    tasks = {t.id: t for t in models[key].tasks}
    return {i: (tasks[i].what, _due(tasks[i])) for i in ids}


def facts_of(models: Models, key: tuple[str, int]) -> Facts:
    """A document's Facts: kept by the mapping when it keeps them (`facts_of`), else from its model."""
    kept = getattr(models, "facts_of", None)
    return kept(key) if kept is not None else Facts.of(models[key])


KEPT_SECTIONS_TASKS = 20_000  # a report of at most this many tasks keeps its sections once made


def build(result: YearResult, models: Models, unit: str, _: Gettext, lang: str, public: bool,
          generated: dt.date | None = None) -> Report:
    """The report's content. `generated`: the day it is made (today by default), not the as-of date.

    One pass gathers every figure of the summary; the cadres' sections are made later, one at a time,
    as the output reaches them (`Sections`)."""
    repo = result.repo
    hidden_files = hidden_tasks = shown_tasks = 0
    visible_all: list[TaskResult] = []
    by_unit: dict[str, list[TaskResult]] = {}
    quarters = [[0, 0] for _q in range(4)]
    overdue: list[tuple[str, str, str, str]] = []
    proposals: list[tuple[str, str]] = []
    tier_counts = dict.fromkeys(TIER, 0)
    contents: list[Entry] = []
    confidential = False
    shown: list[AssignmentResult] = []
    own = descendants(repo, unit)  # units reached only through succession are marked as former units
    checkpoints: dict[tuple[tuple[str, int], str], str] = {}
    late: dict[tuple[str, int], tuple[str, list[str]]] = {}
    earlier_units: dict[tuple[str, int], str] = {}  # an earlier post's file (a move) → its unit  # documents with a task overdue or not done → (name, task ids)
    for s in result.assignments:
        f = facts_of(models, s.key)
        if public and f.confidential:
            hidden_files += 1
            continue
        shown.append(s)
        hidden = {key: facts_of(models, key) for key in s.earlier_keys} if s.earlier else {}  # a move: the earlier posts' files
        visible = [ts for ts in s.tasks if not (public and _hidden(ts, f, hidden))]
        hidden_tasks += len(s.tasks) - len(visible)
        shown_tasks += len(visible)
        name = repo.name(f.cadre)
        contents.append(Entry(f"{f.cadre}-{f.program}", name, f.position, repo.name(f.unit), s.tier, word(TIER, s.tier, _)))
        confidential = confidential or (not public and (f.confidential or any(_hidden(ts, f, hidden) for ts in visible)))
        proposals += [(name, p) for p in f.proposals]
        tier_counts[s.tier] = tier_counts.get(s.tier, 0) + 1
        by_unit.setdefault(repo.name(_branch(repo, unit, f.unit)), []).extend(visible)
        visible_all += visible
        for ts in visible:
            if ts.status not in BUCKETS:
                continue
            done = ts.judgement.done_on
            for q in range(4):
                quarters[q][1] += 1
                if done and ts.status in DONE and done <= dt.date(result.year, 3 * q + 3, 30 if q in (1, 2) else 31):
                    quarters[q][0] += 1
            if ts.status in LATE:
                late.setdefault(ts.origin or s.key, (name, []))[1].append(ts.id)
                if ts.origin is not None:  # a move: an earlier post's task, named with its unit as the task table does
                    earlier_units[ts.origin] = repo.name(hidden[ts.origin].unit)
                if ts.judgement.checkpoint:  # a missed yearly checkpoint of a longer task: its checkpoint, not the term's due date
                    checkpoints[(ts.origin or s.key, ts.id)] = _("{date}, the year's checkpoint").format(date=formats.day(ts.judgement.due, lang))
    for key, (name, ids) in late.items():  # their wording and due date, kept as they were judged
        words = _late_of(models, key, ids)
        label = f" ({earlier_units[key]})" if key in earlier_units else ""
        overdue += [(name, i + label, words[i][0], checkpoints.get((key, i)) or formats.day(due, lang)) for i in ids if (due := words[i][1]) is not None]

    vocab = vocabulary(repo.config)  # the wording analyser's, read for the tasks shown as their section is made

    def sections() -> Iterator[CadreSection]:
        for s in shown:
            model = models[s.key]
            tasks: TaskIndex = {(None, t.id): t for t in model.tasks}
            for key in s.earlier_keys:  # a move: the earlier posts' tasks, pooled into the row
                tasks.update({(key, t.id): t for t in models[key].tasks})
            visible = [ts for ts in s.tasks if not (public and (tasks[(ts.origin, ts.id)].confidential
                                                                  or (ts.origin is not None and models[ts.origin].confidential)))]
            yield section(result, s, model, tasks, visible, _, lang, model.unit not in own, public, vocab)

    people = len({s.assignment.cadre for s in shown})
    unit_buckets = sorted((name, Counts.of(t.status for t in ts).buckets) for name, ts in by_unit.items())
    counts = Counts.of(ts.status for ts in visible_all)
    buckets = counts.buckets
    total = sum(buckets.values())
    return Report(
        lang=lang, organization=repo.config.organization, unit=repo.name(unit), unit_id=unit, year=result.year,
        as_of=formats.day(result.as_of, lang), generated=generated or dt.date.today(), profile=result.profile or "—",
        profile_title=_profile_title(result, shown, _),
        public=public, cadres=Sections(sections, len(shown), shown_tasks <= KEPT_SECTIONS_TASKS),
        buckets=[(_(BUCKET[b]), buckets[b], percent(buckets[b], total, lang)) for b in BUCKET_ORDER],
        tiers=[(t, word(TIER_LONG, t, _), n) for t, n in tier_counts.items() if n],
        tasks=total, quota=[w.localize(_).message for w in result.findings if w.code == "score.quota"],
        notes=[] if public else [finding_text(repo, w, _, lang) for w in result.findings if w.code != "score.quota"],
        overdue=overdue, hidden_files=result.withheld.assignments if result.withheld else hidden_files,
        hidden_tasks=result.withheld.tasks if result.withheld else hidden_tasks,
        by_unit=unit_buckets, by_unit_tasks=[sum(c.values()) for _name, c in unit_buckets],
        by_quarter=[(_("Q{n}").format(n=q + 1), quarters[q][0], quarters[q][1]) for q in range(4)],
        quarter_shares=[(_("Q{n}").format(n=q + 1), share, round(share)) for q in range(4)
                        for share in [(100 * quarters[q][0] / quarters[q][1]) if quarters[q][1] else 0]],
        tier_counts=tier_counts, incomplete=incomplete.lines(result.left_out, repo, _), proposals=proposals,
        contents=contents, confidential=confidential, people=people, ratings_note=_ratings_note(shown, people, _),
    )


def _ratings_note(shown: list[AssignmentResult], people: int, _: Gettext) -> str:
    """"11 ratings for 10 cadres: …" when a cadre has more than one (one per program), else nothing."""
    if len(shown) == people:
        return ""
    per: dict[str, int] = {}
    for s in shown:
        per[s.assignment.cadre] = per.get(s.assignment.cadre, 0) + 1
    return _("{rows} ratings for {cadres} cadres: {several} cadres have more than one (one per program).").format(
        rows=len(shown), cadres=people, several=sum(1 for n in per.values() if n > 1))


def _profile_title(result: YearResult, shown: list[AssignmentResult], _: Gettext) -> str:
    """The scoring rules the report's rows were scored with, as a reader names them: each one's title
    ("Quy định 124-QĐ/TW …"), in the order of the rows; with no row, the rules in force on 31/12."""
    titles = list(dict.fromkeys(s.profile.short_title for s in shown))
    if not titles:
        top = result.repo.profiles.get(result.profile or "")
        return top.short_title if top is not None else result.profile or "—"
    if len(titles) == 1:
        return titles[0]
    return _("{first} and {last}").format(first=", ".join(titles[:-1]), last=titles[-1])


def _branch(repo: Repository, top: str, unit: str) -> str:
    """The sub-unit of `top` (a direct child) that `unit` lies under; `unit` itself otherwise
    (the report's own unit, or a former unit reached through succession)."""
    chain: list[str] = []
    current: str | None = unit
    while current is not None and current not in chain:
        chain.append(current)
        if current == top:
            return chain[-2] if len(chain) > 1 else unit
        entry = repo.units.get(current)
        current = entry.item.parent if entry else None
    return unit



def _hidden(ts: TaskResult, own: Facts, earlier: Mapping[tuple[str, int], Facts]) -> bool:
    """A confidential task, or a task of a confidential file (the row's own, or an earlier post's)."""
    f = earlier[ts.origin] if ts.origin is not None else own
    return f.confidential or ts.id in f.hidden

"""The report: everything it shows gathered from the YearResult (every figure) and the Assignment
documents of the unit (their words: tasks, products, notes, amendments), in the reader's language,
then rendered once by the templates (Markdown, HTML) or the document writer (docx.py).

With `public`, the results were computed from the repository without its confidential files and
tasks (app: `public=True`, model/public.py), and the report says how many were left out
(`YearResult.withheld`); what is marked confidential in what it is given is still left out here.
Nothing here reads a file or computes a status: it arranges what the computation gave.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from markupsafe import Markup

from giaoviec import formats
from giaoviec.checks.clarity import unclear_what, vocabulary
from giaoviec.compute.year import YearResult
from giaoviec.domain.org import descendants
from giaoviec.domain.scoring import AssignmentResult, Council, Counts, TaskResult
from giaoviec.domain.status import BUCKET_ORDER, BUCKETS, DONE
from giaoviec.domain.unitnames import in_sentence
from giaoviec.i18n import Gettext, say
from giaoviec.model import Assignment
from giaoviec.model.assignment import Task
from giaoviec.model.profile import ScoringProfile
from giaoviec.model.values import Repository
from giaoviec.render import charts, incomplete
from giaoviec.render.escape import html as escape_html
from giaoviec.render.jinja import pieces
from giaoviec.render.reportrows import TaskIndex, row, shortcomings, strengths
from giaoviec.render.reportview import AmendmentRow, CadreSection, CouncilView, Entry, Report, Sections
from giaoviec.render.score import earlier_posts, finding_text
from giaoviec.words import BUCKET, COMPONENT, DISCIPLINE, PROGRAM, STATUS, TIER, TIER_LONG, fixed, measured, percent, word

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
            yield _section(result, s, model, tasks, visible, _, lang, model.unit not in own, public, vocab)

    people = len({s.assignment.cadre for s in shown})
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
        by_unit=sorted((name, Counts.of(t.status for t in ts).buckets) for name, ts in by_unit.items()),
        by_quarter=[(_("Q{n}").format(n=q + 1), quarters[q][0], quarters[q][1]) for q in range(4)],
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


def _section(result: YearResult, s: AssignmentResult, m: Assignment, tasks: TaskIndex, visible: list[TaskResult],
             _: Gettext, lang: str, former: bool, public: bool, words: tuple[tuple[str, ...], tuple[str, ...]]) -> CadreSection:
    repo = result.repo
    unclear = {(ts.origin, ts.id): p for ts in visible
               if (p := unclear_what(tasks[(ts.origin, ts.id)], m.period.start.year, words)) is not None}
    rows = [row(repo, tasks[(ts.origin, ts.id)], ts, m, result.as_of, _, lang, unclear.get((ts.origin, ts.id))) for ts in visible]
    units = {p.key: repo.name(p.head.unit) for p in s.earlier}
    if s.earlier:  # a move: each earlier post's task named with its unit
        rows = [replace(r, id=f"{r.id} ({units[ts.origin]})") if ts.origin else r for r, ts in zip(rows, visible, strict=True)]
    shown = {ts.id for ts in visible}
    timeline = sorted(
        ((p.date, ts.id, measured(p.value, lang), p.note or "") for ts in visible for p in tasks[(ts.origin, ts.id)].progress if p.date <= result.as_of),
        key=lambda x: (x[0], x[1]),
    )
    unit_note = ""
    if former:
        unit_note = _("former unit, now {successor}").format(successor=", ".join(in_sentence(repo.name(u)) for u in _successors(repo, m.unit)))
    if s.earlier:
        earlier = _("earlier: {posts}").format(posts=earlier_posts(s, result, _))
        unit_note = f"{unit_note}; {earlier}" if unit_note else earlier
    basis = ""
    if m.basis:
        basis = _("Decision {number} of {date}").format(number=m.basis.number, date=formats.day(m.basis.date, lang))
        if m.basis.issued_by:
            basis += f" — {repo.name(m.basis.issued_by)}"
    counts = Counts.of(ts.status for ts in visible)
    hidden = len(s.tasks) - len(visible)
    points = fixed(s.points if s.points is not None else s.provisional_points, 2, lang) + ("" if s.points is not None else " " + _("(provisional)"))
    if public and hidden:  # the total would let a reader work out the hidden tasks' weight and score
        points = _("not published (the points include {n} confidential tasks)").format(n=hidden)
    points_note = "" if s.profile.ranks_by_points else _("under {profile} the points do not decide the tier: its conditions do").format(
        profile=s.profile.short_title)
    amendments = [
        AmendmentRow(formats.day(a.date, lang), a.decision, ", ".join(t for t in a.tasks if t in shown or not a.tasks), a.note or "")
        for a in m.amendments if a.date <= result.as_of and (not a.tasks or any(t in shown for t in a.tasks))
    ]
    return CadreSection(
        anchor=f"{m.cadre}-{m.program}", name=repo.name(m.cadre), position=m.position or "", unit=repo.name(m.unit),
        unit_note=unit_note, program=word(PROGRAM, m.program, _), period=formats.span(m.period.start, m.period.end, lang),
        basis=basis, monitor=repo.name(m.monitor) if m.monitor else "", profile=f"{s.profile.id}: {s.profile.title}",
        points=points, points_note=points_note,
        tier=s.tier, tier_name=word(TIER, s.tier, _), tier_long=word(TIER_LONG, s.tier, _), tier_reason=say(s.tier_reason, _),
        tasks=rows, council=_council(repo, s.council, s.profile, shown, _, lang) if s.council else None, amendments=amendments,
        timeline=[(formats.day(d, lang), t, v, n) for d, t, v, n in timeline],
        strengths=strengths(visible, tasks, _, lang, units), shortcomings=shortcomings(visible, tasks, _, lang, units),
        obstacles=list(m.annual_report.obstacles) if m.annual_report else [],
        proposals=list(m.annual_report.proposals) if m.annual_report else [],
        self_rating=word(TIER, m.self_rating, _) if m.self_rating else "", hidden_tasks=hidden,
        counts={k: counts[k] for k in STATUS},
        confidential=not public and (m.confidential or any(tasks[(ts.origin, ts.id)].confidential for ts in visible)),
        unclear=[r.id for r, ts in zip(rows, visible, strict=True) if (ts.origin, ts.id) in unclear],
    )


def _council(repo: Repository, c: Council, profile: ScoringProfile, shown: set[str], _: Gettext, lang: str) -> CouncilView:
    e = c.entry

    def points(component: str, value: float) -> str:  # a component the rules do not have is shown, marked not counted
        shown_value = formats.number(value, lang)
        if component in profile.components:
            return shown_value
        return shown_value + " (" + _("not counted under {profile}").format(profile=profile.short_title) + ")"

    name = repo.name(c.council) if c.council else _("the council")
    session = _("{council}, session of {date}").format(council=name, date=formats.day(c.date, lang))
    if c.minutes:
        session += ", " + _("minutes {number}").format(number=c.minutes)
    decided = ""
    if e.decided_tier:
        decided = _("The competent authority decided the tier '{tier}': {reason}").format(tier=word(TIER, e.decided_tier, _), reason=e.reason or "")
    return CouncilView(
        session=session, general=points("general", e.general) if e.general is not None else "",
        components=[(_capital(word(COMPONENT, name, _)), points(name, v)) for name, v in e.components.items()],
        scored=sum(1 for t in e.tasks if t in shown),
        notes=[(t, score.note) for t, score in e.tasks.items() if score.note and t in shown],
        decided=decided, discipline=word(DISCIPLINE, e.discipline, _) if e.discipline and e.discipline != "none" else "",
        stale=sorted(t for t in c.stale if t in shown),
    )


def _capital(text: str) -> str:
    """A label that starts a clause ("Đổi mới, sáng tạo: 8", beside "Tiêu chí chung: 18")."""
    return text[:1].upper() + text[1:]


def _hidden(ts: TaskResult, own: Facts, earlier: Mapping[tuple[str, int], Facts]) -> bool:
    """A confidential task, or a task of a confidential file (the row's own, or an earlier post's)."""
    f = earlier[ts.origin] if ts.origin is not None else own
    return f.confidential or ts.id in f.hidden


def _successors(repo: Repository, unit: str) -> list[str]:
    """The units that took over `unit`, following succession and then parents up to a unit that succeeded."""
    current: str | None = unit
    while current is not None:
        entry = repo.units.get(current)
        if entry is None:
            return []
        if entry.item.succeeded_by:
            return list(entry.item.succeeded_by)
        current = entry.item.parent
    return []


def texts(r: Report, _: Gettext) -> dict[str, str]:
    return {
        "title": _("Results of the assigned tasks, {year} — {unit}").format(year=r.year, unit=r.unit),
        "meta": _("As of {as_of} · scoring profile {profile} · prepared {generated}").format(
            as_of=r.as_of, profile=r.profile, generated=formats.day(r.generated, r.lang)),
        "public_note": _("Public version: {files} confidential assignments and {tasks} confidential tasks are left out.").format(
            files=r.hidden_files, tasks=r.hidden_tasks),
        "summary": _("Summary"), "cadres": _("Cadres"), "tasks": _("Tasks"), "tier": _("Tier"),
        "chart_units": _("Task status by unit"), "chart_tiers": _("Tiers"), "chart_quarters": _("Tasks completed by the end of each quarter"),
        "quota": _("Quota warnings"), "notes": _("Notes on the scoring"), "overdue": _("Overdue or not completed"), "due": _("due"), "contents": _("Cadres in this report"),
        "period": _("period"), "basis": _("Basis"), "monitor": _("Monitor"), "points": _("Points"), "self_rating": _("Self-rating"),
        "hidden_tasks": _("{n} confidential tasks are left out of this public version."),
        "unclear": _("Not clear on what (5 rõ), for the council to check first: tasks {ids}. Their points are counted as computed."),
        "what": _("Task (what)"), "who": _("Lead, support"), "when": _("When"), "result": _("Result, product"),
        "responsibility": _("Responsibility"), "target": _("Target"), "actual": _("Actual"), "status": _("Status"),
        "evidence": _("Evidence"), "timeline": _("Check-ins"), "date": _("Date"), "value": _("Value"), "note": _("Note"),
        "council": _("Council"), "council_score": _("Council's score"), "council_notes": _("The council's notes"),
        "general": _("General criteria"), "scored": _("tasks scored by the council"), "stale": _("Scores older than a later change"),
        "amendments": _("Amendments"), "decision": _("Decision"), "assessment": _("Strengths and shortcomings"),
        "draft_note": _("draft written from the task results, for the committee to complete"),
        "strengths": _("Strengths"), "shortcomings": _("Shortcomings"), "discipline": _("Discipline"),
        "head_report": _("The head's annual report"), "obstacles": _("Obstacles"), "proposals": _("Proposals"),
        "confidential": _("confidential"), "secret": _("CONFIDENTIAL"),
        "footer": _("Prepared with giaoviec from the assignment files; every figure can be explained with: giaoviec score {year} --explain").format(year=r.year),
    }


def markdown(r: Report, _: Gettext) -> str:
    return "".join(markdown_pieces(r, _))


def html(r: Report, _: Gettext) -> str:
    return "".join(html_pieces(r, _))


def markdown_pieces(r: Report, _: Gettext) -> Iterator[str]:
    return pieces("report.md.j2", r=r, t=texts(r, _), charts={})


def html_pieces(r: Report, _: Gettext) -> Iterator[str]:
    t = texts(r, _)
    chart_set = {
        "units": charts.stacked_bars(t["chart_units"], r.by_unit, [(b, _(BUCKET[b])) for b in BUCKET_ORDER]),
        "tiers": charts.columns(t["chart_tiers"], [(word(TIER, tier, _), n, tier, str(n)) for tier, n in r.tier_counts.items()]),
        "quarters": charts.columns(t["chart_quarters"], [
            (q, (100 * done / total) if total else 0, "", f"{round(100 * done / total) if total else 0}") for q, done, total in r.by_quarter
        ], "%"),
    }
    # the labels, escaped here once (the environment would escape each of them again in every task row)
    labels = {k: Markup(escape_html(v)) for k, v in t.items()}
    return pieces("report.html.j2", r=r, t=labels, charts=chart_set)


PIECES = {"md": markdown_pieces, "html": html_pieces}

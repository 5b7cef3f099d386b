"""A cadre's section of the report, every figure and word of it (`section`): the task rows
(compute/reportrows.py), the points and the tier, the council's scores (`council`), the amendments,
the check-ins and the drafts of strengths and shortcomings. compute/report.py makes them one at a
time as the output reaches them."""

from __future__ import annotations

from dataclasses import replace

from giaoviec import formats
from giaoviec.checks.clarity import unclear_what
from giaoviec.compute.phrases import earlier_posts
from giaoviec.compute.reportrows import TaskIndex, row, shortcomings, strengths
from giaoviec.compute.reportview import AmendmentRow, CadreSection, CouncilView
from giaoviec.compute.year import YearResult
from giaoviec.domain.scoring import AssignmentResult, Council, Counts, TaskResult
from giaoviec.domain.unitnames import in_sentence
from giaoviec.i18n import Gettext, say
from giaoviec.model import Assignment
from giaoviec.model.profile import ScoringProfile
from giaoviec.model.values import Repository
from giaoviec.words import COMPONENT, DISCIPLINE, PROGRAM, STATUS, TIER, TIER_LONG, fixed, measured, word


def section(result: YearResult, s: AssignmentResult, m: Assignment, tasks: TaskIndex, visible: list[TaskResult],
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
        tasks=rows, council=council(repo, s.council, s.profile, shown, _, lang) if s.council else None, amendments=amendments,
        timeline=[(formats.day(d, lang), t, v, n) for d, t, v, n in timeline],
        strengths=strengths(visible, tasks, _, lang, units), shortcomings=shortcomings(visible, tasks, _, lang, units),
        obstacles=list(m.annual_report.obstacles) if m.annual_report else [],
        proposals=list(m.annual_report.proposals) if m.annual_report else [],
        self_rating=word(TIER, m.self_rating, _) if m.self_rating else "", hidden_tasks=hidden,
        counts={k: counts[k] for k in STATUS},
        confidential=not public and (m.confidential or any(tasks[(ts.origin, ts.id)].confidential for ts in visible)),
        unclear=[r.id for r, ts in zip(rows, visible, strict=True) if (ts.origin, ts.id) in unclear],
    )


def council(repo: Repository, c: Council, profile: ScoringProfile, shown: set[str], _: Gettext, lang: str) -> CouncilView:
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

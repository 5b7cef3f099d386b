"""The report's context, frozen plain values: the summary (`Report`), the cadres' sections
(`CadreSection`, made one at a time by `Sections`), their task rows, council scores and amendments.
compute/report.py makes them, every figure and word in them; render/report.py (the templates) and
render/docx.py only lay them out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from giaoviec import formats
from giaoviec.domain.unitnames import in_sentence


@dataclass(frozen=True)
class TaskRow:
    id: str
    what: str
    lead: str  # the lead when it is not the cadre the assignment is for ("" otherwise: named once, in the heading)
    support: str
    due: str
    start: str
    result: str
    accountable: str  # when it is not the cadre
    authority: str
    target: str
    actual: str
    status: str
    status_name: str
    points: str
    council: str  # the council's score of the task, "" when it has none
    council_note: str
    evidence: list[str]
    note: str
    confidential: bool

    @property
    def who(self) -> str:
        return ", ".join(x for x in (self.lead, self.support) if x)

    @property
    def when(self) -> str:
        return f"{self.start} → {self.due}"

    @property
    def responsibility(self) -> str:
        return ", ".join(x for x in (self.accountable, self.authority) if x)


@dataclass(frozen=True)
class CouncilView:
    session: str  # "Hội đồng … , phiên ngày 28/12/2022, biên bản số …"
    general: str  # the general-criteria points, "" when none
    components: list[tuple[str, str]]  # other components: name, points
    scored: int  # how many tasks the council scored
    notes: list[tuple[str, str]]  # task, note
    decided: str  # "the competent authority decided: …", "" when it did not
    discipline: str
    stale: list[str]  # tasks whose score is older than a later change


@dataclass(frozen=True)
class AmendmentRow:
    date: str
    decision: str
    tasks: str
    note: str


@dataclass(frozen=True)
class CadreSection:
    anchor: str
    name: str
    position: str
    unit: str
    unit_note: str
    program: str  # the program's name in the reader's language
    period: str
    basis: str
    monitor: str
    profile: str
    points: str
    points_note: str  # "under QĐ 124 the points do not decide the tier", "" when they do
    tier: str
    tier_name: str
    tier_long: str
    tier_reason: str
    tasks: list[TaskRow]
    council: CouncilView | None
    amendments: list[AmendmentRow]
    timeline: list[tuple[str, str, str, str]]  # date, task, value, note
    strengths: list[str]
    shortcomings: list[str]
    obstacles: list[str]
    proposals: list[str]
    self_rating: str
    hidden_tasks: int
    counts: dict[str, int]
    confidential: bool  # the section shows confidential content (the internal version)
    unclear: list[str] = field(default_factory=list)  # the tasks the wording analyser finds not clear on what (clarity.what)

    @property
    def held(self) -> str:
        """The position and the unit, as a sentence goes on after the name ("Bí thư Đảng ủy xã, xã Nguyệt
        Đức"): the unit's kind word lower-case after the position; the unit alone when there is none."""
        return f"{self.position}, {in_sentence(self.unit)}" if self.position else self.unit


@dataclass(frozen=True)
class Entry:
    """A section as the table of contents shows it."""

    anchor: str
    name: str
    position: str
    unit: str
    tier: str
    tier_name: str

    @property
    def held(self) -> str:
        """The position and the unit, as a sentence goes on after the name ("Bí thư Đảng ủy xã, xã Nguyệt
        Đức"): the unit's kind word lower-case after the position; the unit alone when there is none."""
        return f"{self.position}, {in_sentence(self.unit)}" if self.position else self.unit


class Sections:
    """The cadres' sections, made one at a time each time they are read (a province's would not fit in
    memory at once); kept after the first reading when the report is small (`keep`)."""

    def __init__(self, make: Callable[[], Iterator[CadreSection]], count: int, keep: bool):
        self._make, self._count, self._keep = make, count, keep
        self._kept: list[CadreSection] | None = None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[CadreSection]:
        if self._kept is not None:
            return iter(self._kept)
        if self._keep:
            self._kept = list(self._make())
            return iter(self._kept)
        return self._make()

    def __bool__(self) -> bool:
        return self._count > 0


@dataclass(frozen=True)
class Report:
    lang: str
    organization: str
    unit: str
    unit_id: str
    year: int
    as_of: str
    generated: dt.date
    profile: str
    profile_title: str
    public: bool
    cadres: Sections  # built one at a time as a template reaches them
    buckets: list[tuple[str, int, str]]  # name, n, percent
    tiers: list[tuple[str, str, int]]  # tier, name, n
    tasks: int
    quota: list[str]
    notes: list[str]  # what the scoring warns of besides quotas (a council's component the rules do not have)
    overdue: list[tuple[str, str, str, str]]  # cadre, task, what, due
    hidden_files: int
    hidden_tasks: int
    by_unit: list[tuple[str, dict[str, int]]] = field(default_factory=list)  # sub-unit → bucket counts
    by_unit_tasks: list[int] = field(default_factory=list)  # each sub-unit's tasks counted in its buckets (by_unit's order)
    by_quarter: list[tuple[str, int, int]] = field(default_factory=list)  # quarter, finished, total
    quarter_shares: list[tuple[str, float, int]] = field(default_factory=list)  # quarter, % finished, that % rounded (the chart)
    tier_counts: dict[str, int] = field(default_factory=dict)
    incomplete: list[str] = field(default_factory=list)  # what the results leave out: heading, then one line each
    proposals: list[tuple[str, str]] = field(default_factory=list)  # cadre, proposal (from the heads' annual reports)
    contents: list[Entry] = field(default_factory=list)  # the sections, as a table of contents lists them
    confidential: bool = False  # the report holds confidential content (then a document carries the MẬT mark)
    people: int = 0  # the cadres shown, counted once each (a cadre with two programs has two sections)
    ratings_note: str = ""  # said when the tiers add up to more ratings than people (two programs)

    def day(self, value: dt.date | None) -> str:
        return formats.day(value, self.lang)

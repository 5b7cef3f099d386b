"""The clarity rules: "5 rõ" (who, what, when, result, responsibility) and "6 rõ" (authority)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from giaoviec.checks import wording
from giaoviec.checks.context import Context
from giaoviec.checks.suggest import countables
from giaoviec.diagnostics import N_, Diagnostic, finding, warning
from giaoviec.i18n import Phrase, phrase
from giaoviec.model import Assignment, Task
from giaoviec.model.config import Config
from giaoviec.model.values import Document

SCORED = ("assigned", "closed")


def vocabulary(config: Config) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The standing-duty phrases and generic product kinds in force: the built-in lists plus the
    repository's own, or only the repository's own where its config says it replaces them."""
    phrases = tuple(wording.norm(p) for p in config.vague_phrases or ())
    generic = tuple(wording.norm(p) for p in config.generic_products or ())
    return (
        phrases if config.vague_phrases_replace else wording.VAGUE_PHRASES + phrases,
        generic if config.generic_products_replace else wording.GENERIC_PRODUCTS + generic,
    )


def assignment_clarity(ctx: Context, doc: Document) -> list[Diagnostic]:
    config = ctx.repo.config
    words = vocabulary(config)
    out: list[Diagnostic] = []
    m: Assignment = doc.model
    if m.status in SCORED:
        if not m.monitor:
            out.append(finding(
                doc.path, doc.where("monitor"), "clarity.responsibility",
                N_("The assignment has no monitor (đầu mối theo dõi)."),
                hint=N_("Add 'monitor:' with the unit or cadre that follows up this assignment."),
            ))
        if not m.basis:
            out.append(finding(
                doc.path, doc.where("basis"), "clarity.responsibility",
                N_("The assignment has no basis (the assigning decision)."),
                hint=N_("Add 'basis:' with the decision's number, date and issuing body."),
            ))
    for i, task in enumerate(m.tasks):
        out += _task(ctx, doc, i, task, words, config.clarity == "6ro")
    return out


def _task(ctx: Context, doc: Document, i: int, task: Task, words: tuple[tuple[str, ...], tuple[str, ...]], six: bool) -> list[Diagnostic]:
    m: Assignment = doc.model
    base = ("tasks", i)
    out: list[Diagnostic] = []

    def err(code: str, loc: tuple, message: str, hint: str | None = None, **args: Any) -> None:
        out.append(finding(doc.path, doc.where(*base, *loc), code, message, hint=hint, task=task.id, **args))

    # rõ người
    lead = task.who.lead if task.who else None
    if isinstance(lead, tuple) and len(lead) != 1:
        err("clarity.who", ("who", "lead"), N_("Task {task} is not clear on who: it names {n} leads."),
            N_("One task, one lead (một việc một đầu mối): name one cadre as lead and the others under support."), n=len(lead))
    elif isinstance(lead, str) and lead in ctx.repo.units:
        err("clarity.who", ("who", "lead"), N_("Task {task} is not clear on who: the lead '{lead}' is a unit, not a cadre."),
            N_("Name the cadre who leads; put the unit under support."), lead=lead)
    # rõ việc
    measure = task.result.measure if task.result else None
    product = task.result.product if task.result else None
    due = task.when.due if task.when else None
    if ctx.wording:
        out += _wording(doc, base, task, due, m.period.start.year, words)
    # rõ thời gian
    if due is None:
        err("clarity.when", ("when", "due"), N_("Task {task} is not clear on when: it has no due date."),
            N_("Add 'when: {{due: YYYY-MM-DD}}'."))
    else:
        assert task.when is not None  # a due date lives in `when`
        start = task.when.start or m.period.start
        have = {cp.by.year for cp in task.when.checkpoints}
        last = min(due, m.period.end).year  # a due past the period is date.outside-period's business
        missing = [y for y in range(start.year, last) if y not in have]
        if missing:
            err("clarity.when", ("when", "checkpoints") if task.when.checkpoints else ("when",),
                N_("Task {task} runs over several years but has no checkpoint in {years}."),
                N_("A multi-year task needs at least one checkpoint per year: 'checkpoints: [{{by: YYYY-12-31, expect: …, target: …}}]'."),
                years=", ".join(map(str, missing)))
        last_of_year: dict[int, int] = {}  # the checkpoint a year is judged on: the last one of the year
        for j, cp in enumerate(task.when.checkpoints):
            if cp.by.year < due.year and (cp.by.year not in last_of_year or cp.by >= task.when.checkpoints[last_of_year[cp.by.year]].by):
                last_of_year[cp.by.year] = j
        for j in sorted(last_of_year.values()):
            cp = task.when.checkpoints[j]
            if cp.target is None:
                out.append(warning(doc.path, doc.where(*base, "when", "checkpoints", j), "clarity.checkpoint",
                                   N_("Task {task}: the checkpoint {by} has no numeric target, so the year is judged met only if the task is finished by then."),
                                   hint=N_("Give the checkpoint a 'target' (the value expected by that date, on the task's measure), or end the task that year."),
                                   task=task.id, by=cp.by))
    # rõ kết quả
    if not product:
        err("clarity.result", ("result", "product"), N_("Task {task} is not clear on the result: it names no product."),
            N_("Add 'result: {{product: …}}': the document, work or figure that proves the task is done."))
    if measure is not None:
        lacking = [name for name in ("indicator", "unit", "target") if getattr(measure, name) is None]
        if lacking:
            err("clarity.result", ("result", "measure", lacking[0]),
                N_("Task {task} has a measure without {fields}."), N_("A measure needs an indicator, a unit and a target."),
                fields=", ".join(lacking))
    # rõ trách nhiệm, rõ thẩm quyền
    resp = task.responsibility
    if not (resp and resp.accountable):
        err("clarity.responsibility", ("responsibility", "accountable"),
            N_("Task {task} is not clear on responsibility: no accountable cadre."),
            N_("Add 'responsibility: {{accountable: <cadre id>}}'."))
    if six and not (resp and resp.authority):
        err("clarity.authority", ("responsibility", "authority"),
            N_("Task {task} is not clear on authority (6 rõ): no authority named."),
            N_("Add 'responsibility: {{authority: <unit or cadre id>}}': who has the power to decide on it."))
    return out


def _why(r: wording.Reading, phrases: tuple[str, ...]) -> tuple[Phrase, ...]:
    """Why a vague task's result is not a named one: the part of a named result `what` lacks, its
    product, the numbers that are not quantities."""
    numbers = ", ".join(dict.fromkeys(r.not_quantities))
    why: list[Phrase] = _missing(r)
    if r.generic_product:
        why.append(phrase(N_("The product '{product}' is only the name of a kind of document."), product=_short(r.generic_product)))
    elif r.unnamed_product and wording.norm(r.unnamed_product).startswith(phrases):
        why.append(phrase(N_("The product '{product}' is written in the words of a standing duty: it names nothing that can be shown."),
                          product=_short(r.unnamed_product)))
    elif r.unnamed_product:
        why.append(phrase(N_("The product '{product}' is not a document, a work or a status that can be shown."),
                          product=_short(r.unnamed_product)))
    if numbers:
        why.append(phrase(N_("The numbers in it ({numbers}) are document numbers or dates, not quantities."), numbers=numbers))
    return tuple(why)


def unclear_what(task: Task, year: int, words: tuple[tuple[str, ...], tuple[str, ...]]) -> Phrase | None:
    """The wording analyser's verdict on one task, as an output shows it beside the task (score
    --explain, the report): None when the task is clear; otherwise what clarity.what says, without the
    task's own words (the output shows them). The same reading as validate's, for one task at a time."""
    product = task.result.product if task.result else None
    measure = task.result.measure if task.result else None
    if measure is not None and measure.target is not None:
        return None  # a target is a quantity: clear (wording.judge would say so after reading the words)
    v = wording.judge(task.what, product, target=None, unit=None, due=None, year=year, phrases=words[0], generic=words[1])
    if not v.vague or v.reading is None:
        return None
    why = _why(v.reading, words[0])
    return (phrase(N_("not clear on what (5 rõ): it states no quantity and no named result. {why}"), why=why) if why
            else phrase(N_("not clear on what (5 rõ): it states no quantity and no named result.")))


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 3] + "…"


def _missing(r: wording.Reading) -> list[Phrase]:
    """The part of a named result that `what` has not: the subject of its document, the name of
    its event, the one named thing its end state is said of, or any end state of the place it names."""
    s = r.what
    if s.missing == "subject":
        return [phrase(N_("The {kind} it names does not say what it is about or who issues it."), kind=s.head)]
    if s.missing == "name":
        return [phrase(N_("The {kind} it names has no name."), kind=s.head)]
    if s.missing == "one thing":
        return [phrase(N_("'{state}' is said of no one named place, body or work."), state=s.head)]
    if s.missing == "result":
        return [phrase(N_("It carries out a {kind} that exists but does not say what doing so will produce."), kind=s.head)]
    if s.missing == "state":
        return [phrase(N_("It names a place or body but no state that it will reach."))]
    if r.vague_words:
        return [phrase(N_("It is written in the words of a standing duty ({words})."), words=", ".join(r.vague_words[:3]))]
    return []


def _wording(doc: Document, base: tuple, task: Task, due: dt.date | None, year: int,
             words: tuple[tuple[str, ...], tuple[str, ...]]) -> list[Diagnostic]:
    """Rõ việc, read from the text (spec/clarity.md): clarity.what and clarity.mismatch."""
    measure = task.result.measure if task.result else None
    product = task.result.product if task.result else None
    target = measure.target if measure is not None else None
    unit = measure.unit if measure is not None else None
    baseline = measure.baseline if measure is not None else None
    v = wording.judge(task.what, product, target=target, unit=unit, due=due, year=year, phrases=words[0], generic=words[1],
                      baseline=baseline, indicator=measure.indicator if measure is not None else None)
    if not (v.vague or v.quantity or v.deadline):
        return []
    where = doc.where(*base, "what")
    out: list[Diagnostic] = []
    if v.vague and v.reading is not None:
        r = v.reading
        why = _why(r, words[0])
        message = (N_("Task {task} is not clear on what: '{what}' states no quantity and no named result. {why}") if why
                   else N_("Task {task} is not clear on what: '{what}' states no quantity and no named result."))
        out.append(warning(
            doc.path, where, "clarity.what", message,
            hint=N_("Say what will be counted or will exist when '{object}' is done: {countables}; "
                    "or name the result: which document or work, about what, issued by whom."),
            task=task.id, what=_short(task.what), why=why, object=_short(r.object, 50), countables=countables(r.object),
        ))
    if v.quantity is not None and measure is not None:
        out.append(warning(
            doc.path, where, "clarity.mismatch",
            N_("Task {task}: the wording says '{said}' but the measure's target is {target} {unit}."),
            hint=N_("Make the wording and the measure say the same figure in the same unit."),
            task=task.id, said=v.quantity.text, target=f"{target:g}", unit=measure.unit,
        ))
    if v.deadline is not None and due is not None:
        out.append(warning(
            doc.path, where, "clarity.mismatch",
            N_("Task {task}: the wording says '{said}' but the due date is {due}."),
            hint=N_("Set 'when.due' between {first} and {last}, or correct the wording."),
            task=task.id, said=v.deadline.text, due=due, first=v.deadline.first,
            last=v.deadline.last,
        ))
    return out

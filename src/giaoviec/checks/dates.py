"""Dates: order, inside the period, not in the future; positions held and units valid."""

from __future__ import annotations

import datetime as dt

from giaoviec.checks.context import Context
from giaoviec.diagnostics import N_, Diagnostic, finding, warning
from giaoviec.model import Assignment, Cadres, Units
from giaoviec.model.values import Document

ORDER = N_("{later_name} ({later}) is before {earlier_name} ({earlier}).")
OUTSIDE = N_("{name} {day} is outside the period {start} – {end}.")
FUTURE = N_("{name} {day} is in the future (today is {today}).")
AFTER = N_("{name} {day} is after the end of the period ({end}): it does not count in any year's results of this assignment.")
AFTER_HINT = N_("Record what happened after {end} in the assignment of the next period; if the date is wrong, correct it.")


def check_registry_dates(ctx: Context) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for doc in ctx.repo.documents:
        m = doc.model
        if isinstance(m, Units):
            for i, u in enumerate(m.units):
                if u is None:
                    continue
                if u.valid_from and u.valid_to and u.valid_to < u.valid_from:
                    out.append(_order(doc, ("units", i, "valid_to"), "valid_to", u.valid_to, "valid_from", u.valid_from))
        elif isinstance(m, Cadres):
            for i, c in enumerate(m.cadres):
                if c is None:
                    continue
                for j, p in enumerate(c.positions):
                    if p.start and p.end and p.end < p.start:
                        out.append(_order(doc, ("cadres", i, "positions", j, "to"), "to", p.end, "from", p.start))
    return out


def assignment_dates(ctx: Context, doc: Document) -> list[Diagnostic]:
    m: Assignment = doc.model
    period = m.period
    out: list[Diagnostic] = []
    if period.end < period.start:
        return [_order(doc, ("period", "to"), "period.to", period.end, "period.from", period.start)]

    def outside(loc: tuple, name: str, day: dt.date) -> None:
        if not period.contains(day):
            out.append(warning(
                doc.path, doc.where(*loc), "date.outside-period", OUTSIDE,
                name=name, day=day, start=period.start, end=period.end,
            ))

    def future(loc: tuple, name: str, day: dt.date) -> bool:
        if day > ctx.today:
            out.append(finding(
                doc.path, doc.where(*loc), "date.future", FUTURE,
                hint=N_("Progress and outcomes record what has happened: date them on or before today."),
                name=name, day=day, today=ctx.today,
            ))
            return True
        return False

    def after(loc: tuple, name: str, day: dt.date) -> bool:
        """An outcome or check-in after the period: scoring never counts it (every output as of ≤ period end)."""
        if day > period.end:
            out.append(warning(doc.path, doc.where(*loc), "date.after-period", AFTER, hint=AFTER_HINT,
                               name=name, day=day, end=period.end))
            return True
        return False

    for i, task in enumerate(m.tasks):
        base = ("tasks", i)
        when = task.when
        start = (when.start if when else None) or period.start
        if when:
            if when.start and when.due and when.start > when.due:
                out.append(_order(doc, (*base, "when", "start"), "when.start", when.start, "when.due", when.due, reverse=True))
            if when.start:
                outside((*base, "when", "start"), "when.start", when.start)
            if when.due:
                outside((*base, "when", "due"), "when.due", when.due)
            for j, cp in enumerate(when.checkpoints):
                outside((*base, "when", "checkpoints", j, "by"), "checkpoint", cp.by)
        for j, check_in in enumerate(task.progress):
            loc = (*base, "progress", j, "date")
            if not future(loc, "progress", check_in.date) and not after(loc, "progress", check_in.date):
                outside(loc, "progress", check_in.date)
        if task.outcome and task.outcome.done_on:
            done_at = (*base, "outcome", "done_on")
            done = task.outcome.done_on
            if done < start:
                out.append(_order(doc, done_at, "outcome.done_on", done, "when.start", start))
            if not future(done_at, "outcome.done_on", done):
                after(done_at, "outcome.done_on", done)
    return out


def _order(doc: Document, loc: tuple, later_name: str, later: dt.date, earlier_name: str, earlier: dt.date, reverse: bool = False) -> Diagnostic:
    if reverse:  # the field pointed at is the one that comes after in time
        return finding(
            doc.path, doc.where(*loc), "date.order", N_("{earlier_name} ({earlier}) is after {later_name} ({later})."),
            later_name=earlier_name, later=earlier, earlier_name=later_name, earlier=later,
        )
    return finding(
        doc.path, doc.where(*loc), "date.order", ORDER,
        later_name=later_name, later=later, earlier_name=earlier_name, earlier=earlier,
    )


def assignment_position(ctx: Context, doc: Document) -> list[Diagnostic]:
    """The cadre held a position in the unit during the period; the unit existed then."""
    out: list[Diagnostic] = []
    units, cadres = ctx.repo.units, ctx.repo.cadres
    m: Assignment = doc.model
    period = m.period
    if m.cadre in cadres and m.unit in units:
        held = [p for p in cadres[m.cadre].item.positions if p.unit == m.unit and period.overlaps(p.start or dt.date.min, p.end)]
        if not held:
            out.append(warning(
                doc.path, doc.where("unit"), "date.position-not-held",
                N_("{cadre} held no position in '{unit}' during the period {start} – {end}."),
                hint=N_("Add the position (with its dates) to the cadre in org/, or correct the unit."),
                cadre=cadres[m.cadre].item.name, unit=m.unit, start=period.start, end=period.end,
            ))
    if m.unit in units:
        unit = units[m.unit].item
        if not period.overlaps(unit.valid_from or dt.date.min, unit.valid_to):
            out.append(warning(
                doc.path, doc.where("unit"), "date.unit-not-valid",
                N_("Unit '{unit}' did not exist during the period {start} – {end} (valid {valid})."),
                unit=m.unit, start=period.start, end=period.end,
                valid=f"{unit.valid_from or '…'} – {unit.valid_to or '…'}",
            ))
    return out

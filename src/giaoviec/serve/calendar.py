"""Deadlines as an iCalendar (RFC 5545) file, written with the `icalendar` library: every open task's
due date and every yearly checkpoint, one all-day event each, with a stable UID (the file, the task
and the date), the 5 rõ in the description and a reminder a week before. Read from the same results
as the pages (an open task is one the year's results judge unfinished); `--public` rules apply, as
the results were computed without the confidential items."""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Alarm, Calendar, Event

from giaoviec import formats
from giaoviec.domain.status import DONE
from giaoviec.i18n import Gettext
from giaoviec.load.reader import FAST, Reader
from giaoviec.serve.site import Site, restricted

OPEN_STATUSES_EXCLUDED = set(DONE) | {"cancelled"}


def ics(site: Site, year: int | None, _: Gettext, unit: str | None = None, cadre: str | None = None) -> bytes:
    """The open tasks' dates of the year; without a year, of every year with an assignment, each file
    judged by the latest year that scores it (a task done since is no longer open)."""
    cal = Calendar()
    cal.add("prodid", "-//giaoviec//lich//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "giaoviec")
    seen: set[tuple[str, int]] = set()
    for y in [year] if year is not None else site.years():  # (newest first)
        got = site.year(y)
        result = restricted(got.result, unit, cadre)
        for s in result.assignments:
            if s.key in seen:
                continue
            seen.add(s.key)
            for event in _events(site, got.models[s.key], s, result.repo, _):
                cal.add_component(event)
    return cal.to_ical()


def _events(site: Site, model, s, repo, _: Gettext) -> list[Event]:
    tasks = {t.id: t for t in model.tasks}
    events = []
    for ts in s.tasks:
        task = tasks.get(ts.id)
        if ts.origin is not None or task is None or ts.status in OPEN_STATUSES_EXCLUDED or (site.options.public and task.confidential):
            continue  # (an earlier post's task: its own file's model has it)
        when = task.when
        dates: list[tuple[dt.date, str]] = []
        if when is not None and when.due is not None:
            dates.append((when.due, _("Due")))
        for cp in when.checkpoints if when is not None else ():
            dates.append((cp.by, _("Checkpoint") + (f": {cp.expect}" if cp.expect else "")))
        events += [_event(s.path, task, day, label, repo.name(model.cadre), _, repo.name, site.options.lang) for day, label in dates]
    return events


def _event(path: str, task, day: dt.date, label: str, cadre: str, _: Gettext, name, lang: str) -> Event:
    uid = hashlib.sha256(f"{path}#{task.id}@{day.isoformat()}".encode()).hexdigest()[:32]
    ev = Event()
    ev.add("uid", f"{uid}@giaoviec")
    ev.add("dtstamp", dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC))  # stable: from the data
    ev.add("dtstart", day)
    ev.add("dtend", day + dt.timedelta(days=1))
    ev.add("summary", f"{label} — {cadre}: {task.what}")
    ev.add("description", _description(task, cadre, f"{label} {formats.day(day, lang)}", _, name, lang))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"{label}: {task.what}")
    alarm.add("trigger", dt.timedelta(days=-7))
    ev.add_component(alarm)
    return ev


def _description(task, cadre: str, label: str, _: Gettext, name, lang: str) -> str:
    who = task.who
    leads = (who.lead if isinstance(who.lead, tuple) else (who.lead,)) if who is not None and who.lead else ()
    lead = ", ".join(name(x) for x in leads) or cadre
    result = task.result
    measure = result.measure if result is not None else None
    figure = formats.number(float(measure.target), lang) if measure is not None and measure.target is not None else ""
    target = " ".join(x for x in (measure.indicator or "", figure, measure.unit or "") if x) if measure else ""
    lines = [
        f"{_('What')}: {task.what}",
        f"{_('Who')}: {lead}",
        f"{_('When')}: {label}",
        f"{_('Result')}: {', '.join(x for x in ((result.product or '') if result else '', target) if x)}",
        f"{_('Responsibility')}: {name(task.responsibility.accountable) if task.responsibility and task.responsibility.accountable else ''}",
    ]
    return "\n".join(lines)


def export_ics(root, year: int | None, unit: str | None, cadre: str | None, lang: str, public: bool, reader: Reader = FAST) -> bytes:
    """`giaoviec export --format ics`: the same calendar as /lich.ics (every year's open tasks without a year)."""
    from giaoviec.i18n import translator
    from giaoviec.serve.site import Options

    site = Site(Options(root, lang, public, True, reader=reader))
    site.engine = None  # one run: the year's results as `report` computes them, nothing kept for a next request
    return ics(site, year, translator(lang), unit, cadre)

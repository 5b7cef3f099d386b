"""The Starlette application: the routes, each a page of pages.py, a form of writing.py, a calendar."""

from __future__ import annotations

import datetime as dt
import math
from importlib.resources import files

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from giaoviec.compute import incomplete
from giaoviec.diagnostics import Fatal
from giaoviec.i18n import say, translator
from giaoviec.serve import pages
from giaoviec.serve.guard import Guard, Tokens
from giaoviec.serve.site import Site, restricted
from giaoviec.serve.writing import Stale, commit, digest, task_place, write

OVERVIEW_DEPTH = 1  # the overview's tree: the top units and the units right below them


def create_app(site: Site, hosts: set[str]) -> Guard:
    _ = translator(site.options.lang)
    tokens = Tokens()
    __import__("filelock")  # the writers' lock (write/atomic.py), imported now rather than at the first check-in
    root = site.options.root

    def year_of(request: Request) -> int:
        raw = request.query_params.get("year") or request.path_params.get("year")
        return int(raw) if raw and raw.isdigit() and 1900 <= int(raw) <= 9999 else site.default_year()

    def page(template: str, year: int | None = None, status: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(pages.render(template, site, _, year, **context), status_code=status)

    def not_found() -> HTMLResponse:
        return page("missing", status=404)

    def overview(request: Request) -> Response:
        year = year_of(request)
        got = site.year(year)
        rows = pages.tree(site, year, _, depth=OVERVIEW_DEPTH)  # deeper: on each unit's page
        return page("overview", year, rows=rows, bucket_names=pages.bucket_names(_),
                    years=site.years(), problems=len(site.problems(year)), as_of=got.result.as_of.isoformat(),
                    incomplete=incomplete.lines(got.result.left_out, got.result.repo, _),
                    withheld=incomplete.public(got.result.withheld, _) if got.result.withheld is not None else [])

    def unit(request: Request) -> Response:
        year, uid = year_of(request), request.path_params["unit"]
        if uid not in site.year(year).result.repo.units:
            return not_found()
        shown = restricted(site.year(year).result, uid)
        links = {f"{s.assignment.cadre}-{s.assignment.program}": s.assignment.cadre for s in shown.assignments}
        rows = pages.tree(site, year, _, parent=uid)
        return page("unit", year, r=pages.unit_report(site, uid, year, _), uid=uid, links=links, rows=rows,
                    bucket_names=pages.bucket_names(_))

    def cadre(request: Request) -> Response:
        year, cid = year_of(request), request.path_params["cadre"]
        got = site.year(year)
        mine = [s for s in got.result.assignments if s.assignment.cadre == cid]
        if cid not in got.result.repo.cadres:
            return not_found()
        unit_id = mine[0].assignment.unit if mine else next(iter(got.result.repo.units), "")
        r = pages.unit_report(site, unit_id, year, _, cadre=cid)
        paths = {s.path for s in mine}
        clarity = [(d.path, d.line, d.localize(_).message) for d in site.problems(year) if d.path in paths and d.code.startswith("clarity.")]
        return page("cadre", year, r=r, name=got.result.repo.name(cid), cid=cid, clarity=clarity,
                    explained=pages.explained(site, year, cid, _),
                    links={f"{s.assignment.cadre}-{s.assignment.program}": {ts.id: pages.task_href(s.path, ts.id, year) for ts in s.tasks}
                           for s in mine})

    def task_context(request: Request, year: int, rel: str, task: str, status: int = 200, **extra) -> Response:
        got = site.year(year)
        found = [s for s in got.result.assignments if s.path == rel and any(ts.id == task for ts in s.tasks)]
        if not found or not (root / rel).is_file():
            return not_found()
        s = found[0]
        r = pages.unit_report(site, s.assignment.unit, year, _, cadre=s.assignment.cadre)
        rows = [(sec, row) for sec in r.cadres for row in sec.tasks if row.id == task and sec.program]
        if not rows:
            return not_found()
        sec, row = rows[0]
        clarity = [(d.line, d.localize(_).message) for d in site.problems(year) if d.path == rel and d.code.startswith("clarity.")]
        return page("task", year, sec=sec, row=row, rel=rel, task=task, cid=s.assignment.cadre, digest=digest(root / rel),
                    csrf=tokens.token, history=pages.history(root, rel), clarity=clarity,
                    today=site.today.isoformat(), status=status, **extra)

    def task(request: Request) -> Response:
        return task_context(request, year_of(request), request.query_params.get("file", ""), request.query_params.get("id", ""),
                            saved=request.query_params.get("saved") == "1")

    async def submit(request: Request) -> Response:
        if site.options.read_only:
            return PlainTextResponse("read-only", status_code=403)
        form = await request.form()
        if not tokens.valid(form.get("csrf")):
            return PlainTextResponse("CSRF token missing or wrong", status_code=403)
        return await run_in_threadpool(record, request, form)

    def record(request: Request, form) -> Response:
        year = year_of(request)
        rel, task_id = str(form.get("file", "")), str(form.get("id", ""))
        got = site.year(year)
        if not any(s.path == rel for s in got.result.assignments):  # only a file the results show: never outside the repository
            site.refresh()  # (the files looked at again only then: the write itself is checked against the form's digest)
            got = site.year(year)
            if not any(s.path == rel for s in got.result.assignments):
                return not_found()
        try:
            day = _date(form.get("date"))
            done_on = _date(form.get("done_on")) if form.get("kind") == "outcome" else None
            if form.get("kind") == "outcome" and done_on is None:
                raise ValueError(_("Completed on"))
            value = _number(form.get("value"))
        except ValueError as exc:
            return task_context(request, year, rel, task_id, error=str(exc), status=422)
        note = str(form.get("note") or "").strip() or None
        link = str(form.get("evidence") or "").strip()
        if done_on is not None:  # an outcome has no note, date or evidence of its own (as progress --done-on)
            day, note, link = None, None, ""
        try:
            write(root, rel, str(form.get("digest", "")), task_id, day, value, note, done_on, site.today, (link,) if link else ())
        except Stale:
            return task_context(request, year, rel, task_id, error=_("The file changed on disk since this form was shown; nothing was written. The page shows it as it is now: type the change again."), status=409)
        except Fatal as exc:
            place = task_place(root / rel, task_id)
            where = f"{rel}:{place[0]}:{place[1]}" if place else rel
            return task_context(request, year, rel, task_id, error=f"{where}: {say(exc.phrase, _)}", status=422)
        if site.options.commit:
            name = got.result.repo.name(next(s.assignment.cadre for s in got.result.assignments if s.path == rel))
            words = _("Outcome recorded: {task} — {cadre}") if done_on else _("Progress report: {task} — {cadre}")
            try:
                commit(root, rel, words.format(task=task_id, cadre=name))
            except Fatal as exc:
                return task_context(request, year, rel, task_id, error=say(exc.phrase, _), status=500)
        return RedirectResponse(pages.task_href(rel, task_id, year) + "&saved=1", status_code=303)

    def problems(request: Request) -> Response:
        year = year_of(request)
        return page("problems", year, groups=pages.problem_groups(site.problems(year), _))

    def due(request: Request) -> Response:
        follow = site.followup()
        return page("due", site.default_year(), groups=pages.due_groups(follow, _, site.options.lang),
                    as_of=follow.as_of.isoformat())

    def report(request: Request) -> Response:
        year, uid, fmt = year_of(request), request.path_params["unit"], request.path_params["fmt"]
        if uid not in site.year(year).result.repo.units or fmt not in ("html", "md"):
            return not_found()
        from giaoviec.render import report as report_render

        r = pages.unit_report(site, uid, year, _)
        body = "".join(report_render.PIECES[fmt](r, _))
        kind = "text/html" if fmt == "html" else "text/markdown"
        return Response(body, media_type=f"{kind}; charset=utf-8")

    def calendar(request: Request) -> Response:
        from giaoviec.serve.calendar import ics

        kind, ident = request.path_params.get("kind"), request.path_params.get("ident")
        year = year_of(request)
        repo = site.year(year).result.repo
        if kind is not None and ident not in (repo.units if kind == "unit" else repo.cadres):
            return not_found()
        body = ics(site, year, _, unit=ident if kind == "unit" else None, cadre=ident if kind == "cadre" else None)
        return Response(body, media_type="text/calendar; charset=utf-8")

    def style(request: Request) -> Response:
        return Response(files("giaoviec").joinpath("templates/report/serve/site.css").read_bytes(), media_type="text/css")

    def forbidden(request: Request) -> Response:
        return PlainTextResponse("read-only", status_code=403)

    def unit_ics(request: Request) -> Response:
        request.path_params["kind"] = "unit"
        return calendar(request)

    def cadre_ics(request: Request) -> Response:
        request.path_params["kind"] = "cadre"
        return calendar(request)

    def fresh(endpoint):
        """The files looked at once, when the request comes: what changed on disk shows now."""
        def looked(request: Request) -> Response:
            site.refresh()
            return endpoint(request)
        return looked

    routes = [
        Route("/", fresh(overview)), Route("/unit/{ident}.ics", fresh(unit_ics)), Route("/unit/{unit}/report.{fmt}", fresh(report)),
        Route("/unit/{unit}", fresh(unit)), Route("/cadre/{ident}.ics", fresh(cadre_ics)), Route("/cadre/{cadre}", fresh(cadre)),
        Route("/task", fresh(task)), Route("/task", submit if not site.options.read_only else forbidden, methods=["POST"]),
        Route("/problems", fresh(problems)), Route("/due", fresh(due)), Route("/lich.ics", fresh(calendar)), Route("/site.css", style),
    ]
    return Guard(Starlette(routes=routes), hosts)


def _date(raw: object) -> dt.date | None:
    text = str(raw or "").strip()
    return dt.date.fromisoformat(text) if text else None


def _number(raw: object) -> float | None:
    text = str(raw or "").strip().replace(",", ".")
    if not text:
        return None
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value

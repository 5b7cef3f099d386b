"""The Starlette application: the routes, each a page of pages.py, a form of writing.py, a calendar."""

from __future__ import annotations

from importlib.resources import files

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from giaoviec import formats
from giaoviec.characters import one_line
from giaoviec.compute import incomplete
from giaoviec.compute.year import YearResult
from giaoviec.diagnostics import N_, Fatal
from giaoviec.domain.scoring import AssignmentResult
from giaoviec.i18n import say, translator
from giaoviec.serve import pages
from giaoviec.serve.guard import Guard, Hosts, Tokens, styled_csp
from giaoviec.serve.site import Site, restricted
from giaoviec.serve.words import WORDS
from giaoviec.serve.writing import NOTE_LIMIT, Refused, Stale, commit, digest, form_date, form_number, form_text, task_place, write

NOT_FOUND = N_("Nothing at this address: the page does not exist (check the link, or start from the overview).")
NOT_ALLOWED = N_("This address does not take that kind of request.")
NO_UNIT = N_("No unit '{ident}' in the repository.")
NO_CADRE = N_("No cadre '{ident}' in the repository.")
NO_TASK = N_("No task '{task}' of {file} in the results of {year} (the file may have moved, or the task's id changed).")
BAD_TOKEN = N_("This form was shown by an earlier run of the server (or came from elsewhere); nothing was written. What you typed is below: save it again.")
NO_TOKEN = N_("The form's token is missing or wrong; nothing was written.")
READ_ONLY = N_("Read-only: no change can be made here.")
FOREIGN_HOST = N_("This server does not answer to that host name (start it with --allowed-host to add one).")
CROSS_ORIGIN = N_("A change sent from another site is refused; nothing was written.")
DOCUMENT = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf"}
OVERVIEW_DEPTH = 1  # the overview's tree: the top units and the units right below them


def create_app(site: Site, hosts: Hosts | set[str]) -> Guard:
    _ = translator(site.options.lang)
    tokens = Tokens()
    __import__("filelock")  # the writers' lock (write/atomic.py), imported now rather than at the first check-in
    root = site.options.root

    def year_of(request: Request) -> int:
        raw = request.query_params.get("year") or request.path_params.get("year")
        return int(raw) if raw and raw.isdigit() and 1900 <= int(raw) <= 9999 else site.default_year()

    def page(template: str, year: int | None = None, status: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(pages.render(template, site, _, year, **context), status_code=status)

    def not_found(message: str = "") -> HTMLResponse:
        return page("missing", status=404, code=404, message=message or _(NOT_FOUND))

    def refused(status: int, message: str) -> HTMLResponse:
        return page("missing", status=status, code=status, message=message)

    async def http_error(request: Request, exc: Exception) -> Response:
        """Starlette's own answers (no such route, a method not allowed) as pages in the reader's language."""
        code = getattr(exc, "status_code", 500)
        return refused(code, _(NOT_ALLOWED) if code == 405 else _(NOT_FOUND) if code == 404 else str(getattr(exc, "detail", "")))

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
            return not_found(_(NO_UNIT).format(ident=one_line(uid)))
        shown = restricted(site.year(year).result, uid)
        links = {f"{s.assignment.cadre}-{s.assignment.program}": s.assignment.cadre for s in shown.assignments}
        rows = pages.tree(site, year, _, parent=uid)
        return page("unit", year, r=pages.unit_report(site, uid, year, _), uid=uid, links=links, rows=rows,
                    not_local=pages.not_local(site, uid, year, _),
                    bucket_names=pages.bucket_names(_))

    def cadre(request: Request) -> Response:
        year, cid = year_of(request), request.path_params["cadre"]
        got = site.year(year)
        mine = [s for s in got.result.assignments if s.assignment.cadre == cid]
        if cid not in got.result.repo.cadres:
            return not_found(_(NO_CADRE).format(ident=one_line(cid)))
        # every assignment of the cadre in the year, whatever its unit: one report per unit, each section once
        units = list(dict.fromkeys(s.assignment.unit for s in mine)) or [next(iter(got.result.repo.units), "")]
        reports = [pages.unit_report(site, u, year, _, cadre=cid) for u in units]
        sections = list({sec.anchor: sec for r in reports for sec in r.cadres}.values())
        paths = {path for s in mine for path, _task, _label in task_files(got.result, s)}
        drafts = pages.drafts(got.result.repo, cid, year, paths, _, site.options.lang)  # proposed, appraised: not scored
        paths |= {d["path"] for d in drafts}
        clarity = [(d.path, d.line, d.localize(_).message) for d in site.problems(year) if d.path in paths and d.code.startswith("clarity.")]
        return page("cadre", year, r=reports[0], sections=sections, name=got.result.repo.name(cid), cid=cid, clarity=clarity, drafts=drafts,
                    explained=pages.explained(site, year, cid, _),
                    links={f"{s.assignment.cadre}-{s.assignment.program}": {label: pages.task_href(path, t, year)
                                                                           for path, t, label in task_files(got.result, s)}
                           for s in mine})

    def owner(year: int, rel: str, task: str | None = None) -> tuple[AssignmentResult, str] | None:
        """The scored row that holds the task of this file (its own file or an earlier post's), with
        the task's label on the pages; None: no such task in the results (nothing outside them is served)."""
        got = site.year(year)
        for s in got.result.assignments:
            for path, t, label in task_files(got.result, s):
                if path == rel and (task is None or t == task):
                    return s, label
        return None

    def task_context(request: Request, year: int, rel: str, task: str, status: int = 200, **extra) -> Response:
        found = owner(year, rel, task)
        if found is None or not (root / rel).is_file():
            return not_found(_(NO_TASK).format(task=one_line(task), file=one_line(rel), year=year))
        s, label = found
        r = pages.unit_report(site, s.assignment.unit, year, _, cadre=s.assignment.cadre)
        rows = [(sec, row) for sec in r.cadres for row in sec.tasks if row.id == label and sec.program]
        if not rows:
            return not_found()
        sec, row = rows[0]
        clarity = [(d.line, d.localize(_).message) for d in site.problems(year) if d.path == rel and d.code.startswith("clarity.")]
        scored = next((ts for ts in s.tasks if ts.id == task and (ts.origin or s.key)[0] == rel), None)
        key = (scored.origin or s.key) if scored is not None else s.key
        steps = [say(step, _) for step in scored.steps] if scored is not None else []  # the task's lines of score --explain
        model = next((t for t in site.year(year).models[key].tasks if t.id == task), None)
        return page("task", year, r=r, sec=sec, row=row, steps=steps, **pages.recorded(model, site.year(year).result.as_of, site.options.lang), rel=rel, task=task, cid=s.assignment.cadre, digest=digest(root / rel),
                    csrf=tokens.token, clarity=clarity,
                    # --public: no history (a commit's words or date can tell of a confidential task)
                    history=None if site.options.public else pages.history(root, rel),
                    today=site.today.isoformat(), note_limit=NOTE_LIMIT, status=status, **extra)

    def task(request: Request) -> Response:
        return task_context(request, year_of(request), request.query_params.get("file", ""), request.query_params.get("id", ""),
                            saved=request.query_params.get("saved") == "1")

    async def submit(request: Request) -> Response:
        if site.options.read_only:
            return forbidden(request)
        form = await request.form()
        if not tokens.valid(form.get("csrf")):  # (a form shown before the server started again): what was typed, shown again
            typed = {k: str(form.get(k) or "") for k in ("date", "value", "note", "evidence", "done_on")} | \
                {"kind": "outcome" if form.get("kind") == "outcome" else "check-in"}
            shown = await run_in_threadpool(task_context, request, year_of(request), str(form.get("file", "")),
                                            str(form.get("id", "")), error=_(BAD_TOKEN), typed=typed, status=403)
            return shown if shown.status_code == 403 else refused(403, _(NO_TOKEN))
        return await run_in_threadpool(record, request, form)

    def record(request: Request, form) -> Response:
        year = year_of(request)
        rel, task_id = str(form.get("file", "")), str(form.get("id", ""))
        held = owner(year, rel)
        if held is None:  # only a file the results show: never outside the repository
            site.refresh()  # (the files looked at again only then: the write itself is checked against the form's digest)
            held = owner(year, rel)
            if held is None:
                return not_found()
        got = site.year(year)
        kind = "outcome" if form.get("kind") == "outcome" else "check-in"
        typed = {k: str(form.get(k) or "") for k in ("date", "value", "note", "evidence", "done_on")} | {"kind": kind}
        try:
            value = form_number(form.get("value"), WORDS["value"])
            if kind == "outcome":  # an outcome has no note, date or evidence of its own (as progress --done-on)
                day, note, link = None, None, None
                done_on = form_date(form.get("done_on"), WORDS["done_on"])
                if done_on is None:
                    raise Refused(WORDS["done_on"], N_("give the day the task was completed."))
            else:
                day, done_on = form_date(form.get("date"), WORDS["date"]), None
                note, link = form_text(form.get("note"), WORDS["note"]), form_text(form.get("evidence"), WORDS["evidence"])
                if value is None and note is None and link is None:  # a date alone reports nothing
                    raise Refused(WORDS["value"], N_("give a value, a note or an evidence link: a check-in with only a date says nothing."))
        except Refused as exc:
            place = task_place(root / rel, task_id)
            where = f"{rel}:{place[0]}:{place[1]}" if place else rel
            return task_context(request, year, rel, task_id, error=f"{where}: {exc.say(_)}", typed=typed, status=422)
        try:
            write(root, rel, str(form.get("digest", "")), task_id, day, value, note, done_on, site.today, (link,) if link else ())
        except Stale:
            return task_context(request, year, rel, task_id, error=_("The file changed on disk since this form was shown; nothing was written. The page shows it as it is now: type the change again."), status=409)
        except Fatal as exc:
            place = task_place(root / rel, task_id)
            where = f"{rel}:{place[0]}:{place[1]}" if place else rel
            return task_context(request, year, rel, task_id, error=f"{where}: {say(exc.phrase, _)}", typed=typed, status=422)
        if site.options.commit:
            name = got.result.repo.name(held[0].assignment.cadre)
            words = _("Outcome recorded: {task} — {cadre}") if done_on else _("Progress report: {task} — {cadre}")
            try:
                commit(root, rel, words.format(task=task_id, cadre=name))
            except Fatal as exc:  # written, not committed: said as such, with no form inviting it to be typed again
                return task_context(request, year, rel, task_id, saved=True, warning=say(exc.phrase, _), status=500)
        return RedirectResponse(pages.task_href(rel, task_id, year) + "&saved=1", status_code=303)

    def problems(request: Request) -> Response:
        year = year_of(request)
        return page("problems", year, groups=pages.problem_groups(site.problems(year), _))

    def due(request: Request) -> Response:
        follow = site.followup()
        return page("due", site.default_year(), groups=pages.due_groups(follow, _, site.options.lang),
                    as_of=formats.day(follow.as_of, site.options.lang), incomplete=incomplete.lines(follow.left_out, follow.repo, _),
                    withheld=incomplete.public(follow.withheld, _))

    def report(request: Request) -> Response:
        year, uid, fmt = year_of(request), request.path_params["unit"], request.path_params["fmt"]
        if uid not in site.year(year).result.repo.units or fmt not in ("html", "md", "docx", "pdf"):
            return not_found()
        from giaoviec.render import report as report_render

        r = pages.unit_report(site, uid, year, _)
        if fmt in ("docx", "pdf"):  # as `report --format docx|pdf`, with the letterhead of the unit
            from giaoviec.app.documents import letterhead, to_pdf
            from giaoviec.render.docx import document

            try:
                made = document(r, letterhead(site.year(year).result.repo, uid, site.today), _)
                made = to_pdf(made) if fmt == "pdf" else made
            except Fatal as exc:  # no LibreOffice for a PDF: said in the reader's language
                return refused(503, say(exc.phrase, _))
            return Response(made, media_type=DOCUMENT[fmt], headers={"content-disposition": f'attachment; filename="bao-cao-{year}.{fmt}"'})
        body = "".join(report_render.PIECES[fmt](r, _))
        if fmt == "html":  # its own inline style, allowed by hash (the report is one file, for print and mail)
            return Response(body, media_type="text/html; charset=utf-8", headers={"content-security-policy": styled_csp(body)})
        return Response(body, media_type="text/markdown; charset=utf-8")

    def calendar(request: Request) -> Response:
        from giaoviec.serve.calendar import ics

        kind, ident = request.path_params.get("kind"), request.path_params.get("ident")
        year = year_of(request) if request.query_params.get("year") else None  # none asked: every year's open tasks
        repo = site.year(year or site.default_year()).result.repo
        if kind is not None and ident not in (repo.units if kind == "unit" else repo.cadres):
            return not_found()
        body = ics(site, year, _, unit=ident if kind == "unit" else None, cadre=ident if kind == "cadre" else None)
        return Response(body, media_type="text/calendar; charset=utf-8")

    def style(request: Request) -> Response:
        return Response(files("giaoviec").joinpath("templates/report/serve/site.css").read_bytes(), media_type="text/css")

    def forbidden(request: Request) -> Response:
        return refused(403, _(READ_ONLY))

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
    return Guard(Starlette(routes=routes, exception_handlers={404: http_error, 405: http_error}), hosts,
                 {400: _(FOREIGN_HOST), 403: _(CROSS_ORIGIN)})


def task_files(result: YearResult, s: AssignmentResult) -> list[tuple[str, str, str]]:
    """(file, task id, label on the pages) of each task of a scored row: an earlier post's task (a
    move) is in its own file and is labelled with its unit, as the report's section names it."""
    units = {p.key: result.repo.name(p.head.unit) for p in s.earlier}
    return [(ts.origin[0], ts.id, f"{ts.id} ({units[ts.origin]})") if ts.origin else (s.path, ts.id, ts.id) for ts in s.tasks]


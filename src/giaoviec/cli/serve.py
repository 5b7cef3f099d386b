"""`giaoviec serve`: the repository in a browser (spec/serve.md). The web stack is imported only
when the command runs."""

from __future__ import annotations

from typing import Annotated

import typer

from giaoviec.cli.app import LangOption, PublicOption, app, session
from giaoviec.diagnostics import N_


@app.command("serve", help=N_("The repository in a browser: overview, units, cadres, tasks, problems, deadlines; check-ins from a form; deadlines as a calendar.\n\nExample: giaoviec -C examples/vinh-phuc serve --open"))
def serve_command(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help=N_("The address to listen on; another one than 127.0.0.1 serves read-only unless --allow-writes."))] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help=N_("The port to listen on."))] = 8000,
    read_only: Annotated[bool, typer.Option("--read-only", help=N_("Show no form; every write answers 403."))] = False,
    allow_writes: Annotated[bool, typer.Option("--allow-writes", help=N_("Accept writes on another address than 127.0.0.1 (authentication belongs to a reverse proxy)."))] = False,
    commit: Annotated[bool, typer.Option("--commit", help=N_("Make each change one git commit."))] = False,
    open_browser: Annotated[bool, typer.Option("--open", help=N_("Open the overview in the browser."))] = False,
    public: PublicOption = False,
    lang: LangOption = None,
) -> None:
    import uvicorn

    from giaoviec.serve.guard import allowed_hosts
    from giaoviec.serve.site import Options, Site
    from giaoviec.serve.web import create_app

    s = session(ctx, lang)
    root = s.root()
    local = host in ("127.0.0.1", "localhost", "::1")
    if not local and not allow_writes:
        read_only = True
        s.note(N_("Serving on {host}: read-only (add --allow-writes to accept changes). giaoviec has no login of its own: put a reverse proxy with authentication in front of it."), host=host)
    site = Site(Options(root, s.lang(), public, read_only or public, commit, s.env.cache_folder, s.env.reader))
    site.year(site.default_year())  # ready: the first page is computed before the address is printed
    url = f"http://{host}:{port}/"
    s.note(N_("Serving {root} at {url} (Ctrl-C stops)"), root=str(root), url=url)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.5, webbrowser.open, (url,)).start()
    uvicorn.run(create_app(site, allowed_hosts(host, port)), host=host, port=port, log_level="warning")

"""`giaoviec serve`: the repository in a browser (spec/serve.md). The web stack is imported only
when the command runs."""

from __future__ import annotations

from typing import Annotated

import typer

from giaoviec.cli.app import LangOption, PublicOption, app, session
from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.quickhelp import command_help


@app.command("serve", help=command_help("serve"))
def serve_command(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help=N_("The address to listen on; another one than 127.0.0.1 serves read-only unless --allow-writes."))] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help=N_("The port to listen on."))] = 8000,
    read_only: Annotated[bool, typer.Option("--read-only", help=N_("Show no form; every write answers 403."))] = False,
    allow_writes: Annotated[bool, typer.Option("--allow-writes", help=N_("Accept writes on another address than 127.0.0.1 (authentication belongs to a reverse proxy)."))] = False,
    commit: Annotated[bool, typer.Option("--commit", help=N_("Make each change one git commit."))] = False,
    allowed_host: Annotated[list[str] | None, typer.Option("--allowed-host", help=N_("A name the server is reached by besides its address (a reverse proxy's public name); repeatable."))] = None,
    open_browser: Annotated[bool, typer.Option("--open", help=N_("Open the overview in the browser."))] = False,
    public: PublicOption = False,
    lang: LangOption = None,
) -> None:
    import uvicorn

    from giaoviec.serve.guard import allowed_hosts, bracketed
    from giaoviec.serve.site import Options, Site
    from giaoviec.serve.web import create_app

    s = session(ctx, lang)
    root = s.root()
    if commit:
        _git_work_tree(root)
    local = host in ("127.0.0.1", "localhost", "::1")
    if not local and not allow_writes:
        read_only = True
        s.note(N_("Serving on {host}: read-only (add --allow-writes to accept changes). giaoviec has no login of its own: put a reverse proxy with authentication in front of it."), host=host)
    elif not local:
        s.note(N_("Serving on {host} with writes allowed: giaoviec has no login of its own, so anyone who reaches this address can write. Put a reverse proxy with authentication in front of it."), host=host)
    site = Site(Options(root, s.lang(), public, read_only or public, commit, s.env.cache_folder, s.env.reader))
    site.year(site.default_year())  # ready: the first page is computed before the address is printed
    _free(host, port)  # the port taken: said before the address is printed
    url = f"http://{bracketed(host)}:{port}/"
    s.note(N_("Serving {root} at {url} (Ctrl-C stops)"), root=str(root), url=url)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.5, webbrowser.open, (url,)).start()
    uvicorn.run(create_app(site, allowed_hosts(host, port, tuple(allowed_host or ()))), host=host, port=port, log_level="warning")


def _git_work_tree(root) -> None:
    """--commit: refused at start-up outside a git work tree (rather than a change written and not committed)."""
    import subprocess

    try:
        inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=root, capture_output=True,
                                text=True, check=False).stdout.strip() == "true"
    except OSError:
        inside = False
    if not inside:
        raise Fatal(ExitCode.USAGE, N_("--commit needs a git repository: {root} is not inside a git work tree; nothing was started."),
                    hint=N_("Run git init there first, or serve without --commit."), root=str(root))


def _free(host: str, port: int) -> None:
    """The address can be listened on; else the reason, in the reader's language, before anything is served."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as exc:
        raise Fatal(ExitCode.USAGE, N_("Cannot listen on {host} port {port}: {problem}"), host=host, port=str(port), problem=str(exc)) from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise Fatal(ExitCode.USAGE, N_("Port {port} on {host} is already in use: stop the program using it, or choose another port with --port."),
                            host=host, port=str(port)) from None
            raise Fatal(ExitCode.USAGE, N_("Cannot listen on {host} port {port}: {problem}"), host=host, port=str(port),
                        problem=exc.strerror or str(exc)) from None

"""What every request passes: its Host must be the bound address (DNS rebinding), a write must carry
the server's CSRF token and come from this origin, and every answer carries a Content-Security-Policy
that allows nothing from elsewhere (no script at all: the pages need none)."""

from __future__ import annotations

import contextlib
import hmac
import secrets
from collections.abc import Iterable

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]




def styled_csp(page: str) -> str:
    """The CSP of a page that carries its own style (the unit's HTML report, made for print and mail):
    the hash of each inline <style> and each style attribute (CSP level 3, 'unsafe-hashes'), nothing else."""
    import base64
    import hashlib
    import re
    from html import unescape

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    blocks = {sha(m) for m in re.findall(r"<style[^>]*>(.*?)</style>", page, re.S)}
    attributes = {sha(unescape(m)) for m in re.findall(r'\sstyle="([^"]*)"', page)}
    style = " ".join(["'self'", *sorted(blocks), *(["'unsafe-hashes'", *sorted(attributes)] if attributes else [])])
    return CSP.replace("style-src 'self'", f"style-src {style}")


LOCAL = ("127.0.0.1", "localhost", "::1")
ANY = ("0.0.0.0", "::", "")  # every interface of the machine


def bracketed(host: str) -> str:
    """A host as a URL and a Host header write it: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def machine_names() -> set[str]:
    """The names and addresses this machine is reached by: its host name, its full name, their
    addresses, and the address of its default route (a UDP socket connected, no packet sent)."""
    import socket

    found = {socket.gethostname(), socket.getfqdn()}
    for name in list(found):
        with contextlib.suppress(OSError):
            found |= {str(info[4][0]) for info in socket.getaddrinfo(name, None)}
    for family, probe in ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1")):
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as s:
                s.connect((probe, 9))
                found.add(str(s.getsockname()[0]))
        except OSError:
            pass
    return {n.split("%")[0] for n in found if n}


class Hosts:
    """The Host headers a request may carry: `exact` ones ("name:port", and "name" on port 80), and
    `names` given with --allowed-host, on any port (a reverse proxy keeps the public name)."""

    def __init__(self, exact: Iterable[str], names: Iterable[str] = ()):
        self.exact, self.names = {h.lower() for h in exact}, {bracketed(n).lower() for n in names}

    def __contains__(self, header: object) -> bool:
        if not isinstance(header, str):
            return False
        header = header.lower()
        name = header.rsplit(":", 1)[0] if header.rsplit(":", 1)[-1].isdigit() and not header.endswith("]") else header
        return header in self.exact or name in self.names


def allowed_hosts(host: str, port: int, allowed: tuple[str, ...] = ()) -> Hosts:
    """The bound address; the loopback names for a local one; the machine's names and addresses
    for any other (every interface for 0.0.0.0 or ::); and the names given (--allowed-host)."""
    if host in LOCAL:
        names = set(LOCAL)
    elif host in ANY:
        names = set(LOCAL) | machine_names()
    else:
        names = {host} | {n for n in machine_names() if not _address(n)}  # its address, and the machine's names
    shown = {bracketed(n) for n in names}
    return Hosts({f"{n}:{port}" for n in shown} | (shown if port == 80 else set()), set(allowed))


def _address(name: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class Guard:
    """ASGI middleware: refuses a foreign Host (400) and a cross-origin write (403); adds the headers."""

    def __init__(self, app: ASGIApp, hosts: Hosts | set[str], said: dict[int, str] | None = None):
        self.app, self.hosts = app, hosts
        self.said = {400: "Host not allowed", 403: "Cross-origin request refused", **(said or {})}  # in the reader's language

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                own = {name.lower() for name, _value in message.get("headers", [])}  # a page's own CSP (styled_csp) kept
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in own]
            await send(message)

        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1").lower()
        if host not in self.hosts:
            await PlainTextResponse(self.said[400], status_code=400)(scope, receive, send_with_headers)
            return
        origin = headers.get(b"origin")
        if scope["method"] not in ("GET", "HEAD") and origin is not None and not self.same_site(origin.decode("latin-1")):
            await PlainTextResponse(self.said[403], status_code=403)(scope, receive, send_with_headers)
            return

        await self.app(scope, receive, send_with_headers)


    def same_site(self, origin: str) -> bool:
        """An Origin of this server: http(s) and one of the allowed hosts (a proxy may serve it over https)."""
        scheme, _sep, rest = origin.lower().partition("://")
        return scheme in ("http", "https") and "/" not in rest and rest in self.hosts


class Tokens:
    """The CSRF token of this server's run: random, in every form, compared in constant time."""

    def __init__(self) -> None:
        self.token = secrets.token_urlsafe(32)

    def valid(self, given: object) -> bool:
        return isinstance(given, str) and hmac.compare_digest(given, self.token)

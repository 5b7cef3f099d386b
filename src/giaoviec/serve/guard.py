"""What every request passes: its Host must be the bound address (DNS rebinding), a write must carry
the server's CSRF token and come from this origin, and every answer carries a Content-Security-Policy
that allows nothing from elsewhere (no script at all: the pages need none)."""

from __future__ import annotations

import hmac
import secrets

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]


def allowed_hosts(host: str, port: int) -> set[str]:
    names = {host} | ({"localhost", "127.0.0.1"} if host in ("127.0.0.1", "localhost") else set())
    return {f"{n}:{port}" for n in names} | (names if port == 80 else set())


class Guard:
    """ASGI middleware: refuses a foreign Host (400) and a cross-origin write (403); adds the headers."""

    def __init__(self, app: ASGIApp, hosts: set[str]):
        self.app, self.hosts = app, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1").lower()
        if host not in self.hosts:
            await PlainTextResponse("Host not allowed", status_code=400)(scope, receive, send)
            return
        origin = headers.get(b"origin")
        if scope["method"] not in ("GET", "HEAD") and origin is not None and origin.decode("latin-1") not in \
                {f"http://{h}" for h in self.hosts}:
            await PlainTextResponse("Cross-origin request refused", status_code=403)(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Tokens:
    """The CSRF token of this server's run: random, in every form, compared in constant time."""

    def __init__(self) -> None:
        self.token = secrets.token_urlsafe(32)

    def valid(self, given: object) -> bool:
        return isinstance(given, str) and hmac.compare_digest(given, self.token)

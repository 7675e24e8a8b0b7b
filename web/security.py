"""Access token, security headers and CSRF protection."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

TOKEN_COOKIE = "dramawatch_token"
CSRF_COOKIE = "dramawatch_csrf"
CSRF_FIELD = "csrf"
HEADERS = {
    # No script at all: every page works without JavaScript.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Tokens may travel in feed URLs: never send a URL on to another site (same-origin, not
    # no-referrer: that would make a form's Origin "null" and fail the CSRF check).
    "Referrer-Policy": "same-origin",
}
LOGIN_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dramawatch: access token</title><link rel="stylesheet" href="/static/style.css"></head>
<body><main><h1>dramawatch</h1><p>This archive asks for its access token.</p>
<form method="get"><label>Token <input type="password" name="token" autocomplete="off"></label>
<button type="submit">Open</button></form></main></body></html>"""

Handler = Callable[[Request], Awaitable[Response]]


def machine_client(path: str) -> bool:
    """True for the API, the feeds and the schema: answered in JSON, token in the URL allowed."""
    return path.startswith(("/api/", "/feeds/"))


class Guard:
    """Checks the access token (when one is set) and adds the security headers."""

    def __init__(self, token: str | None) -> None:
        self.token = token

    async def __call__(self, request: Request, call_next: Handler) -> Response:
        """The middleware: refuse without the token, else answer with the headers added."""
        response = self._refusal(request) or await self._answer(request, call_next)
        response.headers.update(HEADERS)
        return response

    async def _answer(self, request: Request, call_next: Handler) -> Response:
        given = request.query_params.get("token")
        if given and self.token and not machine_client(request.url.path):
            # A page opened with ?token=: keep it in a cookie and drop it from the address.
            response: Response = RedirectResponse(_without_token(request), status_code=303)
            response.set_cookie(TOKEN_COOKIE, given, httponly=True, samesite="strict")
            return response
        return await call_next(request)

    def _refusal(self, request: Request) -> Response | None:
        if self.token is None or request.url.path.startswith("/static/"):
            return None
        if any(_same(self.token, given) for given in _offered(request)):
            return None
        if machine_client(request.url.path):
            message = "this archive needs its access token: Authorization: Bearer <token>"
            return JSONResponse(
                {"error": {"status": 401, "message": message + " or ?token=<token>"}},
                status_code=401, headers={"WWW-Authenticate": "Bearer"},
            )  # fmt: skip
        return HTMLResponse(LOGIN_PAGE, status_code=401)


def _offered(request: Request) -> list[str]:
    offered = [request.cookies.get(TOKEN_COOKIE, ""), request.query_params.get("token", "")]
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        offered.append(value.strip())
    return [value for value in offered if value]


def _same(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode(), given.encode())


def _without_token(request: Request) -> str:
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
    return str(request.url.replace(query=urlencode(kept)))


def csrf_token(request: Request) -> tuple[str, bool]:
    """The form token of this browser, and whether it is new (then set its cookie)."""
    current = request.cookies.get(CSRF_COOKIE)
    if current and len(current) == 43:
        return current, False
    return secrets.token_urlsafe(32), True


def set_csrf_cookie(response: Response, token: str) -> None:
    """Remember the form token in a cookie only this site's own pages send back."""
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")


def csrf_ok(request: Request, submitted: str | None) -> bool:
    """True when a POST carries this browser's form token and comes from this site."""
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        return False
    cookie = request.cookies.get(CSRF_COOKIE)
    return bool(cookie and submitted and _same(cookie, submitted))

"""The web console under /_zcrm/console/: sessions, CSRF, templates and the route table.

Pages are server-rendered (Jinja2, autoescaped); htmx refreshes a few fragments. Every page
but the login page and the static files needs a session: a random id in an ``HttpOnly``,
``SameSite=Strict`` cookie, known to every server process through the database. Every
state-changing request carries the session's CSRF token. The admin key is only ever read from
the login form's body; it is never put in a URL, a page or a log line.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from zcrm_local.service.backend import Backend
from zcrm_local.service.console import sessions
from zcrm_local.service.console.sessions import Session
from zcrm_local.service.harness.admin import AdminError, AdminKeys
from zcrm_local.service.harness.state import Harness

BASE = "/_zcrm/console"
COOKIE = "zcrm_console"
LOGIN_COOKIE = "zcrm_console_login"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
MAX_FORM_BYTES = 64 * 1024 * 1024

_HERE = files("zcrm_local.http.console")
TEMPLATES = Environment(loader=FileSystemLoader(str(_HERE / "templates")),
                        autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)

_SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class Console:
    """What every page handler gets: the backend, the harness cache, and the request's session."""

    def __init__(self, backend: Backend, harness: Harness) -> None:
        self.backend = backend
        self.harness = harness
        self.keys = AdminKeys(backend)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    session: Session | None = getattr(request.state, "console_session", None)
    html = TEMPLATES.get_template(template).render(
        base=BASE, csrf=session.csrf_token if session else "", signed_in=session is not None,
        request=request, **context)
    return secure(HTMLResponse(html, status))


def secure(response: Response) -> Response:
    response.headers.update(_SECURITY_HEADERS)
    return response


def redirect(path: str, notice: str | None = None) -> Response:
    url = BASE + path + (f"?notice={quote(notice)}" if notice else "")
    return secure(RedirectResponse(url, status_code=303))


def to_login(request: Request) -> Response:
    return secure(RedirectResponse(f"{BASE}/login", status_code=303))


Handler = Callable[[Console, Request], Awaitable[Response]]


def guarded(console: Console, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """No session: to the login page. A write without the session's CSRF token: 403.
    An admin refusal (bad input, unknown org): the error page with its status."""

    async def endpoint(request: Request) -> Response:
        session = await run_in_threadpool(sessions.find, console.backend, request.cookies.get(COOKIE))
        if session is None:
            return to_login(request)
        request.state.console_session = session
        if request.method == "POST":
            form = await request.form(max_part_size=MAX_FORM_BYTES)
            given = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
            if not isinstance(given, str) or not sessions.csrf_ok(session, given):
                return page(request, "error.html", 403, title="Refused",
                            message="The form's CSRF token is missing or wrong. Reload the page and try again.")
        try:
            return await handler(console, request)
        except AdminError as refusal:
            return page(request, "error.html", refusal.status, title=refusal.code, message=refusal.message)

    return endpoint


# ---- login and logout ---------------------------------------------------------------------------


def _cookie(response: Response, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(name, value, max_age=max_age, path=BASE, httponly=True, samesite="strict")


async def login_form(console: Console, request: Request, status: int = 200, failed: bool = False) -> Response:
    # Before there is a session, the login form's CSRF token is a double-submit cookie.
    token = secrets.token_urlsafe(32)
    response = page(request, "login.html", status, login_token=token, failed=failed)
    _cookie(response, LOGIN_COOKIE, token, 600)
    return response


def login_routes(console: Console) -> list[BaseRoute]:
    async def show(request: Request) -> Response:
        if await run_in_threadpool(sessions.find, console.backend, request.cookies.get(COOKIE)):
            return redirect("/orgs")
        return await login_form(console, request)

    async def submit(request: Request) -> Response:
        form = await request.form()
        expected, given = request.cookies.get(LOGIN_COOKIE, ""), form.get(CSRF_FIELD)
        if not expected or not isinstance(given, str) or not secrets.compare_digest(expected, given):
            return page(request, "error.html", 403, title="Refused",
                        message="The login form's CSRF token is missing or wrong. Reload the page and try again.")
        key = form.get("admin_key")
        session_id = None
        if isinstance(key, str) and key:
            session_id = await run_in_threadpool(sessions.open_session, console.backend, console.keys, key.strip())
        if session_id is None:
            return await login_form(console, request, 401, failed=True)
        response = redirect("/orgs")
        _cookie(response, COOKIE, session_id, None)
        response.delete_cookie(LOGIN_COOKIE, path=BASE)
        return response

    async def logout(console_: Console, request: Request) -> Response:
        await run_in_threadpool(sessions.close, console.backend, request.cookies.get(COOKIE, ""))
        response = redirect("/login")
        response.delete_cookie(COOKIE, path=BASE, httponly=True, samesite="strict")
        return response

    return [
        Route("/login", show, methods=["GET"]),
        Route("/login", submit, methods=["POST"]),
        Route("/logout", guarded(console, logout), methods=["POST"]),
    ]


def console_routes(backend: Backend, harness: Harness) -> list[BaseRoute]:
    from zcrm_local.http.console import journal_pages, org_pages, data_pages

    console = Console(backend, harness)

    async def home(console_: Console, request: Request) -> Response:
        return redirect("/orgs")

    routes: list[BaseRoute] = [
        *login_routes(console),
        Route("/", guarded(console, home), methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=str(_HERE / "static")), name="console-static"),
    ]
    for method, path, handler in (*org_pages.PAGES, *data_pages.PAGES, *journal_pages.PAGES):
        routes.append(Route(path, guarded(console, handler), methods=[method]))

    async def unknown(request: Request) -> Response:
        session = await run_in_threadpool(sessions.find, backend, request.cookies.get(COOKIE))
        if session is None:
            return to_login(request)
        request.state.console_session = session
        return page(request, "error.html", 404, title="Not found", message="There is no such console page.")

    routes.append(Route("/{rest:path}", unknown, methods=["GET", "POST"]))
    return [Mount(BASE, routes=routes), Route(BASE, home_redirect, methods=["GET"])]


async def home_redirect(request: Request) -> Response:
    return secure(RedirectResponse(BASE + "/", status_code=307))

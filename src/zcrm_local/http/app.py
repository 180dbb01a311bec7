"""The application factory: the one ASGI app used by ``serve``, the tests and the plugin."""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route as StarletteRoute

from zcrm_local.config import Settings
from zcrm_local.domain import errors as e
from zcrm_local.domain.clock import Clock, SystemClock
from zcrm_local.http.body_limits import BodyLimitMiddleware
from zcrm_local.http.console.app import console_routes
from zcrm_local.http.composite.dispatch import dispatcher
from zcrm_local.http.gate import Gate
from zcrm_local.http.harness.admin import admin_routes
from zcrm_local.http.harness.middleware import HarnessMiddleware
from zcrm_local.http.oauth.endpoints import revoke_endpoint, token_endpoint
from zcrm_local.http.render import error_response
from zcrm_local.http.routes import crm_routes
from zcrm_local.service.backend import Backend, open_backend
from zcrm_local.service.harness.admin import install_admin_key
from zcrm_local.service.harness.state import Harness

ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


def create_app(settings: Settings, *, clock: Clock | None = None, db: object | None = None,
               admin_key: str | None = None) -> Starlette:
    """``db``: an already open store to share (tests); by default one is opened from settings.
    ``admin_key``: a key to accept on the admin API besides those already stored."""
    backend: Backend = open_backend(settings, clock=clock or SystemClock(), db=db)
    gate = Gate(backend, crm_routes())
    harness = Harness(backend)
    if admin_key:
        install_admin_key(backend, admin_key)

    async def not_found(request: Request, exc: Exception) -> Response:
        return error_response(e.ZohoError(e.ErrorCode.INVALID_URL_PATTERN, e.MSG_INVALID_URL_PATTERN))

    async def crash(request: Request, exc: Exception) -> Response:
        logging.getLogger("zcrm_local.api").exception("unhandled error outside the API gate")
        return error_response(e.internal_error())

    app = Starlette(
        routes=[
            StarletteRoute("/oauth/v2/token", token_endpoint(backend), methods=["POST"]),
            StarletteRoute("/oauth/v2/auth", token_endpoint(backend), methods=["POST"]),
            StarletteRoute("/oauth/v2/token/revoke", revoke_endpoint(backend), methods=["POST"]),
            StarletteRoute("/crm/{rest:path}", gate.handle, methods=ALL_METHODS),
            *console_routes(backend, harness),  # before the admin API's catch-all
            *admin_routes(backend, harness),
        ],
        middleware=[Middleware(BodyLimitMiddleware, timeout_seconds=settings.body_timeout_seconds),
                    Middleware(HarnessMiddleware, harness=harness)],
        exception_handlers={404: not_found, 405: not_found, 500: crash, Exception: crash},
    )
    gate.dispatch = dispatcher(app)
    app.state.backend = backend
    app.state.harness = harness
    return app


def app_from_env() -> Starlette:
    """Factory for ``uvicorn --factory``: each worker process builds its app from the
    environment that ``serve`` exported."""
    from zcrm_local.settings_env import settings_from_env

    return create_app(settings_from_env())

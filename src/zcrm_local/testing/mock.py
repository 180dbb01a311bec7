"""In-process mode: calls that ``requests`` and ``httpx`` make to Zoho's own hosts are answered
by an in-process zcrm-local app, with no network.

    with zcrm_local.mock() as zoho:
        token = requests.post("https://accounts.zoho.com/oauth/v2/token", data={
            "grant_type": "refresh_token", **zoho.token_form}).json()["access_token"]
        requests.get("https://www.zohoapis.com/crm/v7/org",
                     headers={"Authorization": f"Zoho-oauthtoken {token}"})

Routed: every ``*.zohoapis.<tld>`` API domain (all data centers, ``sandbox.``/``developer.``/
``content.`` variants) and the ``accounts.zoho.<tld>`` / ``accounts.zohocloud.ca`` accounts
servers. Anything else passes through untouched (``passthrough=True``, the default) or is refused
with the library's own connection error (``passthrough=False``). ``urllib``/``http.client`` are
not intercepted.
"""

from __future__ import annotations

import asyncio
import io
import re
import secrets
import threading
from collections.abc import Iterable
from contextlib import ContextDecorator
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote, urlsplit

from zcrm_local.config import Settings
from zcrm_local.domain.clock import Clock
from zcrm_local.testing.client import AdminClient, OrgAdmin

API_URL = "https://www.zohoapis.com"
ACCOUNTS_URL = "https://accounts.zoho.com/oauth/v2/token"

_TLD = r"[a-z]{2,}(?:\.[a-z]{2,})?"
_API_HOST = re.compile(rf"^(?:[a-z0-9-]+\.)*zohoapis\.{_TLD}$")
_ACCOUNTS_HOST = re.compile(rf"^accounts\.zoho(?:cloud)?\.{_TLD}$")

_active_lock = threading.Lock()
_active: ZohoMock | None = None


def is_zoho_host(host: str | None) -> bool:
    """True for Zoho's API domains and accounts servers, the hosts the mock answers."""
    if not host:
        return False
    host = host.lower().rstrip(".")
    return bool(_API_HOST.match(host) or _ACCOUNTS_HOST.match(host))


def current() -> ZohoMock:
    """The active mock (for code under ``@zcrm_local.mock()``)."""
    if _active is None:
        raise RuntimeError("no zcrm_local.mock() is active")
    return _active


class MockRefused(ConnectionError):
    """A call to a non-Zoho host while the mock refuses them."""


# ---- calling the app ---------------------------------------------------------------------------


class _Bridge:
    """Runs the ASGI app on an event loop of its own, callable from any thread or loop."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="zcrm-local-mock", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()

    def call(self, method: str, url: str, headers: Iterable[tuple[bytes, bytes]], body: bytes
             ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        future = asyncio.run_coroutine_threadsafe(self._asgi(method, url, list(headers), body), self.loop)
        return future.result()

    async def call_async(self, method: str, url: str, headers: Iterable[tuple[bytes, bytes]], body: bytes
                         ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        future = asyncio.run_coroutine_threadsafe(self._asgi(method, url, list(headers), body), self.loop)
        return await asyncio.wrap_future(future)

    def transport(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
        """The admin client's transport: the same app, through the same door."""
        raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
        status, _, content = self.call(method, API_URL + path, raw, body)
        return status, content

    async def _asgi(self, method: str, url: str, headers: list[tuple[bytes, bytes]], body: bytes
                    ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        parts = urlsplit(url)
        host = parts.hostname or ""
        # ASGI header names are lower-case; clients send them as they like.
        headers = [(k.lower(), v) for k, v in headers]
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if not any(k == b"host" for k, _ in headers):
            headers.append((b"host", parts.netloc.encode()))
        scope = {
            "type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "http_version": "1.1",
            "method": method.upper(), "scheme": parts.scheme or "https", "path": unquote(parts.path) or "/",
            "raw_path": (parts.path or "/").encode(), "query_string": parts.query.encode(), "root_path": "",
            "headers": headers, "client": ("127.0.0.1", 0), "server": (host, port),
        }
        done = asyncio.Event()
        sent_body = False
        status = 500
        out_headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []

        async def receive() -> dict[str, Any]:
            nonlocal sent_body
            if not sent_body:
                sent_body = True
                return {"type": "http.request", "body": body, "more_body": False}
            await done.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status, out_headers
            if message["type"] == "http.response.start":
                status = message["status"]
                out_headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    done.set()

        try:
            await self.app(scope, receive, send)
        except Exception:
            # The app already answered 500 through its error handler; re-raising here would
            # turn the test's view of that answer into a transport crash.
            if not done.is_set():
                raise
        return status, out_headers, b"".join(chunks)


def _body_bytes(body: Any) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    if hasattr(body, "read"):
        data = body.read()
        return data.encode("utf-8") if isinstance(data, str) else data
    return b"".join(part.encode("utf-8") if isinstance(part, str) else part for part in body)


# ---- the patches -----------------------------------------------------------------------------------


class _RequestsPatch:
    def __init__(self, mock: ZohoMock) -> None:
        import requests
        from requests.adapters import HTTPAdapter

        self.requests = requests
        self.adapter_class = HTTPAdapter
        self.original = HTTPAdapter.send
        original = self.original

        def send(adapter: Any, request: Any, stream: bool = False, timeout: Any = None, verify: Any = True,
                 cert: Any = None, proxies: Any = None) -> Any:
            host = urlsplit(request.url).hostname
            if is_zoho_host(host):
                return mock._requests_answer(adapter, request)
            if not mock.passthrough:
                raise requests.exceptions.ConnectionError(f"zcrm_local.mock refuses calls to {host}",
                                                          request=request)
            return original(adapter, request, stream=stream, timeout=timeout, verify=verify, cert=cert,
                            proxies=proxies)

        HTTPAdapter.send = send  # type: ignore[method-assign]

    def undo(self) -> None:
        self.adapter_class.send = self.original  # type: ignore[method-assign]


class _HttpxPatch:
    def __init__(self, mock: ZohoMock) -> None:
        import httpx

        self.httpx = httpx
        self.original_sync = httpx.HTTPTransport.handle_request
        self.original_async = httpx.AsyncHTTPTransport.handle_async_request
        original_sync, original_async = self.original_sync, self.original_async

        def handle_request(transport: Any, request: Any) -> Any:
            if is_zoho_host(request.url.host):
                status, headers, content = mock.bridge.call(request.method, str(request.url),
                                                            request.headers.raw, request.read())
                return httpx.Response(status, headers=headers, content=content, request=request)
            if not mock.passthrough:
                raise httpx.ConnectError(f"zcrm_local.mock refuses calls to {request.url.host}", request=request)
            return original_sync(transport, request)

        async def handle_async_request(transport: Any, request: Any) -> Any:
            if is_zoho_host(request.url.host):
                status, headers, content = await mock.bridge.call_async(
                    request.method, str(request.url), request.headers.raw, await request.aread())
                return httpx.Response(status, headers=headers, content=content, request=request)
            if not mock.passthrough:
                raise httpx.ConnectError(f"zcrm_local.mock refuses calls to {request.url.host}", request=request)
            return await original_async(transport, request)

        httpx.HTTPTransport.handle_request = handle_request  # type: ignore[method-assign]
        httpx.AsyncHTTPTransport.handle_async_request = handle_async_request  # type: ignore[method-assign]

    def undo(self) -> None:
        self.httpx.HTTPTransport.handle_request = self.original_sync  # type: ignore[method-assign]
        self.httpx.AsyncHTTPTransport.handle_async_request = self.original_async  # type: ignore[method-assign]


def _patch(kind: type, mock: ZohoMock) -> Any:
    try:
        return kind(mock)
    except ImportError:  # the library is not installed: nothing of it to route
        return None


# ---- the mock ------------------------------------------------------------------------------------


class ZohoMock(ContextDecorator):
    """Answer Zoho's hosts from an in-process server with a fresh database.

    After entering: ``credentials`` (client id/secret, refresh and access token of the default
    org's administrator, ``api_domain`` and ``accounts_url`` on Zoho's hosts), ``org`` (the
    default org's admin handle: clock, faults, limits, journal, reset, snapshots), ``admin``
    (the admin client) and ``app``.
    """

    def __init__(self, *, passthrough: bool = True, database_url: str = "sqlite://",
                 profile: str = "documented", clock: Clock | None = None) -> None:
        self.passthrough = passthrough
        self.database_url = database_url
        self.profile = profile
        self.clock = clock
        self._patches: list[Any] = []

    def __enter__(self) -> ZohoMock:
        global _active
        with _active_lock:
            if _active is not None:
                raise RuntimeError("a zcrm_local.mock() is already active")
            _active = self
        try:
            self._start()
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()

    def _start(self) -> None:
        from zcrm_local.http.app import create_app
        from zcrm_local.service.oauth import tokens as oauth
        from zcrm_local.service.harness.admin import credentials_info
        from zcrm_local.service.org.orgs import ensure_default_org
        from zcrm_local.store.db import Database
        from zcrm_local.store.migrate import upgrade

        # The token answer's api_domain is Zoho's, so clients that follow it stay routed here.
        settings = Settings(database_url=self.database_url, public_url=API_URL, profile=self.profile)
        self.db = Database(self.database_url)
        upgrade(self.db)
        self.admin_key = "zcrm_admin_" + secrets.token_hex(16)
        self.app = create_app(settings, clock=self.clock, db=self.db, admin_key=self.admin_key)
        backend = self.app.state.backend
        org_id = ensure_default_org(backend)
        self.credentials = credentials_info(backend, oauth.mint_credentials(backend, org_id))
        self.credentials["accounts_url"] = ACCOUNTS_URL
        self.bridge = _Bridge(self.app)
        self.admin = AdminClient(self.bridge.transport, self.admin_key)
        self.org: OrgAdmin = self.admin.org(org_id)
        self._patches = [p for p in (_patch(_RequestsPatch, self), _patch(_HttpxPatch, self)) if p is not None]

    def _stop(self) -> None:
        global _active
        for patch in reversed(self._patches):
            patch.undo()
        self._patches = []
        bridge = getattr(self, "bridge", None)
        if bridge is not None:
            bridge.stop()
            self.bridge = None  # type: ignore[assignment]
        db = getattr(self, "db", None)
        if db is not None:
            db.dispose()
            self.db = None  # type: ignore[assignment]
        with _active_lock:
            if _active is self:
                _active = None

    @property
    def token_form(self) -> dict[str, str]:
        """client_id, client_secret and refresh_token, as a refresh call's form wants them."""
        return {k: self.credentials[k] for k in ("client_id", "client_secret", "refresh_token")}

    def _requests_answer(self, adapter: Any, request: Any) -> Any:
        from requests.structures import CaseInsensitiveDict
        from requests.utils import get_encoding_from_headers

        raw_headers = [(k.lower().encode("latin-1"), str(v).encode("latin-1")) for k, v in request.headers.items()]
        status, headers, content = self.bridge.call(request.method, request.url, raw_headers,
                                                    _body_bytes(request.body))
        answer = self._requests_response_class()()
        answer.status_code = status
        merged: dict[str, str] = {}
        for key, value in headers:
            name, text = key.decode("latin-1"), value.decode("latin-1")
            merged[name] = f"{merged[name]}, {text}" if name in merged else text
        answer.headers = CaseInsensitiveDict(merged)
        answer._content = content
        answer.raw = io.BytesIO(content)
        answer.url = request.url
        answer.request = request
        answer.connection = adapter
        answer.reason = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
        answer.encoding = get_encoding_from_headers(answer.headers)
        return answer

    @staticmethod
    def _requests_response_class() -> type:
        from requests import Response

        return Response


mock = ZohoMock

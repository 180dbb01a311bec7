"""The harness around the API: fault rules, API limits and the request journal, per org.

One ASGI middleware in front of the /crm and /oauth routes. It finds the caller's org (from
the access token, or from the client id / refresh token of an accounts call), then, only for
orgs that use the harness: admits the call under the org's limits, applies the first fault rule
that fires, and journals request and answer. The journal entry is written and the in-flight
slot released before the answer's last byte leaves, so a client that reads the journal (or
sends its next call) right after an answer always sees it.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import time
from typing import Any
from urllib.parse import parse_qsl, urlencode

import orjson
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from zcrm_local.domain import errors as e
from zcrm_local.http.render import empty, error_response, json_response
from zcrm_local.service.harness import faults, journal, limits
from zcrm_local.service.harness.state import Harness

_TOKEN_PREFIX = "zoho-oauthtoken "
_SECRET_FORM_FIELDS = {"client_secret", "refresh_token", "code", "token"}
_SECRET_JSON_KEYS = {"client_secret", "refresh_token", "access_token"}
_MAX_BUFFER = 16 * 1024 * 1024 + 1


class HarnessMiddleware:
    def __init__(self, app: ASGIApp, harness: Harness) -> None:
        self.app = app
        self.harness = harness

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        api, accounts = path.startswith("/crm/"), path.startswith("/oauth/")
        if not (api or accounts):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        body: bytes | None = None
        if accounts:
            body, receive = await _buffer(receive)
            org_id = self._accounts_org(scope, headers, body)
        else:
            org_id = self._api_org(headers)
        if org_id is None:
            await self.app(scope, receive, send)
            return
        settings = self.harness.settings(org_id)
        if settings.idle:
            await self.app(scope, receive, send)
            return
        if settings.journal_size and body is None:
            body, receive = await _buffer(receive)
        await self._run(scope, receive, send, org_id, settings, api, body or b"")

    async def _run(self, scope: Scope, receive: Receive, send: Send, org_id: int, settings: Any,
                   api: bool, body: bytes) -> None:
        started = time.perf_counter()
        at = self.harness.org_now(org_id) if settings.journal_size else None
        method, path = scope["method"], scope["path"]
        ticket: str | None = None
        note: str | None = None
        released = False

        def finish(status: int, out_headers: list[tuple[bytes, bytes]], out_body: bytes) -> None:
            nonlocal released
            if not released:
                released = True
                limits.release(self.harness, ticket)
            if settings.journal_size and at is not None:
                journal.record(self.harness, org_id, settings.journal_size, {
                    "at": at, "method": method, "path": path,
                    "query": scope.get("query_string", b"").decode("latin-1"),
                    "request_headers": _headers_doc(scope["headers"]),
                    "request_body": _mask_body(body, Headers(raw=scope["headers"]).get("content-type", "")),
                    "status": status, "code": _code_of(out_body),
                    "response_headers": _headers_doc(out_headers),
                    "response_body": _mask_body(out_body, Headers(raw=out_headers).get("content-type", "")),
                    "duration_ms": round((time.perf_counter() - started) * 1000, 3),
                    "harness": note,
                })

        capture = _Capture(send, finish)
        try:
            try:
                if api and settings.limits:
                    ticket = limits.admit(self.harness, org_id, settings.limits)
            except e.ZohoError as refusal:
                note = "limit"
                await error_response(refusal)(scope, receive, capture.send)
                return
            injected = faults.pick(self.harness, org_id, method, path) if settings.faults else None
            if injected is not None:
                note = f"fault:{injected.rule_id}"
                if injected.latency_ms:
                    await asyncio.sleep(injected.latency_ms / 1000)
                if injected.error is not None:
                    await error_response(injected.error)(scope, receive, capture.send)
                    return
                if injected.status is not None:
                    answer = empty(injected.status) if injected.body is None else json_response(
                        injected.body, injected.status)
                    await answer(scope, receive, capture.send)
                    return
            await self.app(scope, receive, capture.send)
        finally:
            if not released:
                released = True
                limits.release(self.harness, ticket)

    def _api_org(self, headers: Headers) -> int | None:
        header = headers.get("authorization", "")
        lowered = header.lower()
        if lowered.startswith(_TOKEN_PREFIX):
            token = header[len(_TOKEN_PREFIX):].strip()
        elif lowered.startswith("bearer "):
            token = header[len("bearer "):].strip()
        else:
            return None
        return self.harness.org_for_token(token) if token else None

    def _accounts_org(self, scope: Scope, headers: Headers, body: bytes) -> int | None:
        params = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if "form" in headers.get("content-type", "") or not headers.get("content-type"):
            params.update(parse_qsl(body.decode("utf-8", errors="replace")))
        client_id = params.get("client_id", "")
        basic = headers.get("authorization", "")
        if not client_id and basic.lower().startswith("basic "):
            try:
                client_id = base64.b64decode(basic[6:]).decode().partition(":")[0]
            except (binascii.Error, UnicodeDecodeError):
                client_id = ""
        if client_id:
            return self.harness.org_for_client(client_id)
        if params.get("token"):
            return self.harness.org_for_refresh(params["token"])
        return None


class _Capture:
    """Passes the answer through, keeping a copy, and calls ``finish`` before the last chunk."""

    def __init__(self, send: Send, finish: Any) -> None:
        self._send = send
        self._finish = finish
        self._status = 500
        self._headers: list[tuple[bytes, bytes]] = []
        self._body: list[bytes] = []
        self._size = 0

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self._status = message["status"]
            self._headers = list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            chunk = message.get("body", b"")
            if self._size <= journal.BODY_LIMIT:
                self._body.append(chunk)
            self._size += len(chunk)
            if not message.get("more_body", False):
                self._finish(self._status, self._headers, b"".join(self._body))
        await self._send(message)


async def _buffer(receive: Receive) -> tuple[bytes, Receive]:
    """Read the request body (up to the API's cap) and hand back a receive that replays it."""
    chunks: list[bytes] = []
    size = 0
    more = True
    while more and size < _MAX_BUFFER:
        message = await receive()
        if message["type"] != "http.request":
            # The client went away; replay that to the app.
            return b"".join(chunks), _replay(b"".join(chunks), False, receive, message)
        chunk = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        more = message.get("more_body", False)
    body = b"".join(chunks)
    return body, _replay(body, more, receive, None)


def _replay(body: bytes, more: bool, receive: Receive, final: Message | None) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": more}
        if final is not None:
            return final
        return await receive()

    return replay


def _mask(value: str) -> str:
    return value[:9] + "…" if len(value) > 9 else "…"


def _headers_doc(raw: list[tuple[bytes, bytes]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in raw:
        name, text = key.decode("latin-1").lower(), value.decode("latin-1")
        if name == "authorization":
            scheme, _, credential = text.partition(" ")
            text = f"{scheme} {_mask(credential)}" if credential else _mask(text)
        out[name] = text if name not in out else f"{out[name]}, {text}"
    return out


def _mask_body(body: bytes, content_type: str) -> str:
    if not body:
        return ""
    if "form" in content_type:
        pairs = parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True)
        return journal.clip(urlencode([(k, _mask(v) if k in _SECRET_FORM_FIELDS else v) for k, v in pairs]).encode())
    if "json" in content_type:
        try:
            doc = orjson.loads(body)
        except orjson.JSONDecodeError:
            return journal.clip(body)
        if isinstance(doc, dict) and _SECRET_JSON_KEYS & set(doc):
            doc = {k: _mask(v) if k in _SECRET_JSON_KEYS and isinstance(v, str) else v for k, v in doc.items()}
            return journal.clip(orjson.dumps(doc))
    return journal.clip(body)


def _code_of(body: bytes) -> str | None:
    if not body.startswith(b"{"):
        return None
    try:
        doc = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(doc, dict):
        return None
    if doc.get("status") == "error" and isinstance(doc.get("code"), str):
        return doc["code"]
    return doc["error"] if isinstance(doc.get("error"), str) else None

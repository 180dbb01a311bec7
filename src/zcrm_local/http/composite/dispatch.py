"""Runs one sub-request through the whole application in-process: the harness middleware
(limits, faults, journal) and the gate (auth, scopes, permissions, the handler), exactly as a
call from outside would pass them. Nothing in the chain waits on a socket, so a sub-request
completes without handing the event loop to another request."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlencode

import orjson
from starlette.types import ASGIApp, Message

CONTENT_TYPE = "application/json;charset=utf-8"


@dataclass
class SubResponse:
    status: int
    body: Any  # parsed JSON, None for an empty answer


Dispatch = Callable[[str, str, dict[str, str], dict[str, str], bytes], Awaitable[SubResponse]]


def dispatcher(app: ASGIApp) -> Dispatch:
    async def dispatch(method: str, uri: str, params: dict[str, str], headers: dict[str, str],
                       body: bytes) -> SubResponse:
        path, _, query = uri.partition("?")
        extra = urlencode(params)
        query = "&".join(part for part in (query, extra) if part)
        raw_headers = [(k.lower().encode("latin-1"), v.encode("latin-1", errors="replace")) for k, v in headers.items()]
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
            "scheme": "http", "path": unquote(path), "raw_path": path.encode(), "root_path": "",
            "query_string": query.encode(), "headers": raw_headers,
            "client": ("127.0.0.1", 0), "server": ("composite", 0),
        }
        sent = False

        async def receive() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return {"type": "http.disconnect"}

        status = 500
        chunks: list[bytes] = []

        async def send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await app(scope, receive, send)
        data = b"".join(chunks)
        if not data:
            return SubResponse(status, None)
        try:
            return SubResponse(status, orjson.loads(data))
        except orjson.JSONDecodeError:
            return SubResponse(status, data.decode("utf-8", errors="replace"))

    return dispatch

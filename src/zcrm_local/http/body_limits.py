"""Request bodies: a size limit per endpoint and a time limit, before any other work (D-450).

The outermost middleware. A ``Content-Length`` over the endpoint's limit is refused without
reading a byte; a chunked body is counted while it streams and cut at the limit; a body that
has not fully arrived within the time limit is refused. Every refusal closes the connection,
so a stalled upload holds neither memory nor a socket. The app then reads the body from
memory as before.
"""

from __future__ import annotations

import asyncio
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from zcrm_local.domain import errors as e
from zcrm_local.http.render import error_response, json_response

KIB = 1024
MIB = 1024 * KIB
# The token endpoint takes a handful of short form fields.
OAUTH_LIMIT = 8 * KIB
# Record writes: 100 records of long text fit well below this.
CRM_LIMIT = 16 * MIB
SNAPSHOT_LIMIT = 256 * MIB
ADMIN_LIMIT = 1 * MIB
OTHER_LIMIT = 8 * KIB
_SNAPSHOT = re.compile(r"^/_zcrm/orgs/[^/]+/snapshot/?$")


def limit_for(method: str, path: str) -> int:
    if path.startswith("/crm/"):
        return CRM_LIMIT
    if path.startswith("/oauth/"):
        return OAUTH_LIMIT
    if path.startswith("/_zcrm/"):
        return SNAPSHOT_LIMIT if method == "PUT" and _SNAPSHOT.match(path) else ADMIN_LIMIT
    return OTHER_LIMIT


def refusal(path: str, timed_out: bool) -> tuple[int, bytes]:
    """Status and body of a refused body, in the shape of the path's namespace."""
    status = 408 if timed_out else 413
    if path.startswith("/oauth/"):
        return status, bytes(json_response({"error": "invalid_request"}).body)
    if path.startswith("/_zcrm/"):
        code, message = (("BODY_TIMEOUT", "the body did not arrive in time") if timed_out
                         else ("BODY_TOO_LARGE", "the body is too large"))
        return status, bytes(json_response({"error": {"code": code, "message": message}}).body)
    return status, bytes(error_response(e.unable_to_parse()).body)


class _TooLarge(Exception):
    pass


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, timeout_seconds: float) -> None:
        self.app = app
        self.timeout = timeout_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = limit_for(scope["method"], path)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(send, path, timed_out=False)
            return
        try:
            async with asyncio.timeout(self.timeout):
                body, final = await _read(receive, limit)
        except _TooLarge:
            await _refuse(send, path, timed_out=False)
            return
        except TimeoutError:
            await _refuse(send, path, timed_out=True)
            return
        await self.app(scope, _replay(body, final, receive), send)


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            # The server already refused a malformed one; very long digits are over any limit.
            return int(value) if value.isdigit() and len(value) < 19 else 2**62
    return None


async def _read(receive: Receive, limit: int) -> tuple[bytes, Message | None]:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks), message  # the client went away: replayed to the app
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), None


def _replay(body: bytes, final: Message | None, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        if final is not None:
            return final
        return await receive()

    return replay


async def _refuse(send: Send, path: str, *, timed_out: bool) -> None:
    status, body = refusal(path, timed_out)
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json;charset=UTF-8"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})

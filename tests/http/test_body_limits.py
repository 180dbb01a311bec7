"""Body limits per endpoint, refused by Content-Length before reading, cut while streaming,
and timed out when slow (D-450)."""

from __future__ import annotations

import asyncio
import socket
import threading
import time

import orjson
import pytest
import uvicorn

from tests.live_server import free_port
from zcrm_local.config import Settings
from zcrm_local.http.app import create_app
from zcrm_local.http.body_limits import CRM_LIMIT, OAUTH_LIMIT

CRM_REFUSED = {"code": "UNABLE_TO_PARSE_DATA_TYPE", "details": {},
               "message": "either the request body or parameters is in wrong format", "status": "error"}
ADMIN_TOO_LARGE = {"error": {"code": "BODY_TOO_LARGE", "message": "the body is too large"}}


def _asgi(app, method: str, path: str, headers: list[tuple[bytes, bytes]], chunks: list[bytes]):
    """Run one request through the ASGI app; how many body chunks it pulled, and what it sent."""
    pulled = 0
    sent: list[dict] = []

    async def receive():
        nonlocal pulled
        if pulled < len(chunks):
            pulled += 1
            return {"type": "http.request", "body": chunks[pulled - 1], "more_body": pulled < len(chunks)}
        await asyncio.sleep(3600)

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "path": path,
             "raw_path": path.encode(), "query_string": b"", "headers": headers, "scheme": "http",
             "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 5000), "root_path": ""}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return pulled, start["status"], dict(start["headers"]), orjson.loads(body)


@pytest.mark.parametrize(("path", "limit", "answer"), [
    ("/oauth/v2/token", OAUTH_LIMIT, {"error": "invalid_request"}),
    ("/oauth/unknown/path", OAUTH_LIMIT, {"error": "invalid_request"}),
    ("/crm/v7/Services__s", CRM_LIMIT, CRM_REFUSED),
    ("/_zcrm/orgs", 1024 * 1024, ADMIN_TOO_LARGE),
])
def test_a_content_length_over_the_limit_is_refused_without_reading(app, path, limit, answer):
    headers = [(b"content-length", str(limit + 1).encode()), (b"content-type", b"application/x-www-form-urlencoded")]
    pulled, status, sent_headers, body = _asgi(app, "POST", path, headers, [b"x" * 1024] * 4)
    assert (pulled, status, body) == (0, 413, answer)
    assert sent_headers[b"connection"] == b"close"


@pytest.mark.parametrize(("path", "limit", "answer"), [
    ("/oauth/v2/token", OAUTH_LIMIT, {"error": "invalid_request"}),
    ("/crm/v7/Services__s", CRM_LIMIT, CRM_REFUSED),
])
def test_a_chunked_body_is_cut_at_the_limit(app, path, limit, answer):
    chunk = 1024 * 1024 if limit > OAUTH_LIMIT else 1024
    chunks = [b"x" * chunk] * (limit // chunk + 50)
    pulled, status, _, body = _asgi(app, "POST", path, [(b"transfer-encoding", b"chunked")], chunks)
    assert (status, body) == (413, answer)
    assert pulled == limit // chunk + 1  # not one chunk more than needed to pass the limit


def test_a_token_call_at_the_limit_is_still_answered(client, org):
    c = org.creds
    form = {"grant_type": "refresh_token", "client_id": c.client_id, "client_secret": c.client_secret,
            "refresh_token": c.refresh_token}
    r = client.post("/oauth/v2/token", data={**form, "pad": "p" * (OAUTH_LIMIT - 400)})
    assert r.status_code == 200 and "access_token" in r.json()
    r = client.post("/oauth/v2/token", data={**form, "pad": "p" * OAUTH_LIMIT})
    assert (r.status_code, r.json()) == (413, {"error": "invalid_request"})


def test_a_snapshot_import_may_be_larger_than_other_admin_bodies(app):
    headers = [(b"content-length", str(2 * 1024 * 1024).encode())]
    pulled, status, _, body = _asgi(app, "PUT", "/_zcrm/orgs/1/snapshot", headers, [b"x" * (2 * 1024 * 1024)])
    assert pulled == 1
    assert status == 401  # read in full, then refused for the missing admin key


@pytest.fixture
def live(database_url, database, clock):
    """The app under uvicorn on a real socket, with a 1-second body timeout."""
    port = free_port()
    settings = Settings(database_url=database_url, port=port, body_timeout_seconds=1.0)
    server = uvicorn.Server(uvicorn.Config(create_app(settings, clock=clock, db=database), host="127.0.0.1",
                                           port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield port
    server.should_exit = True
    thread.join(10)


def _stall(port: int, path: str, declared: int, sent: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 f"Content-Length: {declared}\r\n\r\n".encode() + b"a" * sent)
    return sock


def _answer(sock: socket.socket, seconds: float) -> bytes:
    sock.settimeout(seconds)
    data = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            return data + b"<still open>"
        if not chunk:
            return data  # closed by the server
        data += chunk


@pytest.mark.parametrize(("path", "shape"), [("/oauth/v2/token", b'{"error":"invalid_request"}'),
                                             ("/crm/v7/Services__s", b'"UNABLE_TO_PARSE_DATA_TYPE"')])
def test_stalled_uploads_are_answered_408_and_closed_after_the_timeout(live, path, shape):
    started = time.monotonic()
    socks = [_stall(live, path, 4000, 100) for _ in range(20)]
    for sock in socks:
        data = _answer(sock, 5)
        assert data.startswith(b"HTTP/1.1 408 "), data
        assert shape in data and data.endswith(b"}")  # then closed
        sock.close()
    assert 0.9 < time.monotonic() - started < 5


def test_an_oversized_content_length_is_answered_at_once_without_the_body(live):
    sock = _stall(live, "/oauth/v2/token", 16 * 1024 * 1024, 0)
    started = time.monotonic()
    data = _answer(sock, 5)
    sock.close()
    assert data.startswith(b"HTTP/1.1 413 ") and data.endswith(b'{"error":"invalid_request"}'), data
    assert time.monotonic() - started < 0.9  # before the body timeout: nothing was waited for

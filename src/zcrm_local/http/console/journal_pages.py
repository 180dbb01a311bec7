"""The request journal, live: a filtered table, new calls pushed as server-sent events, and
each call opened to its (secret-masked) request and response."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from zcrm_local.http.console.app import TEMPLATES, BASE, Console, page, secure
from zcrm_local.http.console.org_pages import org_id_of
from zcrm_local.http.harness.ops import path_id
from zcrm_local.service.harness import admin, journal
from zcrm_local.service.harness.admin import invalid
from zcrm_local.service.console import views

SHOWN = 100
POLL_SECONDS = 0.5
# A stream ends after this long; the browser's EventSource reconnects with Last-Event-ID, so
# nothing is lost and a server shutting down never waits on an open stream for long.
STREAM_SECONDS = 25.0


def _filters(request: Request) -> dict[str, Any]:
    q = request.query_params
    status = q.get("status", "").strip()
    if status and not status.isdigit():
        raise invalid("status: an HTTP status such as 400")
    return {"path": q.get("path", "").strip() or None, "status": int(status) if status else None,
            "code": q.get("code", "").strip() or None}


def _pretty(text: str) -> str:
    try:
        return orjson.dumps(orjson.loads(text), option=orjson.OPT_INDENT_2).decode()
    except orjson.JSONDecodeError:
        return text


async def journal_page(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)
    filters = _filters(request)

    def load() -> tuple[dict[str, Any], list[dict[str, Any]], int]:
        return (admin.get_org(console.backend, org_id),
                journal.entries(console.backend, org_id, limit=SHOWN, **filters),
                journal.size_of(console.backend, org_id))

    org, entries, size = await run_in_threadpool(load)
    last = max((int(e["id"]) for e in entries), default=0)
    return page(request, "journal.html", title="Request journal", org=org, entries=entries, size=size,
                filters=filters, last_id=last)


async def journal_stream(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)
    filters = _filters(request)
    raw = request.headers.get("last-event-id") or request.query_params.get("after_id", "0")
    after = int(raw) if raw.isdigit() else 0
    await run_in_threadpool(admin.org_row, console.backend, org_id)
    row_template = TEMPLATES.get_template("journal_row.html")

    async def events() -> AsyncIterator[bytes]:
        nonlocal after
        yield b"retry: 1000\n\n"
        ends = time.monotonic() + STREAM_SECONDS
        while time.monotonic() < ends and not await request.is_disconnected():
            found = await run_in_threadpool(journal.entries, console.backend, org_id, limit=SHOWN,
                                            after_id=after, **filters)
            for entry in reversed(found):
                after = max(after, int(entry["id"]))
                html = row_template.render(base=BASE, org_id=org_id, e=entry)
                data = "".join(f"data: {line}\n" for line in html.splitlines() or [""])
                yield f"id: {entry['id']}\nevent: entry\n{data}\n".encode()
            await asyncio.sleep(POLL_SECONDS)

    return secure(StreamingResponse(events(), media_type="text/event-stream",
                                    headers={"X-Accel-Buffering": "no"}))


async def journal_entry(console: Console, request: Request) -> Response:
    org_id = org_id_of(request)
    entry_id = path_id(request.path_params["entry_id"], "journal entry")

    def load() -> tuple[dict[str, Any], dict[str, Any] | None]:
        return admin.get_org(console.backend, org_id), views.journal_entry(console.backend, org_id, entry_id)

    org, entry = await run_in_threadpool(load)
    if entry is None:
        raise admin.not_found("journal entry")
    return page(request, "journal_entry.html", title=f"Call {entry_id}", org=org, e=entry,
                request_body=_pretty(entry["request"]["body"]), response_body=_pretty(entry["response"]["body"]))


_O = "/orgs/{org_id}"
PAGES = (
    ("GET", _O + "/journal", journal_page),
    ("GET", _O + "/journal/stream", journal_stream),
    ("GET", _O + "/journal/{entry_id}", journal_entry),
)

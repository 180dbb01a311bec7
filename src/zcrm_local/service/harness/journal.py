"""The request journal: an org's last N requests and answers, with timing.

Off by default (size 0). Bodies are kept up to ``BODY_LIMIT`` bytes each; secrets (access
tokens, client secrets, refresh tokens, grant codes) are masked before anything is stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from zcrm_local.service.backend import Backend
from zcrm_local.service.harness.admin import invalid, iso, org_row
from zcrm_local.service.harness.state import Harness
from zcrm_local.store.harness import state as store

MAX_SIZE = 10_000
MAX_LIST = 1_000
BODY_LIMIT = 64 * 1024
TRUNCATED = "…[truncated]"


def configure(backend: Backend, org_id: int, size: Any) -> dict[str, Any]:
    if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size <= MAX_SIZE:
        raise invalid(f"size: 0 (off) to {MAX_SIZE}")
    org_row(backend, org_id)
    with backend.db.write() as conn:
        store.put_harness(conn, org_id, journal_size=size)
        if size:
            store.prune_journal(conn, org_id, size)
        else:
            store.clear_journal(conn, org_id)
    return {"size": size}


def size_of(backend: Backend, org_id: int) -> int:
    org_row(backend, org_id)
    with backend.db.read() as conn:
        switches = store.get_harness(conn, org_id)
    return int(switches["journal_size"]) if switches else 0


def clear(backend: Backend, org_id: int) -> int:
    org_row(backend, org_id)
    with backend.db.write() as conn:
        return store.clear_journal(conn, org_id)


def record(harness: Harness, org_id: int, size: int, entry: dict[str, Any]) -> None:
    with harness.backend.db.write() as conn:
        store.insert_entry(conn, {"org_id": org_id, **entry})
        store.prune_journal(conn, org_id, size)


def clip(body: bytes) -> str:
    text = body[:BODY_LIMIT].decode("utf-8", errors="replace")
    return text + TRUNCATED if len(body) > BODY_LIMIT else text


def entry_info(row: Any) -> dict[str, Any]:
    return {
        "id": str(row["id"]),
        "at": iso(row["at"]),
        "method": row["method"],
        "path": row["path"],
        "query": row["query"],
        "status": row["status"],
        "code": row["code"],
        "duration_ms": row["duration_ms"],
        "harness": row["harness"],
        "request": {"headers": row["request_headers"], "body": row["request_body"]},
        "response": {"headers": row["response_headers"], "body": row["response_body"]},
    }


def entries(backend: Backend, org_id: int, *, limit: int = 100, method: str | None = None,
            path: str | None = None, status: int | None = None, code: str | None = None,
            since: datetime | None = None, after_id: int | None = None) -> list[dict[str, Any]]:
    """Newest first. ``path``: a glob (``*`` any run of characters)."""
    if not 1 <= limit <= MAX_LIST:
        raise invalid(f"limit: 1 to {MAX_LIST}")
    org_row(backend, org_id)
    like = None
    if path:
        like = path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("*", "%")
    with backend.db.read() as conn:
        rows = store.list_entries(conn, org_id, limit=limit, method=method.upper() if method else None,
                                  path_like=like, status=status, code=code, since=since, after_id=after_id)
    return [entry_info(r) for r in rows]

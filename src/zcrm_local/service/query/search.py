"""Search and count: the typed tree runs in the store, one statement per page."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.query.search import SearchParams
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.records.reads import Page, _users_for
from zcrm_local.store.query import rows as query_store


def search(backend: Backend, principal: Principal, module: str, params: SearchParams) -> Page:
    if params.approved_only_false:
        return Page([], False, {})
    with backend.db.read() as conn:
        rows = query_store.search(conn, principal.org_id, module, params.node, sort_by=params.sort_by,
                                  descending=params.descending, offset=params.offset, limit=params.per_page + 1)
        shown: list[dict[str, Any]] = [dict(r["data"]) for r in rows[: params.per_page]]
        users = _users_for(conn, principal.org_id, module, shown) if shown else {}
    return Page(shown, len(rows) > params.per_page, users)


def count(backend: Backend, principal: Principal, module: str, params: SearchParams) -> int:
    if params.approved_only_false:
        return 0
    with backend.db.read() as conn:
        return query_store.count(conn, principal.org_id, module, params.node)

"""Search and count: the typed tree runs in the store, one statement per page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.query.search import SearchParams, parse_search
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records.render import RenderContext, render_records
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


@dataclass(frozen=True)
class Found:
    params: SearchParams
    data: list[dict[str, Any]]
    more: bool


def run(backend: Backend, principal: Principal, spec: ModuleSpec, query: Mapping[str, str]) -> Found:
    """``GET /{module}/search`` after its header checks: the parameters checked in spec 50's
    order, the page found, its records rendered. The endpoint and the console both call this."""
    profile = backend.profile_of(principal.org)
    params = parse_search(query, spec, registry.get, profile, principal.time_zone)
    page = search(backend, principal, spec.api_name, params)
    ctx = RenderContext(users=page.users, time_zone=principal.time_zone,
                        currency_symbol=principal.org["currency_symbol"])
    return Found(params, render_records(spec, page.records, ctx, params.fields) if page.records else [], page.more)

"""COQL: check the statement against the catalogue, run it in the store, render its rows."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.query import coql as coql_rules
from zcrm_local.domain.query import coql_parse, coql_render
from zcrm_local.domain.records.modules import registry
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org.data import users_by_id
from zcrm_local.store.query import coql as coql_store


def run(backend: Backend, principal: Principal, text: str) -> tuple[list[dict[str, Any]], bool]:
    raw = coql_parse.parse(text)
    query = coql_rules.Checker(registry.resolve_path_module, registry.get).check(raw)
    with backend.db.read() as conn:
        rows = coql_store.run(conn, principal.org_id, query)
        shown = rows[: query.limit]
        user_ids = {int(v) for r in shown if "data" in r for v in _user_values(r["data"])}
        users = users_by_id(conn, principal.org_id, user_ids) if user_ids else {}
    data = coql_render.render(query, shown, users, principal.time_zone, registry.get)
    return data, len(rows) > query.limit


def _user_values(body: dict[str, Any]) -> list[str]:
    return [body[k] for k in ("Owner", "Created_By", "Modified_By") if body.get(k)]

"""Reads of the org's users (spec 12 §4) and their count (spec 40 §19.4)."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.users.render import render_user, user_filter
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.store.org import orgs as org_store


def list_users(backend: Backend, principal: Principal, type_param: str | None,
               ids: list[int] | None) -> list[dict[str, Any]]:
    keep = user_filter(type_param)
    with backend.db.read() as conn:
        rows = org_store.list_users(conn, principal.org_id, ids)
        admin = org_store.org_admin(conn, principal.org_id)
        names = _writer_names(conn, principal.org_id, rows)
    if type_param == "CurrentUser":
        rows = [r for r in rows if r["id"] == principal.user_id]
    return [_render(r, admin, principal, names) for r in rows if keep(r)]


def get_user(backend: Backend, principal: Principal, user_id: int) -> dict[str, Any] | None:
    with backend.db.read() as conn:
        row = org_store.get_user(conn, principal.org_id, user_id)
        admin = org_store.org_admin(conn, principal.org_id)
        names = _writer_names(conn, principal.org_id, [row] if row is not None else [])
    return _render(row, admin, principal, names) if row is not None else None


def _writer_names(conn: Any, org_id: int, rows: list[Any]) -> dict[int, str]:
    """Names of the users who created or last changed ``rows`` (only API-written users have any)."""
    wanted = {int(r[c]) for r in rows for c in ("created_by", "modified_by") if r.get(c) is not None}
    return {int(u["id"]): _name(u) for u in org_store.user_refs(conn, org_id, wanted)} if wanted else {}


def _render(row: Any, admin: Any, principal: Principal, names: dict[int, str] | None = None) -> dict[str, Any]:
    data = dict(row)
    for column, key in (("created_by", "created_by_ref"), ("modified_by", "modified_by_ref")):
        if row.get(column) is not None and names and int(row[column]) in names:
            data[key] = {"name": names[int(row[column])], "id": str(row[column])}
    data["admin_id"] = admin["id"] if admin else row["id"]
    data["admin_name"] = _name(admin or row)
    data["reporting_to_name"] = (
        f"{row['reporting_first']} {row['reporting_last']}".strip() if row["reporting_to"] else None
    )
    return render_user(data, tz=principal.time_zone)


def _name(row: Any) -> str:
    return f"{row['first_name']} {row['last_name']}" if row["first_name"] else str(row["last_name"])


def count_users(backend: Backend, principal: Principal, type_param: str | None) -> int:
    keep = user_filter(type_param)
    if type_param == "CurrentUser":
        return 1
    with backend.db.read() as conn:
        rows = org_store.list_users(conn, principal.org_id)
    return sum(1 for r in rows if keep(r))

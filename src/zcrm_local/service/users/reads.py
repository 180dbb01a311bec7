"""Reads of the org's users (spec 12 §4)."""

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
    if type_param == "CurrentUser":
        rows = [r for r in rows if r["id"] == principal.user_id]
    return [_render(r, admin, principal) for r in rows if keep(r)]


def get_user(backend: Backend, principal: Principal, user_id: int) -> dict[str, Any] | None:
    with backend.db.read() as conn:
        row = org_store.get_user(conn, principal.org_id, user_id)
        admin = org_store.org_admin(conn, principal.org_id)
    return _render(row, admin, principal) if row is not None else None


def _render(row: Any, admin: Any, principal: Principal) -> dict[str, Any]:
    data = dict(row)
    data["admin_id"] = admin["id"] if admin else row["id"]
    data["admin_name"] = _name(admin or row)
    data["reporting_to_name"] = (
        f"{row['reporting_first']} {row['reporting_last']}".strip() if row["reporting_to"] else None
    )
    return render_user(data, tz=principal.time_zone)


def _name(row: Any) -> str:
    return f"{row['first_name']} {row['last_name']}" if row["first_name"] else str(row["last_name"])

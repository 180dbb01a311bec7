"""GET /settings/roles and /settings/profiles, list and by id (spec 40 §19.5)."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.errors import invalid_path_id
from zcrm_local.domain.users.roles_profiles import render_profile, render_role
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.store.org import orgs as org_store


def list_roles(backend: Backend, principal: Principal) -> list[dict[str, Any]]:
    with backend.db.read() as conn:
        rows = org_store.list_roles(conn, principal.org_id)
    names = {int(r["id"]): r["name"] for r in rows}
    return [render_role(r, names) for r in rows]


def get_role(backend: Backend, principal: Principal, role_id: int) -> dict[str, Any]:
    found = [r for r in list_roles(backend, principal) if r["id"] == str(role_id)]
    if not found:
        raise invalid_path_id(2)
    return found[0]


def list_profiles(backend: Backend, principal: Principal) -> list[dict[str, Any]]:
    with backend.db.read() as conn:
        rows = org_store.list_profiles(conn, principal.org_id)
    return [render_profile(r, principal.org, tz=principal.time_zone) for r in rows]


def get_profile(backend: Backend, principal: Principal, profile_id: int) -> dict[str, Any]:
    found = [p for p in list_profiles(backend, principal) if p["id"] == str(profile_id)]
    if not found:
        raise invalid_path_id(2)
    return found[0]

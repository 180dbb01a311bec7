"""POST/PUT/DELETE /users, the users count, roles and profiles (spec 40 §19).

Item refusals come back as ``UserOutcome`` with the error; request-level ones are raised.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from zcrm_local.domain import user_writes as rules
from zcrm_local.domain.errors import ZohoError, invalid_path_id
from zcrm_local.domain.roles_profiles import render_profile, render_role
from zcrm_local.domain.users import user_filter
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.store import orgs as org_store


@dataclass(frozen=True)
class UserOutcome:
    """One item's answer: a success (message, details) or a refusal."""

    message: str = ""
    details: Mapping[str, Any] | None = None
    error: ZohoError | None = None


def _people(conn: Any, org_id: int) -> rules.OrgPeople:
    rows = org_store.list_users(conn, org_id)
    admin = org_store.org_admin(conn, org_id)
    return rules.OrgPeople(
        users={int(r["id"]): _row(r) for r in rows},
        role_ids=frozenset(int(r["id"]) for r in org_store.list_roles(conn, org_id)),
        profile_ids=frozenset(int(r["id"]) for r in org_store.list_profiles(conn, org_id)),
        # The primary contact is the org's first active administrator (D-545).
        primary_contact=int(admin["id"]) if admin else None,
    )


def _row(r: Any) -> rules.UserRow:
    return rules.UserRow(int(r["id"]), str(r["email"]), str(r["status"]), bool(r["confirm"]))


def _caller(principal: Principal) -> rules.Caller:
    return rules.Caller(principal.user_id, principal.is_admin)


def create_user(backend: Backend, principal: Principal, item: Mapping[str, Any]) -> UserOutcome:
    org_id = principal.org_id
    (new_id,) = backend.ids.lease(org_id, 1)
    with backend.db.write() as conn:
        org_store.lock_users(conn, org_id)
        try:
            plan = rules.plan_create(item, _people(conn, org_id))
        except ZohoError as refusal:
            return UserOutcome(error=refusal)
        org = org_store.get_org(conn, org_id)
        now = backend.org_now(org)
        org_store.insert_users(conn, [{
            "id": new_id, "org_id": org_id, "first_name": plan.first_name, "last_name": plan.last_name,
            "email": plan.email, "status": "active", "confirm": False, "role_id": plan.role_id,
            "profile_id": plan.profile_id, "reporting_to": plan.reporting_to,
            "time_zone": plan.settings.pop("time_zone", None) or org["time_zone"],
            "locale": plan.settings.get("locale") or "en_US",
            "zuid": f"{org['prefix']}{new_id - int(org['prefix']) * 10**12}",
            "created_time": now, "modified_time": now, "extra": plan.settings or None,
            "created_by": principal.user_id, "modified_by": principal.user_id,
        }])
    return UserOutcome(rules.ADDED, {"id": str(new_id)})


def update_user(backend: Backend, principal: Principal, user_id: int, item: Mapping[str, Any],
                *, from_path: bool) -> UserOutcome:
    org_id = principal.org_id
    with backend.db.write() as conn:
        org_store.lock_users(conn, org_id)
        row = org_store.get_user(conn, org_id, user_id)
        if row is None:
            if from_path:
                raise invalid_path_id(1)
            return UserOutcome(error=ZohoError("INVALID_DATA", "the id given seems to be invalid",
                                               {"api_name": "id", "json_path": "$.users[0].id"}))
        org = org_store.get_org(conn, org_id)
        try:
            changes = rules.plan_update(item, _row(row), _people(conn, org_id), _caller(principal),
                                        backend.profile_of(org))
        except ZohoError as refusal:
            return UserOutcome(error=refusal)
        extra = changes.pop("extra")
        if extra:
            changes["extra"] = {**(row["extra"] or {}), **extra}
        changes["modified_time"] = backend.org_now(org)
        changes["modified_by"] = principal.user_id
        org_store.update_user(conn, org_id, user_id, changes)
    return UserOutcome(rules.UPDATED, {"id": str(user_id)})


def delete_user(backend: Backend, principal: Principal, user_id: int) -> UserOutcome:
    org_id = principal.org_id
    with backend.db.write() as conn:
        org_store.lock_users(conn, org_id)
        row = org_store.get_user(conn, org_id, user_id)
        if row is None:
            raise invalid_path_id(1)
        org = org_store.get_org(conn, org_id)
        try:
            rules.check_delete(_row(row), _people(conn, org_id), _caller(principal))
        except ZohoError as refusal:
            return UserOutcome(error=refusal)
        org_store.update_user(conn, org_id, user_id, {"status": "deleted", "modified_time": backend.org_now(org),
                                                      "modified_by": principal.user_id})
        # A deleted user leaves every territory; records keep their Owner (spec 40 §19.3, 21 §1).
        org_store.drop_territory_memberships(conn, org_id, user_id)
    return UserOutcome(rules.DELETED, rules.delete_details(user_id, backend.profile_of(principal.org)))


def count_users(backend: Backend, principal: Principal, type_param: str | None) -> int:
    keep = user_filter(type_param)
    if type_param == "CurrentUser":
        return 1
    with backend.db.read() as conn:
        rows = org_store.list_users(conn, principal.org_id)
    return sum(1 for r in rows if keep(r))


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


def confirm_user(backend: Backend, org_id: int, user_id: int) -> bool:
    """The admin hook standing in for the invitee accepting the invitation (spec 40 §19.1).
    False when the org has no such user, or it is deleted."""
    with backend.db.write() as conn:
        row = org_store.get_user(conn, org_id, user_id)
        if row is None or row["status"] == "deleted":
            return False
        org_store.update_user(conn, org_id, user_id, {"confirm": True})
    return True

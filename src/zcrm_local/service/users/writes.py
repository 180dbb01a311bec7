"""POST/PUT/DELETE /users (spec 40 §19.1–§19.3) through the one write pipeline.

Each write is one item (``{"users":[{…}]}`` holds exactly one) run by
``service/pipeline.run_items`` under the org's users lock: its answer is an outcome
(``Success`` or the item's ``ZohoError``). Request-level refusals (an unknown id in the URL)
are raised before the item runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.errors import invalid_path_id
from zcrm_local.domain.outcomes import Outcome
from zcrm_local.domain.users import writes as rules
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.pipeline import NewId, Transaction, run_items
from zcrm_local.store.org import orgs as org_store


@dataclass(frozen=True)
class _Context:
    """What the rules need, read under the users lock."""

    org: Any
    now: datetime
    people: rules.OrgPeople
    target: Any  # the stored user an update or delete names; None for a create or an unknown id


def _people(conn: sa.Connection, org_id: int) -> rules.OrgPeople:
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


def _locked(backend: Backend, org_id: int, target_id: int | None, *, missing_is_request_error: bool) -> Transaction:
    """The pipeline's transaction: the org's users lock (email uniqueness and the licence count
    hold across writers), then the org's people and the target user read under it."""

    def transaction(run: Any) -> Any:
        def attempt(conn: sa.Connection) -> Any:
            org_store.lock_users(conn, org_id)
            target = org_store.get_user(conn, org_id, target_id) if target_id is not None else None
            if target_id is not None and target is None and missing_is_request_error:
                raise invalid_path_id(1)
            org = org_store.get_org(conn, org_id)
            return run(conn, _Context(org, backend.org_now(org), _people(conn, org_id), target))

        return backend.db.write_retrying(attempt)

    return transaction


class _CreateStep:
    def __init__(self, conn: sa.Connection, ctx: _Context, principal: Principal) -> None:
        self.conn, self.ctx, self.principal = conn, ctx, principal

    def apply(self, index: int, item: Mapping[str, Any], new_id: NewId) -> Outcome:
        plan = rules.plan_create(item, self.ctx.people)
        org, now, user_id = self.ctx.org, self.ctx.now, new_id()
        settings = dict(plan.settings)
        org_store.insert_users(self.conn, [{
            "id": user_id, "org_id": org["id"], "first_name": plan.first_name, "last_name": plan.last_name,
            "email": plan.email, "status": "active", "confirm": False, "role_id": plan.role_id,
            "profile_id": plan.profile_id, "reporting_to": plan.reporting_to,
            "time_zone": settings.pop("time_zone", None) or org["time_zone"],
            "locale": settings.get("locale") or "en_US",
            "zuid": f"{org['prefix']}{user_id - int(org['prefix']) * 10**12}",
            "created_time": now, "modified_time": now, "extra": settings or None,
            "created_by": self.principal.user_id, "modified_by": self.principal.user_id,
        }])
        return rules.added(user_id)

    def finish(self) -> None:
        pass


class _UpdateStep:
    def __init__(self, conn: sa.Connection, ctx: _Context, backend: Backend, principal: Principal) -> None:
        self.conn, self.ctx, self.backend, self.principal = conn, ctx, backend, principal

    def apply(self, index: int, item: Mapping[str, Any], new_id: NewId) -> Outcome:
        row = self.ctx.target
        if row is None:
            raise rules.unknown_user()
        changes = rules.plan_update(item, _row(row), self.ctx.people, _caller(self.principal),
                                    self.backend.profile_of(self.ctx.org))
        extra = changes.pop("extra")
        if extra:
            changes["extra"] = {**(row["extra"] or {}), **extra}
        changes["modified_time"] = self.ctx.now
        changes["modified_by"] = self.principal.user_id
        org_store.update_user(self.conn, self.principal.org_id, int(row["id"]), changes)
        return rules.updated(int(row["id"]))

    def finish(self) -> None:
        pass


class _DeleteStep:
    def __init__(self, conn: sa.Connection, ctx: _Context, backend: Backend, principal: Principal) -> None:
        self.conn, self.ctx, self.backend, self.principal = conn, ctx, backend, principal

    def apply(self, index: int, user_id: int, new_id: NewId) -> Outcome:
        rules.check_delete(_row(self.ctx.target), self.ctx.people, _caller(self.principal))
        org_id = self.principal.org_id
        org_store.update_user(self.conn, org_id, user_id, {"status": "deleted", "modified_time": self.ctx.now,
                                                           "modified_by": self.principal.user_id})
        # A deleted user leaves every territory; records keep their Owner (spec 40 §19.3, 21 §1).
        org_store.drop_territory_memberships(self.conn, org_id, user_id)
        return rules.deleted(user_id, self.backend.profile_of(self.ctx.org))

    def finish(self) -> None:
        pass


def _one(outcomes: list[Any]) -> Outcome:
    (outcome,) = outcomes
    return outcome  # type: ignore[no-any-return]


def create_user(backend: Backend, principal: Principal, item: Mapping[str, Any]) -> Outcome:
    return _one(run_items(backend, principal, [item], lambda conn, ctx: _CreateStep(conn, ctx, principal),
                          ids_needed=1,
                          transaction=_locked(backend, principal.org_id, None, missing_is_request_error=False)).items)


def update_user(backend: Backend, principal: Principal, user_id: int, item: Mapping[str, Any],
                *, from_path: bool) -> Outcome:
    """An unknown id answers request-level when it came in the URL, as the item's refusal when
    it came in the body (spec 40 §19.2)."""
    return _one(run_items(backend, principal, [item], lambda conn, ctx: _UpdateStep(conn, ctx, backend, principal),
                          transaction=_locked(backend, principal.org_id, user_id,
                                              missing_is_request_error=from_path)).items)


def delete_user(backend: Backend, principal: Principal, user_id: int) -> Outcome:
    return _one(run_items(backend, principal, [user_id], lambda conn, ctx: _DeleteStep(conn, ctx, backend, principal),
                          transaction=_locked(backend, principal.org_id, user_id,
                                              missing_is_request_error=True)).items)


def confirm_user(backend: Backend, org_id: int, user_id: int) -> bool:
    """The admin hook standing in for the invitee accepting the invitation (spec 40 §19.1).
    False when the org has no such user, or it is deleted."""
    with backend.db.write() as conn:
        row = org_store.get_user(conn, org_id, user_id)
        if row is None or row["status"] == "deleted":
            return False
        org_store.update_user(conn, org_id, user_id, {"confirm": True})
    return True


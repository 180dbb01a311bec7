"""Admin test hooks: lock a record, hold an org's territory jobs pending (spec 21 §10–§11,
OQ-23), confirm a user's invitation (spec 40 §19.1). Routed by the admin API with the other ``AdminOp``s."""

from __future__ import annotations

from typing import Any

from zcrm_local.http.harness.ops import AdminCall, AdminOp, path_id
from zcrm_local.service.harness import admin, record_hooks
from zcrm_local.service.users import writes as users


def _locks(call: AdminCall) -> tuple[int, Any]:
    return 200, {"record_locks": record_hooks.list_locks(call.backend, call.org_id)}


def _lock(call: AdminCall) -> tuple[int, Any]:
    p = call.params
    return 200, {"record_lock": record_hooks.lock(call.backend, call.org_id, p["module"], p["record_id"])}


def _unlock(call: AdminCall) -> tuple[int, Any]:
    p = call.params
    record_hooks.unlock(call.backend, call.org_id, p["module"], p["record_id"])
    return 204, None


def _jobs_show(call: AdminCall) -> tuple[int, Any]:
    return 200, {"territory_jobs": record_hooks.territory_jobs(call.backend, call.org_id)}


def _jobs_set(call: AdminCall) -> tuple[int, Any]:
    shown = record_hooks.hold_territory_jobs(call.backend, call.org_id, call.obj().get("held"))
    return 200, {"territory_jobs": shown}


def _confirm_user(call: AdminCall) -> tuple[int, Any]:
    if not users.confirm_user(call.backend, call.org_id, path_id(call.params["user_id"], "user")):
        raise admin.not_found("user")
    return 204, None


_O = "/orgs/{org_id}"

HOOK_OPS: tuple[AdminOp, ...] = (
    AdminOp("GET", _O + "/record_locks", _locks, "Locked records"),
    AdminOp("PUT", _O + "/record_locks/{module}/{record_id}", _lock,
            "Lock a record: territory assign/remove answer RECORD_LOCKED for it"),
    AdminOp("DELETE", _O + "/record_locks/{module}/{record_id}", _unlock, "Unlock a record"),
    AdminOp("GET", _O + "/territory_jobs", _jobs_show, "Whether territory jobs are held, and the pending ones"),
    AdminOp("PUT", _O + "/territory_jobs", _jobs_set,
            "Hold territory jobs pending (ALREADY_SCHEDULED on a record with one), or release them all",
            {"type": "object", "required": ["held"], "properties": {"held": {"type": "boolean"}}}),
    AdminOp("POST", _O + "/users/{user_id}/confirm", _confirm_user,
            "Accept a user's invitation: a user added through POST /users starts unconfirmed"),
)

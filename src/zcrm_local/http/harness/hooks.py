"""Admin test hooks on records: lock a record, hold an org's territory jobs pending (spec 21
§10–§11, OQ-23). Routed by the admin API with the other ``AdminOp``s."""

from __future__ import annotations

from typing import Any

from zcrm_local.http.harness.ops import AdminCall, AdminOp
from zcrm_local.service.harness import record_hooks


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
)

"""Fault rules: answer matching requests with a given Zoho error or HTTP status, or delay them.

A rule matches an HTTP method (or ``*``) and a glob over the path; it fires with a probability,
a limited number of times or forever. Rules are tried in the order they were added; the first
that matches and fires decides.
"""

from __future__ import annotations

import fnmatch
import random
from dataclasses import dataclass
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.service.backend import Backend
from zcrm_local.service.harness.admin import iso, invalid, not_found, org_row
from zcrm_local.service.harness.state import FaultRule, Harness
from zcrm_local.store.harness import state as store

METHODS = ("*", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
MAX_LATENCY_MS = 120_000
_ACTION_KEYS = ("error", "message", "details", "status", "body", "latency_ms")

# Default messages for codes given without one: the catalogue's exact wording.
MESSAGES: dict[str, str] = {
    code: getattr(e, "MSG_" + code) for code in e.STATUS_BY_CODE if hasattr(e, "MSG_" + code)
}
MESSAGES[e.ErrorCode.UNABLE_TO_PARSE_DATA_TYPE] = e.MSG_UNABLE_TO_PARSE


@dataclass(frozen=True)
class Injected:
    """What a fired rule does: wait ``latency_ms``, then answer ``error`` or ``status``/``body``
    (or, with neither, let the request through)."""

    rule_id: int
    latency_ms: int
    error: e.ZohoError | None
    status: int | None
    body: Any


def _validate(spec: Any) -> dict[str, Any]:
    if not isinstance(spec, dict):
        raise invalid("a fault rule is a JSON object")
    unknown = sorted(set(spec) - {"method", "path", "probability", "count", *_ACTION_KEYS})
    if unknown:
        raise invalid(f"unknown keys: {', '.join(unknown)}")
    method = spec.get("method", "*")
    if not isinstance(method, str) or method.upper() not in METHODS:
        raise invalid(f"method: one of {', '.join(METHODS)}")
    path = spec.get("path", "*")
    if not isinstance(path, str) or not path or len(path) > 500:
        raise invalid("path: a glob over the request path, e.g. /crm/v7/Services__s*")
    probability = spec.get("probability", 1.0)
    if isinstance(probability, bool) or not isinstance(probability, int | float) or not 0 <= probability <= 1:
        raise invalid("probability: a number from 0 to 1")
    count = spec.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise invalid("count: a positive integer, or null for no limit")
    action = {k: spec[k] for k in _ACTION_KEYS if k in spec}
    error, status = action.get("error"), action.get("status")
    if error is None and status is None and "latency_ms" not in action:
        raise invalid("a fault needs error, status or latency_ms")
    if error is not None:
        if not isinstance(error, str) or not error:
            raise invalid("error: a Zoho error code such as INTERNAL_ERROR")
        message = action.get("message", MESSAGES.get(error))
        if not isinstance(message, str):
            raise invalid(f"message: {error} has no catalogue message; give one")
        action["message"] = message
        if not isinstance(action.get("details", {}), dict):
            raise invalid("details: a JSON object")
    elif "message" in action or "details" in action:
        raise invalid("message and details go with error")
    if status is not None and (isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599):
        raise invalid("status: an HTTP status from 100 to 599")
    if "body" in action and error is not None:
        raise invalid("body goes with status, not with error (the error has Zoho's body)")
    latency = action.get("latency_ms", 0)
    if isinstance(latency, bool) or not isinstance(latency, int | float) or not 0 <= latency <= MAX_LATENCY_MS:
        raise invalid(f"latency_ms: 0 to {MAX_LATENCY_MS}")
    return {"method": method.upper(), "path": path, "action": action, "probability": float(probability),
            "remaining": count}


def rule_info(row: Any) -> dict[str, Any]:
    return {"id": str(row["id"]), "method": row["method"], "path": row["path"], **row["action"],
            "probability": row["probability"], "remaining": row["remaining"], "fired": row["fired"],
            "created_time": iso(row["created_time"])}


def add(backend: Backend, org_id: int, spec: Any) -> dict[str, Any]:
    fields = _validate(spec)
    org_row(backend, org_id)
    (rule_id,) = backend.ids.lease(org_id, 1)
    with backend.db.write() as conn:
        store.insert_fault(conn, {"id": rule_id, "org_id": org_id, "fired": 0,
                                  "created_time": backend.clock.now(), **fields})
        row = store.get_fault(conn, org_id, rule_id)
    return rule_info(row)


def list_rules(backend: Backend, org_id: int) -> list[dict[str, Any]]:
    org_row(backend, org_id)
    with backend.db.read() as conn:
        return [rule_info(r) for r in store.list_faults(conn, org_id)]


def delete(backend: Backend, org_id: int, rule_id: int) -> None:
    with backend.db.write() as conn:
        if not store.delete_fault(conn, org_id, rule_id):
            raise not_found("fault rule")


def clear(backend: Backend, org_id: int) -> int:
    org_row(backend, org_id)
    with backend.db.write() as conn:
        return store.delete_faults(conn, org_id)


def matches(rule: FaultRule, method: str, path: str) -> bool:
    return rule.method in ("*", method) and fnmatch.fnmatchcase(path, rule.path)


def pick(harness: Harness, org_id: int, method: str, path: str, rng: random.Random | None = None) -> Injected | None:
    roll = (rng or random).random
    for rule in harness.settings(org_id).faults:
        if not matches(rule, method, path):
            continue
        if rule.probability < 1 and roll() >= rule.probability:
            continue
        with harness.backend.db.write() as conn:
            spent = store.spend_fault(conn, rule.id)
        if rule.remaining is not None:
            harness.invalidate(org_id)
        if not spent:
            continue
        action = rule.action
        error = None
        if action.get("error"):
            error = e.ZohoError(action["error"], action["message"], dict(action.get("details", {})),
                                action.get("status") or 0)
        return Injected(rule.id, int(action.get("latency_ms", 0)), error,
                        None if error else action.get("status"), action.get("body"))
    return None

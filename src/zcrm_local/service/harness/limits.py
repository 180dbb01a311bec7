"""API limits emulation (spec conventions §12): credits per rolling 24 hours and a cap on
concurrent calls, per org; exceeding either answers TOO_MANY_REQUESTS 429.

Off by default. Each /crm call costs one credit. The window follows the org's clock, so
advancing it by a day gives the credits back. Concurrency is counted per org (Zoho counts per
app and user; one test org is usually one app and one user).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.service.backend import Backend
from zcrm_local.service.harness.admin import invalid, org_row
from zcrm_local.service.harness.state import Harness
from zcrm_local.store.harness import state as store
from zcrm_local.store.org import orgs as org_store

WINDOW = timedelta(hours=24)
# A call still "in flight" after this long belonged to a process that died.
STALE = timedelta(minutes=10)
CREDITS_PER_CALL = 1


@dataclass(frozen=True)
class Edition:
    base: int
    per_licence: int
    cap: int | None  # None: no maximum
    concurrency: int


# Kaizen #93, as summarised in spec conventions §12. Free has a flat allowance.
EDITIONS: dict[str, Edition] = {
    "free": Edition(5_000, 0, 5_000, 5),
    "standard": Edition(50_000, 250, 100_000, 10),
    "professional": Edition(50_000, 500, 1_000_000, 15),
    "enterprise": Edition(50_000, 1_000, 2_000_000, 20),
    "ultimate": Edition(50_000, 2_000, None, 25),
}


def edition_credits(edition: str, licences: int) -> int:
    rule = EDITIONS[edition]
    total = rule.base + rule.per_licence * licences
    return total if rule.cap is None else min(total, rule.cap)


def effective(config: dict[str, Any]) -> tuple[int | None, int | None]:
    """(credits per 24 h, concurrency cap) of a stored configuration; None is no limit."""
    edition = config.get("edition")
    credits = config.get("credits")
    concurrency = config.get("concurrency")
    if edition is not None:
        if credits is None:
            credits = edition_credits(edition, config.get("licences", 1))
        if concurrency is None:
            concurrency = EDITIONS[edition].concurrency
    return credits, concurrency


def _positive(spec: dict[str, Any], key: str, minimum: int) -> int | None:
    value = spec.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise invalid(f"{key}: an integer of at least {minimum}, or null")
    return value


def _validate(spec: Any) -> dict[str, Any]:
    if not isinstance(spec, dict):
        raise invalid("limits are a JSON object")
    unknown = sorted(set(spec) - {"edition", "licences", "credits", "concurrency"})
    if unknown:
        raise invalid(f"unknown keys: {', '.join(unknown)}")
    edition = spec.get("edition")
    if edition is not None and edition not in EDITIONS:
        raise invalid(f"edition: one of {', '.join(EDITIONS)}")
    config = {"edition": edition, "licences": _positive(spec, "licences", 0) if edition else None,
              "credits": _positive(spec, "credits", 0), "concurrency": _positive(spec, "concurrency", 1)}
    if config["licences"] is None and edition:
        config["licences"] = 1
    if edition is None and config["credits"] is None and config["concurrency"] is None:
        raise invalid("give an edition, credits or concurrency")
    return config


def show(backend: Backend, org_id: int) -> dict[str, Any]:
    org = org_row(backend, org_id)
    with backend.db.read() as conn:
        switches = store.get_harness(conn, org_id)
        config = switches["limits"] if switches else None
        now = backend.org_now(org)
        used = store.credits_since(conn, org_id, now - WINDOW)
        in_flight = store.count_inflight(conn, org_id, backend.clock.now() - STALE)
    if config is None:
        return {"enabled": False, "credits_used": used, "in_flight": in_flight}
    credits, concurrency = effective(config)
    return {"enabled": True, **config, "credits_per_day": credits, "concurrency_cap": concurrency,
            "credits_used": used,
            "credits_remaining": None if credits is None else max(credits - used, 0),
            "in_flight": in_flight}


def configure(backend: Backend, org_id: int, spec: Any) -> dict[str, Any]:
    config = _validate(spec)
    org_row(backend, org_id)
    with backend.db.write() as conn:
        store.put_harness(conn, org_id, limits=config)
    return show(backend, org_id)


def switch_off(backend: Backend, org_id: int) -> dict[str, Any]:
    """No limits, and the usage counted so far forgotten."""
    org_row(backend, org_id)
    with backend.db.write() as conn:
        store.put_harness(conn, org_id, limits=None)
        store.delete_usage(conn, org_id)
    return show(backend, org_id)


def admit(harness: Harness, org_id: int, config: dict[str, Any]) -> str | None:
    """Count one call, or raise TOO_MANY_REQUESTS. Returns the in-flight ticket to release."""
    backend = harness.backend
    credits, concurrency = effective(config)
    ticket = uuid.uuid4().hex if concurrency is not None else None
    with backend.db.write() as conn:
        # One writer per org at a time decides, so processes cannot both take the last credit.
        org_store.lock_org(conn, org_id)
        org = org_store.get_org(conn, org_id)
        if org is None:
            return None
        now: datetime = backend.org_now(org)
        server_now = backend.clock.now()
        if concurrency is not None:
            store.prune_inflight(conn, org_id, server_now - STALE)
            if store.count_inflight(conn, org_id, server_now - STALE) >= concurrency:
                raise too_many_requests()
        if credits is not None:
            store.prune_usage(conn, org_id, now - WINDOW - WINDOW)
            if store.credits_since(conn, org_id, now - WINDOW) + CREDITS_PER_CALL > credits:
                raise too_many_requests()
        store.insert_usage(conn, uuid.uuid4().hex, org_id, now, CREDITS_PER_CALL)
        if ticket is not None:
            store.insert_inflight(conn, ticket, org_id, server_now)
    return ticket


def release(harness: Harness, ticket: str | None) -> None:
    if ticket is None:
        return
    with harness.backend.db.write() as conn:
        store.delete_inflight(conn, ticket)


def too_many_requests() -> e.ZohoError:
    return e.ZohoError(e.ErrorCode.TOO_MANY_REQUESTS, e.MSG_TOO_MANY_REQUESTS, {})

"""An org's clock: freeze it, set it, advance it, let it run again.

The org's "now" (``Backend.org_now``) is either a frozen instant or the server clock shifted by
an offset; every time-dependent rule and token expiry reads it, so they follow these moves.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from zcrm_local.service.backend import Backend
from zcrm_local.service.harness.admin import clock_info, invalid, not_found
from zcrm_local.store.org import orgs as org_store

_MAX_SECONDS = 100 * 366 * 86_400


def _us(delta: timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def parse_instant(value: Any, name: str = "at") -> datetime:
    """ISO 8601 with an offset (``2026-11-23T10:00:00+05:30`` or ``…Z``)."""
    if not isinstance(value, str):
        raise invalid(f"{name}: an ISO 8601 date-time with an offset")
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise invalid(f"{name}: an ISO 8601 date-time with an offset") from None
    if at.tzinfo is None:
        raise invalid(f"{name}: the date-time needs an offset (e.g. +00:00)")
    return at


def _change(backend: Backend, org_id: int, move: Any) -> dict[str, Any]:
    with backend.db.write() as conn:
        org = org_store.get_org(conn, org_id)
        if org is None:
            raise not_found("org")
        server_now = backend.clock.now()
        frozen_at, offset_us = move(org, server_now)
        org_store.update_org(conn, org_id, clock_frozen_at=frozen_at, clock_offset_us=offset_us)
        org = org_store.get_org(conn, org_id)
    return clock_info(backend, org)


def show(backend: Backend, org_id: int) -> dict[str, Any]:
    with backend.db.read() as conn:
        org = org_store.get_org(conn, org_id)
    if org is None:
        raise not_found("org")
    return clock_info(backend, org)


def freeze(backend: Backend, org_id: int, at: datetime | None = None) -> dict[str, Any]:
    """Stop the org's time at ``at``, or at its current now."""
    return _change(backend, org_id, lambda org, _: (at or backend.org_now(org), org["clock_offset_us"]))


def set_time(backend: Backend, org_id: int, at: datetime) -> dict[str, Any]:
    """Make the org's now ``at``; a frozen clock stays frozen there, a running one runs on from it."""
    def move(org: Any, server_now: datetime) -> tuple[datetime | None, int]:
        if org["clock_frozen_at"] is not None:
            return at, org["clock_offset_us"]
        return None, _us(at - server_now)

    return _change(backend, org_id, move)


def advance(backend: Backend, org_id: int, seconds: float) -> dict[str, Any]:
    """Move the org's time by ``seconds`` (negative moves it back)."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or abs(seconds) > _MAX_SECONDS:
        raise invalid("seconds: a number of seconds, at most 100 years either way")
    delta = timedelta(seconds=seconds)

    def move(org: Any, _: datetime) -> tuple[datetime | None, int]:
        if org["clock_frozen_at"] is not None:
            return org["clock_frozen_at"] + delta, org["clock_offset_us"]
        return None, org["clock_offset_us"] + _us(delta)

    return _change(backend, org_id, move)


def resume(backend: Backend, org_id: int) -> dict[str, Any]:
    """Let a frozen clock run again from the instant it shows."""
    def move(org: Any, server_now: datetime) -> tuple[datetime | None, int]:
        if org["clock_frozen_at"] is None:
            return None, org["clock_offset_us"]
        return None, _us(org["clock_frozen_at"] - server_now)

    return _change(backend, org_id, move)


def reset(backend: Backend, org_id: int) -> dict[str, Any]:
    """Back to the server's clock."""
    return _change(backend, org_id, lambda org, _: (None, 0))

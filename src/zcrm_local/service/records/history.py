"""Reads of what happened to records: deleted records (§13), the recycle bin (§16), the
timeline (§14); and the recycle bin's permanent delete."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.errors import MSG_INVALID_ID, ErrorCode, ZohoError
from zcrm_local.domain.metadata import scoped_id
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records import capabilities, change_log, deleted as rules, timeline
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.domain.records.values import format_datetime, parse_id
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org.data import users_by_id
from zcrm_local.service.pipeline import Changed, NewId, run_items
from zcrm_local.store.records import change_log as log_store
from zcrm_local.store.records import rows as record_store
from zcrm_local.store.records import recycle_bin


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    more: bool


def _live(entries: Sequence[Any], now: datetime) -> list[tuple[Any, rules.Kind]]:
    out = []
    for entry in entries:
        kind = rules.kind_of(entry, now)
        if kind is not None:
            out.append((entry, kind))
    return out


def deleted(backend: Backend, principal: Principal, module: str, kind: str, page: int, per_page: int,
            since: datetime | None) -> Page:
    now = backend.org_now(principal.org)
    tz = _tz(principal)
    with backend.db.read() as conn:
        entries = _live(recycle_bin.entries(conn, principal.org_id, module), now)
        users = users_by_id(conn, principal.org_id)
    chosen = [(e, k) for e, k in entries if (kind == "all" or k == kind)
              and (since is None or e["deleted_time"] > since)]
    start = (page - 1) * per_page
    window = chosen[start:start + per_page]
    return Page([rules.deleted_entry(e, k, users, tz) for e, k in window], len(chosen) > start + per_page)


def _tz(principal: Principal) -> str:
    return principal.time_zone


def _module_id(principal: Principal, module: str) -> str:
    spec = registry.get(module)
    return scoped_id(int(principal.org["prefix"]), spec.id_suffix) if spec else ""


def bin_entries(backend: Backend, principal: Principal, ids: list[int] | None,
                filters: list[rules.Condition], sort_by: str, descending: bool) -> list[dict[str, Any]]:
    """Entries still in the recycle bin (not permanent), filtered and sorted."""
    now = backend.org_now(principal.org)
    tz = _tz(principal)
    with backend.db.read() as conn:
        entries = [e for e, k in _live(recycle_bin.entries(conn, principal.org_id, ids=ids), now)
                   if k == "recycle"]
        users = users_by_id(conn, principal.org_id)
    shown = [e for e in entries if rules.matches(filters, e, users, format_datetime(e["deleted_time"], tz))]

    def key(e: Any) -> Any:
        if sort_by == "display_name":
            return ((e["display_name"] or "").lower(), e["id"])
        if sort_by == "deleted_by":
            user = users.get(int(e["deleted_by"])) if e["deleted_by"] is not None else None
            return ((user.name if user else "").lower(), e["id"])
        return (e["deleted_time"], e["id"])

    shown.sort(key=key, reverse=descending)
    return [rules.bin_entry(e, _module_id(principal, e["module"]), users, tz) for e in shown]


def purge(backend: Backend, principal: Principal, raw_ids: Sequence[str] | None,
          filters: list[rules.Condition] | None) -> list[str | ZohoError]:
    """Delete bin entries for good (they stay in ``/deleted`` as ``permanent``), through the write
    pipeline: per id, the id or its refusal. With ``filters``, the ids are the entries they match
    when the transaction runs."""
    return run_items(backend, principal, lambda step: step.targets(raw_ids, filters),
                     lambda conn, _: _PurgeStep(conn, backend, principal)).items


class _PurgeStep:
    def __init__(self, conn: sa.Connection, backend: Backend, principal: Principal) -> None:
        self.conn, self.principal = conn, principal
        self.now = backend.org_now(principal.org)
        self.live = {e["id"]: e for e, k in _live(recycle_bin.entries(conn, principal.org_id), self.now)
                     if k == "recycle"}

    def targets(self, raw_ids: Sequence[str] | None, filters: list[rules.Condition] | None) -> list[str]:
        if filters is None:
            return list(raw_ids or [])
        users = users_by_id(self.conn, self.principal.org_id)
        tz = _tz(self.principal)
        return [str(i) for i, e in self.live.items()
                if rules.matches(filters, e, users, format_datetime(e["deleted_time"], tz))]

    def apply(self, index: int, raw: str, new_id: NewId) -> Changed[str]:
        ident = parse_id(raw)
        if ident is None or ident not in self.live or not recycle_bin.purge(self.conn, self.principal.org_id,
                                                                            ident, self.now):
            raise ZohoError(ErrorCode.INVALID_DATA, MSG_INVALID_ID, {"id": raw})
        return Changed(raw, change_log.removed(self.live[ident]["module"], ident, change_log.PURGE, self.now))

    def finish(self) -> None:
        pass


def timeline_page(backend: Backend, principal: Principal, module: str, record_id: int,
                  params: timeline.TimelineParams) -> list[dict[str, Any]] | None:
    """The record's timeline entries (first page), or None when the record is unknown."""
    spec = registry.get(module)
    assert spec is not None
    tz = _tz(principal)
    with backend.db.read() as conn:
        row = record_store.get(conn, principal.org_id, module, record_id)
        if row is None:
            return None
        entries = log_store.for_record(conn, principal.org_id, record_id)
        users: dict[int, UserRef] = users_by_id(conn, principal.org_id)
        profile = _profile(conn, principal)
    name = capabilities.display_name(module, row["data"])
    rendered = []
    ordered = list(reversed(entries)) if params.descending else entries
    for entry in ordered:
        if not timeline.keep(params, entry, module, tz):
            continue
        item = timeline.render(entry, spec, int(principal.org["prefix"]), name, users, tz, params, profile)
        if item is not None:
            rendered.append(item)
    return rendered


def _profile(conn: sa.Connection, principal: Principal) -> dict[str, Any] | None:
    user = principal.user
    keys = user.keys() if hasattr(user, "keys") else ()
    if "profile_name" in keys:
        return {"name": user["profile_name"], "id": str(user["profile_id"])}
    return None

"""Territories of records (spec 21 §9–§13): assign, remove, show on reads, filter lists.

``territory_field`` and ``territory_scope`` are the call points of the records read path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from zcrm_local.domain import territories as t
from zcrm_local.domain.errors import MSG_INVALID_ID, ErrorCode, ZohoError
from zcrm_local.domain.outcomes import Outcome
from zcrm_local.domain.territories import messages as m
from zcrm_local.domain.territories.wire import bool_param, parse_id
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.pipeline import NewId
from zcrm_local.service.territories.context import planned_writes, users_of
from zcrm_local.store.harness import record_flags as flag_store
from zcrm_local.store.records import rows as record_store
from zcrm_local.store.territories import rows as store

Result = Outcome
# Spec 21 §13: the list filter serves these modules only (Leads refused, OQ-30).
LISTABLE = ("Accounts", "Contacts", "Deals")


def assign(backend: Backend, principal: Principal, module: str, body: Any,
           path_record_id: str | None = None) -> list[Result]:
    return _change(backend, principal, module, body, path_record_id, removal=False)


def remove(backend: Backend, principal: Principal, module: str, body: Any,
           path_record_id: str | None = None) -> list[Result]:
    return _change(backend, principal, module, body, path_record_id, removal=True)


def _change(backend: Backend, principal: Principal, module: str, body: Any, path_record_id: str | None,
            removal: bool) -> list[Result]:
    """Jobs complete before the answer (OQ-23): each success carries a fresh job id. Test hooks
    (harness state) may lock a record or hold its job pending after the change is applied."""
    t.check_module(module, known=True)
    items = body.get("data") if isinstance(body, dict) else None
    ids_needed = min(len(items), t.Limits().records_per_call) if isinstance(items, list) else 0

    hold = False

    def plan(conn: sa.Connection, ctx: t.TerritoryContext) -> Any:
        nonlocal hold
        listed = items if isinstance(items, list) else ()  # validate_* refuses any other wrapper
        wanted = {parse_id(i.get("id")) for i in listed if isinstance(i, dict)} | {parse_id(path_record_id)}
        ids = [int(i) for i in wanted if i is not None]
        found = record_store.get_many(conn, principal.org_id, module, ids)
        entries = store.entries_of(conn, principal.org_id, found)
        flags = flag_store.flags_of(conn, principal.org_id, found)
        hold = flag_store.jobs_held(conn, principal.org_id)
        records = {str(i): t.RecordState(str(i), entries.get(i, ()), flag_store.LOCKED in flags.get(i, ()),
                                         flag_store.JOB in flags.get(i, ())) for i in found}
        if removal:
            return t.validate_remove(module, body, records, ctx.territories, now=ctx.now,
                                     path_record_id=path_record_id, limits=ctx.limits, hold_jobs=hold)
        return t.validate_assign(module, body, records, ctx.territories, caller_id=ctx.caller_id,
                                 now=ctx.now, path_record_id=path_record_id, limits=ctx.limits,
                                 hold_jobs=hold)

    def apply(conn: sa.Connection, ctx: t.TerritoryContext, result: Any, new_id: NewId) -> Result:
        record_id, job_id = int(result.record_id), str(new_id())
        store.replace_entries(conn, principal.org_id, record_id, result.entries)
        if hold:
            flag_store.put_flag(conn, principal.org_id, module, record_id, flag_store.JOB, ctx.now, job_id)
        return result.success(job_id)

    return planned_writes(backend, principal, plan, apply, ids_needed=ids_needed)


def territory_field(backend: Backend, principal: Principal, module: str,
                    records: Sequence[dict[str, Any]], requested: Sequence[str] | None = None) -> None:
    """Add the territory field (``Territories``; ``Territory`` on Deals, OQ-20) to rendered
    records, ``[]`` when none. Nothing while the feature is off, for other modules, or when a
    ``fields`` list names neither spelling."""
    key = t.RECORD_TERRITORY_FIELD.get(module)
    if key is None or principal.org["territory_state"] != "enabled" or not records:
        return
    if requested is not None and not {"Territories", "Territory"} & set(requested):
        return
    with backend.db.read() as conn:
        held = store.entries_of(conn, principal.org_id, [int(r["id"]) for r in records])
        territories = store.load(conn, principal.org_id)
        users = users_of(conn, principal.org_id)
    tz = ZoneInfo(principal.time_zone)
    for record in records:
        record[key] = t.render_entries(held.get(int(record["id"]), ()), territories, users, tz)


def territory_scope(backend: Backend, principal: Principal, module: str, territory_id: str | None,
                    include_child: str | None = None) -> list[str] | None:
    """``GET /{module}?territory_id=…&include_child=…`` → the territory ids a listed record must
    hold one of (None: no filter). Give them to ``store.territories.record_ids_in``."""
    if territory_id is None:
        return None
    t.check_feature(principal.org["territory_state"])
    if module not in LISTABLE:
        raise ZohoError(ErrorCode.INVALID_MODULE, m.MSG_TERRITORY_MODULE, {"resource_path_index": 0})
    children = bool_param("include_child", include_child)
    with backend.db.read() as conn:
        territories = store.load(conn, principal.org_id)
    ident = parse_id(territory_id)
    if ident is None or ident not in territories:
        raise ZohoError(ErrorCode.INVALID_DATA, MSG_INVALID_ID, {"param_name": "territory_id"})
    return [ident, *t.descendants(territories, ident)] if children else [ident]


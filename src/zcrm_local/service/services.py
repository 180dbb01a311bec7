"""Services__s writes: validate each item with the domain's rule table, write through the store.

Each write request is one transaction, run again whole if it loses a race with another writer
(``Database.write_retrying``). Items are independent (one item's refusal never rolls
back another) and processed in order, so an earlier success counts toward later items' limits.
The active-services limit is decided by a conditional UPDATE of the org's counter, so no two
writers can both take the 500th place.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.modules import services as rules
from zcrm_local.domain.records import results
from zcrm_local.domain.records.engine import require_object
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org_data import ACTIVE_SERVICES, calendar, taxes, users_by_id
from zcrm_local.store import records as record_store
from zcrm_local.service import record_delete, record_log
from zcrm_local.service.record_rows import record_row

MODULE = "Services__s"


@dataclass
class WriteOutcome:
    """Per item: the stored record, or the item's refusal; plus the users to render with."""

    items: list[dict[str, Any] | ZohoError]
    users: dict[int, UserRef]


def ids_needed(items: Sequence[Any]) -> int:
    """An upper bound of the ids a write may consume: the record and each member link."""
    total = 0
    for item in items:
        members = item.get("Members") if isinstance(item, dict) else None
        total += 1 + (len(members) if isinstance(members, list) else 0)
    return total


def _context(backend: Backend, conn: sa.Connection, principal: Principal) -> rules.ServiceContext:
    org = principal.org
    users = users_by_id(conn, principal.org_id)
    cal = calendar(conn, principal.org_id)
    return rules.ServiceContext(
        now=backend.org_now(org),
        org_time_zone=org["time_zone"],
        profile=backend.profile_of(org),  # type: ignore[arg-type]
        users=users,
        taxes=taxes(conn, principal.org_id),
        job_sheet_enabled=bool(org["job_sheet_enabled"]),
        job_sheet_sections=cal.job_sheet_sections,
        calendar=cal.calendar,
        holidays=cal.holiday_dates,
        caller=users.get(principal.user_id),
    )


def create(backend: Backend, principal: Principal, items: Sequence[Any]) -> WriteOutcome:
    leased = backend.ids.lease(principal.org_id, ids_needed(items))

    def run(conn: sa.Connection) -> WriteOutcome:
        # A re-run (lost race) starts over with the same leased ids.
        ids: Iterator[int] = iter(leased)
        out: list[dict[str, Any] | ZohoError] = []
        ctx = _context(backend, conn, principal)
        rows: list[dict[str, Any]] = []
        for index, item in enumerate(items):
            try:
                write = rules.create_service(item, index, ctx, lambda: next(ids))
                if write.activates and not record_store.try_increment(
                    conn, principal.org_id, ACTIVE_SERVICES, ctx.active_limit
                ):
                    raise rules.active_limit_error(index, ctx.active_limit)
            except ZohoError as refusal:
                out.append(refusal)
                continue
            rows.append(record_row(principal.org_id, MODULE, write.record))
            out.append(write.record)
        # One batched INSERT: no rule reads the records written before it in this request.
        record_store.insert(conn, rows)
        record_log.many_inserted(conn, principal.org_id, MODULE, [r["data"] for r in rows], principal.user_id,
                                 ctx.now)
        return WriteOutcome(out, dict(ctx.users))

    return backend.db.write_retrying(run)


def update(backend: Backend, principal: Principal, items: Sequence[Any], path_id: int | None = None) -> WriteOutcome:
    leased = backend.ids.lease(principal.org_id, ids_needed(items))

    def run(conn: sa.Connection) -> WriteOutcome:
        ids: Iterator[int] = iter(leased)
        out: list[dict[str, Any] | ZohoError] = []
        ctx = _context(backend, conn, principal)
        for index, item in enumerate(items):
            try:
                out.append(_update_one(conn, principal, ctx, item, index, path_id, ids))
            except ZohoError as refusal:
                out.append(refusal)
        return WriteOutcome(out, dict(ctx.users))

    # Items lock their rows in body order, so two requests naming the same services in
    # different orders can deadlock on PostgreSQL; the loser runs again.
    return backend.db.write_retrying(run)


def _update_one(conn: sa.Connection, principal: Principal, ctx: rules.ServiceContext, item: Any, index: int,
                path_id: int | None, leased: Iterator[int]) -> dict[str, Any]:
    record_id = results.update_item_id(require_object(item, index), index, path_id)
    # Locked for the rest of the transaction: concurrent updates of one record queue, and each
    # merges its fields over the other's committed ones (per-field last writer wins).
    row = record_store.get(conn, principal.org_id, MODULE, record_id, for_update=True)
    if row is None:
        raise results.unknown_record(index)
    write = rules.update_service(item, index, row["data"], ctx, lambda: next(leased))
    if write.activates and not record_store.try_increment(conn, principal.org_id, ACTIVE_SERVICES, ctx.active_limit):
        raise rules.active_limit_error(index, ctx.active_limit)
    if row["data"].get("Status") != "Not in Use" and not write.active:
        record_store.decrement(conn, principal.org_id, ACTIVE_SERVICES)
    record = write.record
    record_log.written(conn, principal.org_id, MODULE, row["data"], record, principal.user_id, ctx.now)
    record_store.update(
        conn, principal.org_id, record_id, row["version"],
        data=record, owner_id=int(record["Owner"]), modified_by=int(record["Modified_By"]),
        modified_time=ctx.now,
    )
    return record


def delete(backend: Backend, principal: Principal, raw_ids: Sequence[str]) -> list[str | ZohoError]:
    """Per id: the deleted id, or ``record not deleted`` (soft delete; the counter is kept)."""
    return record_delete.delete(backend, principal, MODULE, raw_ids)

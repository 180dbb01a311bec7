"""Services__s write hooks (``ModuleSpec.writer == "services"``): each item is planned by the
domain's rule table and written through the store, inside the one bulk-write pipeline
(``service/pipeline.py``): one transaction per request, run again whole if it loses a race.
Items are independent (one item's refusal never rolls back another) and processed in order, so
an earlier success counts toward later items' limits.
The active-services limit is decided by a conditional UPDATE of the org's counter, so no two
writers can both take the 500th place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records import results
from zcrm_local.domain.records.engine import require_object
from zcrm_local.domain.records.values import parse_id
from zcrm_local.domain.services import rules as rules
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org.data import ACTIVE_SERVICES, calendar, taxes, users_by_id
from zcrm_local.service.pipeline import NewId, run_items
from zcrm_local.service.records.outcome import WriteOutcome, ids_needed
from zcrm_local.service.records.rows import record_row
from zcrm_local.store.records import rows as record_store

MODULE = "Services__s"
__all__ = ["MODULE", "WRITER", "WriteOutcome", "create", "delete", "ids_needed", "update"]


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


class _CreateStep:
    def __init__(self, conn: sa.Connection, backend: Backend, principal: Principal) -> None:
        self.conn, self.principal = conn, principal
        self.ctx = _context(backend, conn, principal)
        self.rows: list[dict[str, Any]] = []

    def apply(self, index: int, item: Any, new_id: NewId) -> dict[str, Any]:
        write = rules.create_service(item, index, self.ctx, new_id)
        if write.activates and not record_store.try_increment(
            self.conn, self.principal.org_id, ACTIVE_SERVICES, self.ctx.active_limit
        ):
            raise rules.active_limit_error(index, self.ctx.active_limit)
        self.rows.append(record_row(self.principal.org_id, MODULE, write.record))
        return write.record

    def finish(self) -> None:
        # One batched INSERT: no rule reads the records written before it in this request.
        record_store.insert(self.conn, self.rows)


class _UpdateStep:
    def __init__(self, conn: sa.Connection, backend: Backend, principal: Principal, path_id: int | None) -> None:
        self.conn, self.principal, self.path_id = conn, principal, path_id
        self.ctx = _context(backend, conn, principal)

    def apply(self, index: int, item: Any, new_id: NewId) -> dict[str, Any]:
        conn, principal, ctx = self.conn, self.principal, self.ctx
        record_id = results.update_item_id(require_object(item, index), index, self.path_id)
        # Locked for the rest of the transaction: concurrent updates of one record queue, and each
        # merges its fields over the other's committed ones (per-field last writer wins).
        row = record_store.get(conn, principal.org_id, MODULE, record_id, for_update=True)
        if row is None:
            raise results.unknown_record(index)
        write = rules.update_service(item, index, row["data"], ctx, new_id)
        if write.activates and not record_store.try_increment(conn, principal.org_id, ACTIVE_SERVICES,
                                                              ctx.active_limit):
            raise rules.active_limit_error(index, ctx.active_limit)
        if row["data"].get("Status") != "Not in Use" and not write.active:
            record_store.decrement(conn, principal.org_id, ACTIVE_SERVICES)
        record = write.record
        record_store.update(
            conn, principal.org_id, record_id, row["version"],
            data=record, owner_id=int(record["Owner"]), modified_by=int(record["Modified_By"]),
            modified_time=ctx.now,
        )
        return record

    def finish(self) -> None:
        pass


class _DeleteStep:
    def __init__(self, conn: sa.Connection, principal: Principal) -> None:
        self.conn, self.principal = conn, principal

    def apply(self, index: int, raw: str, new_id: NewId) -> str:
        conn, org_id = self.conn, self.principal.org_id
        ident = parse_id(raw)
        row = record_store.get(conn, org_id, MODULE, ident, for_update=True) if ident is not None else None
        if row is None or not record_store.delete(conn, org_id, MODULE, row["id"]):
            raise results.delete_failure(raw)
        if row["data"].get("Status") != "Not in Use":
            record_store.decrement(conn, org_id, ACTIVE_SERVICES)
        return raw

    def finish(self) -> None:
        pass


def create(backend: Backend, principal: Principal, items: Sequence[Any]) -> WriteOutcome:
    bulk = run_items(backend, principal, items, lambda conn, _: _CreateStep(conn, backend, principal),
                     ids_needed=ids_needed(items))
    return WriteOutcome(bulk.items, dict(bulk.step.ctx.users))


def update(backend: Backend, principal: Principal, items: Sequence[Any], path_id: int | None = None) -> WriteOutcome:
    # Items lock their rows in body order, so two requests naming the same services in
    # different orders can deadlock on PostgreSQL; the loser runs again.
    bulk = run_items(backend, principal, items, lambda conn, _: _UpdateStep(conn, backend, principal, path_id),
                     ids_needed=ids_needed(items))
    return WriteOutcome(bulk.items, dict(bulk.step.ctx.users))


def delete(backend: Backend, principal: Principal, raw_ids: Sequence[str]) -> list[str | ZohoError]:
    """Per id: the deleted id, or ``record not deleted``."""
    return run_items(backend, principal, raw_ids, lambda conn, _: _DeleteStep(conn, principal)).items


class ServicesWriter:
    """The ``services`` write hooks of ``service/records/writes.py``."""

    def create(self, backend: Backend, principal: Principal, spec: ModuleSpec, items: Sequence[Any]) -> WriteOutcome:
        return create(backend, principal, items)

    def update(self, backend: Backend, principal: Principal, spec: ModuleSpec, items: Sequence[Any],
               path_id: int | None) -> WriteOutcome:
        return update(backend, principal, items, path_id)

    def delete(self, backend: Backend, principal: Principal, spec: ModuleSpec,
               raw_ids: Sequence[str]) -> list[str | ZohoError]:
        return delete(backend, principal, raw_ids)


WRITER = ServicesWriter()

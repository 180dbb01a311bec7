"""Services__s write hooks (``ModuleSpec.writer == "services"``): each item is planned by the
domain's rule table and written through the store, inside the one bulk-write pipeline
(``service/pipeline.py``, the record steps of ``service/records/apply.py``): one transaction per request, run again whole if it loses a race.
Items are independent (one item's refusal never rolls back another) and processed in order, so
an earlier success counts toward later items' limits.
The active-services limit is decided by a conditional UPDATE of the org's counter, so no two
writers can both take the 500th place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.domain.services import rules as rules
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org.data import ACTIVE_SERVICES, calendar, taxes, users_by_id
from zcrm_local.service.pipeline import NewId
from zcrm_local.service.records.outcome import WriteOutcome, ids_needed
from zcrm_local.service.records.rows import record_row
from zcrm_local.store.records import rows as record_store

MODULE = "Services__s"
__all__ = ["MODULE", "ServicesOps", "WriteOutcome", "ids_needed"]


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


class ServicesOps:
    """The ``services`` write hooks (``service/records/apply.RecordOps``): the rule table plans
    each item; the org's active-services counter moves with it."""

    def __init__(self, conn: sa.Connection, backend: Backend, principal: Principal, spec: ModuleSpec,
                 items: Sequence[Any], *, batch_inserts: bool = False) -> None:
        self.conn, self.principal, self.batch_inserts = conn, principal, batch_inserts
        self.ctx = _context(backend, conn, principal)
        self.users: dict[int, UserRef] = dict(self.ctx.users)
        self.now = self.ctx.now
        self.rows: list[dict[str, Any]] = []

    def insert(self, index: int, item: Any, new_id: NewId) -> dict[str, Any]:
        write = rules.create_service(item, index, self.ctx, new_id)
        if write.activates and not record_store.try_increment(
            self.conn, self.principal.org_id, ACTIVE_SERVICES, self.ctx.active_limit
        ):
            raise rules.active_limit_error(index, self.ctx.active_limit)
        row = record_row(self.principal.org_id, MODULE, write.record)
        if self.batch_inserts:
            self.rows.append(row)
        else:
            record_store.insert(self.conn, [row])
        return write.record

    def update(self, index: int, item: Any, row: Mapping[str, Any], new_id: NewId) -> dict[str, Any]:
        conn, org_id, ctx = self.conn, self.principal.org_id, self.ctx
        write = rules.update_service(item, index, row["data"], ctx, new_id)
        if write.activates and not record_store.try_increment(conn, org_id, ACTIVE_SERVICES, ctx.active_limit):
            raise rules.active_limit_error(index, ctx.active_limit)
        if row["data"].get("Status") != "Not in Use" and not write.active:
            record_store.decrement(conn, org_id, ACTIVE_SERVICES)
        self.store(row, write.record)
        return write.record

    def store(self, row: Mapping[str, Any], record: dict[str, Any]) -> None:
        record_store.update(
            self.conn, self.principal.org_id, int(row["id"]), row["version"],
            data=record, owner_id=int(record["Owner"]), modified_by=int(record["Modified_By"]),
            modified_time=self.now,
        )

    def deleted(self, row: Mapping[str, Any]) -> None:
        # A deleted active service frees its place (D-510).
        if row["data"].get("Status") != "Not in Use":
            record_store.decrement(self.conn, self.principal.org_id, ACTIVE_SERVICES)

    def finish(self) -> None:
        # One batched INSERT: no rule reads the records written before it in this request.
        record_store.insert(self.conn, self.rows)
        self.rows = []



"""Apply one planned record write inside an open transaction: the step that upsert, clone and
change owner share with insert/update (validate with the module's rules, store, log, place in
territories). Services__s validates with its rule table and keeps its active-services counter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.modules import registry
from zcrm_local.domain.modules import services as service_rules
from zcrm_local.domain.records.generic import RecordContext, write_record
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.service import record_log, territory_assignment
from zcrm_local.service import services as service_writes
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org_data import ACTIVE_SERVICES, users_by_id
from zcrm_local.service.record_rows import record_row
from zcrm_local.store import records as record_store

SERVICES = service_writes.MODULE


@dataclass
class Writer:
    """Per request: the module's validation context, built once."""

    backend: Backend
    principal: Principal
    module: str
    conn: sa.Connection
    now: datetime
    users: dict[int, UserRef]
    new_id: Callable[[], int]
    _service_ctx: Any = None
    _ctx: RecordContext | None = None

    @classmethod
    def open(cls, backend: Backend, principal: Principal, module: str, conn: sa.Connection,
             new_id: Callable[[], int]) -> Writer:
        writer = cls(backend, principal, module, conn, backend.org_now(principal.org), {}, new_id)
        if module == SERVICES:
            writer._service_ctx = service_writes._context(backend, conn, principal)
            writer.users = dict(writer._service_ctx.users)
        else:
            writer.users = users_by_id(conn, principal.org_id)
            writer._ctx = RecordContext(now=writer.now, users=writer.users, caller=writer.users.get(principal.user_id))
        return writer

    def insert(self, item: Any, index: int, source: str = "crm_api") -> dict[str, Any]:
        """Validate ``item`` as a new record and store it; raises the item's ``ZohoError``."""
        org_id = self.principal.org_id
        if self.module == SERVICES:
            ctx = self._service_ctx
            write = service_rules.create_service(item, index, ctx, self.new_id)
            if write.activates and not record_store.try_increment(self.conn, org_id, ACTIVE_SERVICES,
                                                                  ctx.active_limit):
                raise service_rules.active_limit_error(index, ctx.active_limit)
            record = write.record
        else:
            spec = registry.get(self.module)
            assert spec is not None and self._ctx is not None
            record = write_record(spec, item, index, None, self._ctx, self.new_id)
        record_store.insert(self.conn, [record_row(org_id, self.module, record)])
        record_log.written(self.conn, org_id, self.module, None, record, self.principal.user_id, self.now, source)
        if self.module != SERVICES:
            territory_assignment.after_write(self.conn, self.backend, self.principal, self.module, record)
        return record

    def update(self, item: Any, index: int, row: Mapping[str, Any]) -> dict[str, Any]:
        """Validate ``item`` as a partial update of the locked stored ``row`` and store it."""
        org_id = self.principal.org_id
        if self.module == SERVICES:
            ids = iter(lambda: self.new_id(), None)
            return service_writes._update_one(self.conn, self.principal, self._service_ctx, item, index,
                                              int(row["id"]), ids)
        spec = registry.get(self.module)
        assert spec is not None and self._ctx is not None
        record = write_record(spec, item, index, row["data"], self._ctx, self.new_id)
        self.replace(row, record)
        return record

    def replace(self, row: Mapping[str, Any], record: dict[str, Any], source: str = "crm_api") -> None:
        """Store ``record`` over the locked ``row`` (already validated), logged as one update."""
        org_id = self.principal.org_id
        record_log.written(self.conn, org_id, self.module, row["data"], record, self.principal.user_id, self.now,
                           source)
        record_store.update(self.conn, org_id, int(row["id"]), row["version"], data=record,
                            owner_id=int(record["Owner"]), modified_by=int(record["Modified_By"]),
                            modified_time=self.now)
        if self.module != SERVICES:
            territory_assignment.after_write(self.conn, self.backend, self.principal, self.module, record)

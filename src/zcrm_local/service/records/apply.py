"""The per-item record steps of the write pipeline (``service/pipeline.run_items``).

Every record write (insert, update, upsert, clone, change owner, soft delete; any module) is
one of these steps over the module's write hooks (``RecordOps``, chosen by
``ModuleSpec.writer``): ``generic`` (the module's metadata alone, then territory rule assignment)
or ``services`` (the Services rule table and the active-services counter,
``service/services/writes.py``). Each step returns ``Changed(result, RecordChange)``, so the
change log is appended by the pipeline's collect hook, never by an operation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

import sqlalchemy as sa

from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records import change_log, results
from zcrm_local.domain.records.engine import require_object
from zcrm_local.domain.records.generic import RecordContext, write_record
from zcrm_local.domain.records.lookups import ids_in_items
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org.data import users_by_id
from zcrm_local.service.pipeline import Changed, NewId
from zcrm_local.service.records.rows import record_row, related_refs
from zcrm_local.service.services import writes as services
from zcrm_local.service.territories import assignment as territory_assignment
from zcrm_local.store.records import rows as record_store


class RecordOps(Protocol):
    """A module's write hooks inside one transaction attempt."""

    users: dict[int, UserRef]
    now: datetime

    def insert(self, index: int, item: Any, new_id: NewId) -> dict[str, Any]:
        """Validate ``item`` as a new record and store it; raise the item's ``ZohoError``."""
        ...

    def update(self, index: int, item: Any, row: Mapping[str, Any], new_id: NewId) -> dict[str, Any]:
        """Validate ``item`` as a partial update of the locked ``row`` and store it."""
        ...

    def store(self, row: Mapping[str, Any], record: dict[str, Any]) -> None:
        """Store an already planned ``record`` over the locked ``row`` (change owner)."""
        ...

    def deleted(self, row: Mapping[str, Any]) -> None:
        """After ``row`` left ``records`` for the recycle bin."""
        ...

    def finish(self) -> None:
        ...


class GenericOps:
    """A module validated by its metadata alone; a territory-capable record is then placed in
    its territories by the rule criteria."""

    def __init__(self, conn: sa.Connection, backend: Backend, principal: Principal, spec: ModuleSpec,
                 items: Sequence[Any], *, batch_inserts: bool = False) -> None:
        self.conn, self.backend, self.principal, self.spec = conn, backend, principal, spec
        self.users = users_by_id(conn, principal.org_id)
        self.now = backend.org_now(principal.org)
        # Every record the batch's lookups name, in one query per attempt; the domain checks
        # each item's lookups against it (D-494).
        related = related_refs(conn, principal.org_id, ids_in_items(spec, items))
        self.ctx = RecordContext(now=self.now, users=self.users, caller=self.users.get(principal.user_id),
                                 related=related)

    def insert(self, index: int, item: Any, new_id: NewId) -> dict[str, Any]:
        record = write_record(self.spec, item, index, None, self.ctx, new_id)
        record_store.insert(self.conn, [record_row(self.principal.org_id, self.spec.api_name, record)])
        territory_assignment.after_write(self.conn, self.backend, self.principal, self.spec.api_name, record)
        return record

    def update(self, index: int, item: Any, row: Mapping[str, Any], new_id: NewId) -> dict[str, Any]:
        record = write_record(self.spec, item, index, row["data"], self.ctx, new_id)
        self.store(row, record)
        return record

    def store(self, row: Mapping[str, Any], record: dict[str, Any]) -> None:
        record_store.update(self.conn, self.principal.org_id, int(row["id"]), row["version"], data=record,
                            owner_id=int(record["Owner"]), modified_by=int(record["Modified_By"]),
                            modified_time=self.now)
        territory_assignment.after_write(self.conn, self.backend, self.principal, self.spec.api_name, record)

    def deleted(self, row: Mapping[str, Any]) -> None:
        pass

    def finish(self) -> None:
        pass


OpsFactory = Callable[..., RecordOps]
OPS: dict[str, OpsFactory] = {"generic": GenericOps, "services": services.ServicesOps}


def open_ops(conn: sa.Connection, backend: Backend, principal: Principal, spec: ModuleSpec, items: Sequence[Any],
             *, batch_inserts: bool = False) -> RecordOps:
    """The write hooks ``spec.writer`` names, for one transaction attempt over ``items``."""
    return OPS[spec.writer](conn, backend, principal, spec, items, batch_inserts=batch_inserts)


def locked_row(conn: sa.Connection, principal: Principal, module: str, record_id: int | None) -> Any:
    """The stored row, locked for the rest of the transaction: concurrent updates of one record
    queue, and each merges its fields over the other's committed ones (D-72)."""
    if record_id is None:
        return None
    return record_store.get(conn, principal.org_id, module, record_id, for_update=True)


class InsertStep:
    def __init__(self, ops: RecordOps, spec: ModuleSpec) -> None:
        self.ops, self.spec = ops, spec
        self.users = ops.users

    def apply(self, index: int, item: Any, new_id: NewId) -> Changed[dict[str, Any]]:
        record = self.ops.insert(index, item, new_id)
        return Changed(record, change_log.written(self.spec.api_name, None, record, self.ops.now))

    def finish(self) -> None:
        self.ops.finish()


class UpdateStep:
    def __init__(self, conn: sa.Connection, principal: Principal, ops: RecordOps, spec: ModuleSpec,
                 path_id: int | None) -> None:
        self.conn, self.principal, self.ops, self.spec, self.path_id = conn, principal, ops, spec, path_id
        self.users = ops.users

    def apply(self, index: int, item: Any, new_id: NewId) -> Changed[dict[str, Any]]:
        record_id = results.update_item_id(require_object(item, index), index, self.path_id)
        row = locked_row(self.conn, self.principal, self.spec.api_name, record_id)
        if row is None:
            raise results.unknown_record(index)
        record = self.ops.update(index, item, row, new_id)
        return Changed(record, change_log.written(self.spec.api_name, row["data"], record, self.ops.now))

    def finish(self) -> None:
        self.ops.finish()

"""Change owner (spec 40 §15), single and bulk: a record step of the write pipeline, each
record logged as an ``update`` with source ``change_owner``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records import change_log
from zcrm_local.domain.records import change_owner as rules
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records.values import parse_id, store_datetime
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org.data import users_by_id
from zcrm_local.service.pipeline import Changed, NewId, run_items
from zcrm_local.service.records.apply import RecordOps, locked_row, open_ops
from zcrm_local.service.records.locks import is_locked


def change_owner(backend: Backend, principal: Principal, module: str, body: Any, *,
                 path_id: int | None = None) -> list[str | ZohoError]:
    """Per record id: the id, or its refusal. Request-level refusals raise before any write."""
    spec = registry.get(module)
    assert spec is not None
    with backend.db.read() as conn:
        users = users_by_id(conn, principal.org_id)
    plan = rules.parse(body, bulk=path_id is None, users=users)
    ids: Sequence[str] = plan.ids if path_id is None else (str(path_id),)
    return run_items(backend, principal, ids,
                     lambda conn, _: _OwnerStep(conn, principal, open_ops(conn, backend, principal, spec, ()),
                                                spec, plan.owner_id)).items


class _OwnerStep:
    def __init__(self, conn: sa.Connection, principal: Principal, ops: RecordOps, spec: ModuleSpec,
                 owner_id: int) -> None:
        self.conn, self.principal, self.ops, self.spec, self.owner_id = conn, principal, ops, spec, owner_id

    def apply(self, index: int, raw: str, new_id: NewId) -> Changed[str]:
        row = locked_row(self.conn, self.principal, self.spec.api_name, parse_id(raw))
        if row is None:
            raise rules.unknown_record(raw)
        if is_locked(self.conn, self.principal.org_id, int(row["id"])):
            raise rules.locked(raw)
        record = dict(row["data"])
        record.update(Owner=str(self.owner_id), Modified_By=str(self.principal.user_id),
                      Modified_Time=store_datetime(self.ops.now))
        self.ops.store(row, record)
        return Changed(raw, change_log.written(self.spec.api_name, row["data"], record, self.ops.now,
                                               source=change_log.SOURCE_CHANGE_OWNER))

    def finish(self) -> None:
        self.ops.finish()

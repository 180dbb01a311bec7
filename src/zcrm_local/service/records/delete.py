"""Soft deletes (spec 40 §9): a deleted record moves to the recycle bin, one pipeline step per
id; the module's hooks see it go (Services: a deleted active service frees its place)."""

from __future__ import annotations

from zcrm_local.domain.errors import ErrorCode, ZohoError
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records import capabilities, change_log, results
from zcrm_local.domain.records.values import parse_id
from zcrm_local.service.auth import Principal
from zcrm_local.service.pipeline import Changed, NewId
from zcrm_local.service.records.apply import RecordOps, locked_row
from zcrm_local.service.records.locks import is_locked
from zcrm_local.store.records import recycle_bin

import sqlalchemy as sa

MSG_LOCKED = "You cannot perform this operation as the record is locked."


def locked_error(record_id: str) -> ZohoError:
    return ZohoError(ErrorCode.RECORD_LOCKED, MSG_LOCKED, {"action": "record_locking", "id": record_id})


class DeleteStep:
    """Per id: the deleted id, or its refusal (``record not deleted``, ``RECORD_LOCKED``)."""

    def __init__(self, conn: sa.Connection, principal: Principal, ops: RecordOps, spec: ModuleSpec) -> None:
        self.conn, self.principal, self.ops, self.spec = conn, principal, ops, spec

    def apply(self, index: int, raw: str, new_id: NewId) -> Changed[str]:
        conn, org_id, module = self.conn, self.principal.org_id, self.spec.api_name
        row = locked_row(conn, self.principal, module, parse_id(raw))
        if row is None:
            raise results.delete_failure(raw)
        if is_locked(conn, org_id, int(row["id"])):
            raise locked_error(str(row["id"]))
        moved = recycle_bin.move(conn, org_id, module, row["id"], deleted_by=self.principal.user_id,
                                 deleted_time=self.ops.now, display_name=capabilities.display_name(module, row["data"]))
        if moved is None:
            raise results.delete_failure(raw)
        self.ops.deleted(row)
        return Changed(raw, change_log.removed(module, int(row["id"]), change_log.DELETE, self.ops.now))

    def finish(self) -> None:
        self.ops.finish()

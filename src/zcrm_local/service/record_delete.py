"""Soft deletes: a deleted record moves to the recycle bin (spec 40 §9), logged as a change.

Services__s keeps its active-services counter: a deleted active service frees its place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.records import capabilities, change_log, results
from zcrm_local.domain.records.values import parse_id
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org_data import ACTIVE_SERVICES
from zcrm_local.service import record_log
from zcrm_local.store import record_flags
from zcrm_local.store import records as record_store
from zcrm_local.store import recycle_bin

SERVICES = "Services__s"


def locked_error(record_id: str) -> ZohoError:
    return ZohoError("RECORD_LOCKED", "You cannot perform this operation as the record is locked.",
                     {"action": "record_locking", "id": record_id})


def delete(backend: Backend, principal: Principal, module: str, raw_ids: Sequence[str]) -> list[str | ZohoError]:
    """Per id: the deleted id, or its refusal (``record not deleted``, ``RECORD_LOCKED``)."""
    now = backend.org_now(principal.org)

    def run(conn: sa.Connection) -> list[str | ZohoError]:
        return [delete_one(conn, principal, module, raw, now) for raw in raw_ids]

    return backend.db.write_retrying(run)


def delete_one(conn: sa.Connection, principal: Principal, module: str, raw: str, now: datetime) -> str | ZohoError:
    ident = parse_id(raw)
    row = record_store.get(conn, principal.org_id, module, ident, for_update=True) if ident is not None else None
    if row is None:
        return results.delete_failure(raw)
    if record_flags.LOCKED in record_flags.flags_of(conn, principal.org_id, [row["id"]]).get(row["id"], set()):
        return locked_error(str(row["id"]))
    moved = recycle_bin.move(conn, principal.org_id, module, row["id"], deleted_by=principal.user_id,
                             deleted_time=now,
                             display_name=capabilities.display_name(module, row["data"]))
    if moved is None:
        return results.delete_failure(raw)
    if module == SERVICES and row["data"].get("Status") != "Not in Use":
        record_store.decrement(conn, principal.org_id, ACTIVE_SERVICES)
    record_log.removed(conn, principal.org_id, module, row["id"], change_log.DELETE, principal.user_id, now)
    return raw


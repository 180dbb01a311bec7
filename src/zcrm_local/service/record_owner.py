"""Change owner (spec 40 §15), single and bulk: one transaction, each record logged as an
``updated`` change with source ``change_owner``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.records import change_log, change_owner as rules
from zcrm_local.domain.records.values import store_datetime
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org_data import users_by_id
from zcrm_local.service.record_apply import Writer
from zcrm_local.store import record_flags
from zcrm_local.store import records as record_store


def change_owner(backend: Backend, principal: Principal, module: str, body: Any, *,
                 path_id: int | None = None) -> list[str | ZohoError]:
    """Per record id: the id, or its refusal. Request-level refusals raise before any write."""
    with backend.db.read() as conn:
        users = users_by_id(conn, principal.org_id)
    plan = rules.parse(body, bulk=path_id is None, users=users)
    ids: Sequence[str] = plan.ids if path_id is None else (str(path_id),)

    def run(conn: sa.Connection) -> list[str | ZohoError]:
        writer = Writer.open(backend, principal, module, conn, lambda: 0)
        now = store_datetime(writer.now)
        locked = record_flags.flags_of(conn, principal.org_id, [int(i) for i in ids])
        out: list[str | ZohoError] = []
        for raw in ids:
            row = record_store.get(conn, principal.org_id, module, int(raw), for_update=True)
            if row is None:
                out.append(rules.unknown_record(raw))
                continue
            if record_flags.LOCKED in locked.get(int(raw), set()):
                out.append(rules.locked(raw))
                continue
            record = dict(row["data"])
            record.update(Owner=str(plan.owner_id), Modified_By=str(principal.user_id), Modified_Time=now)
            writer.replace(row, record, source=change_log.SOURCE_CHANGE_OWNER)
            out.append(raw)
        return out

    return backend.db.write_retrying(run)

"""Record writes of every module. Services__s has its own rules and counters
(service/services.py); every other module is validated by its metadata alone, and Accounts,
Deals and Leads are then placed in territories by the rule criteria."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.modules import registry
from zcrm_local.domain.records import results
from zcrm_local.domain.records.engine import require_object
from zcrm_local.domain.records.generic import RecordContext, write_record
from zcrm_local.service import record_delete, record_log, services, territory_assignment
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org_data import users_by_id
from zcrm_local.service.record_rows import record_row
from zcrm_local.service.services import WriteOutcome, ids_needed
from zcrm_local.store import records as record_store


def create(backend: Backend, principal: Principal, module: str, items: Sequence[Any]) -> WriteOutcome:
    if module == services.MODULE:
        return services.create(backend, principal, items)
    return _write(backend, principal, module, items, None)


def update(backend: Backend, principal: Principal, module: str, items: Sequence[Any],
           path_id: int | None = None) -> WriteOutcome:
    if module == services.MODULE:
        return services.update(backend, principal, items, path_id)
    return _write(backend, principal, module, items, path_id, updating=True)


def delete(backend: Backend, principal: Principal, module: str, raw_ids: Sequence[str]) -> list[str | ZohoError]:
    """Soft delete (recycle bin), Services__s included."""
    return record_delete.delete(backend, principal, module, raw_ids)


def _write(backend: Backend, principal: Principal, module: str, items: Sequence[Any], path_id: int | None,
           updating: bool = False) -> WriteOutcome:
    spec = registry.get(module)
    assert spec is not None
    leased = backend.ids.lease(principal.org_id, ids_needed(items))

    def run(conn: sa.Connection) -> WriteOutcome:
        # A re-run (lost race) starts over with the same leased ids.
        ids: Iterator[int] = iter(leased)
        out: list[dict[str, Any] | ZohoError] = []
        users = users_by_id(conn, principal.org_id)
        ctx = RecordContext(now=backend.org_now(principal.org), users=users, caller=users.get(principal.user_id))
        log = record_log.Batch(principal.org_id, module, principal.user_id, ctx.now)
        for index, item in enumerate(items):
            try:
                stored = _stored(conn, principal, module, item, index, path_id) if updating else None
                record = write_record(spec, item, index, stored["data"] if stored else None, ctx,
                                      lambda: next(ids))
            except ZohoError as refusal:
                out.append(refusal)
                continue
            log.add(stored["data"] if stored else None, record)
            if stored is None:
                record_store.insert(conn, [record_row(principal.org_id, module, record)])
            else:
                record_store.update(conn, principal.org_id, int(record["id"]), stored["version"], data=record,
                                    owner_id=int(record["Owner"]), modified_by=int(record["Modified_By"]),
                                    modified_time=ctx.now)
            territory_assignment.after_write(conn, backend, principal, module, record)
            out.append(record)
        log.append(conn)
        return WriteOutcome(out, users)

    return backend.db.write_retrying(run)


def _stored(conn: sa.Connection, principal: Principal, module: str, item: Any, index: int,
            path_id: int | None) -> Any:
    record_id = results.update_item_id(require_object(item, index), index, path_id)
    found = record_store.get(conn, principal.org_id, module, record_id, for_update=True)
    if found is None:
        raise results.unknown_record(index)
    return found

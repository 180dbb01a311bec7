"""Admin test hooks that make per-record territory refusals reachable (spec 21 §10–§11):
lock a record (``RECORD_LOCKED``) and hold territory jobs pending (``ALREADY_SCHEDULED``, OQ-23).

Both are harness state, kept apart from the records: snapshots leave them out, and import or
reset drops the record flags because the records they name are replaced (docs/decisions.md).
"""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records.values import parse_id
from zcrm_local.service.backend import Backend
from zcrm_local.service.harness.admin import invalid, iso, not_found
from zcrm_local.store.harness import record_flags as store
from zcrm_local.store.org import orgs as org_store
from zcrm_local.store.records import rows as record_store


def _check_org(conn: Any, org_id: int) -> Any:
    org = org_store.get_org(conn, org_id)
    if org is None:
        raise not_found("org")
    return org


def _record(conn: Any, org_id: int, module: str, raw_id: str) -> tuple[str, int]:
    """The module's API name and the id of a live record of it."""
    spec = registry.resolve_path_module(module)
    if spec is None:
        raise not_found("module")
    record_id = parse_id(raw_id)
    if record_id is None or record_store.get(conn, org_id, spec.api_name, record_id) is None:
        raise not_found("record")
    return spec.api_name, record_id


def _lock_info(row: Any) -> dict[str, Any]:
    return {"module": row["module"], "id": str(row["record_id"]), "created_time": iso(row["created_time"])}


def list_locks(backend: Backend, org_id: int) -> list[dict[str, Any]]:
    with backend.db.read() as conn:
        _check_org(conn, org_id)
        return [_lock_info(r) for r in store.list_flags(conn, org_id, store.LOCKED)]


def lock(backend: Backend, org_id: int, module: str, raw_id: str) -> dict[str, Any]:
    """Lock a live record; locking it again changes nothing."""
    with backend.db.write() as conn:
        org = _check_org(conn, org_id)
        api_name, record_id = _record(conn, org_id, module, raw_id)
        org_store.lock_org(conn, org_id)  # two lock calls at once: the second finds the first's row
        store.put_flag(conn, org_id, api_name, record_id, store.LOCKED, backend.org_now(org))
        row = next(r for r in store.list_flags(conn, org_id, store.LOCKED) if r["record_id"] == record_id)
    return _lock_info(row)


def unlock(backend: Backend, org_id: int, module: str, raw_id: str) -> None:
    """Unlock a record (even one deleted since); one that is not locked is refused with 404."""
    spec = registry.resolve_path_module(module)
    if spec is None:
        raise not_found("module")
    with backend.db.write() as conn:
        _check_org(conn, org_id)
        ident = parse_id(raw_id)
        if ident is None or not store.delete_flag(conn, org_id, ident, store.LOCKED, spec.api_name):
            raise not_found("record lock")


def _jobs_info(conn: Any, org_id: int) -> dict[str, Any]:
    pending = [{"module": r["module"], "id": str(r["record_id"]), "job_id": r["job_id"],
                "created_time": iso(r["created_time"])} for r in store.list_flags(conn, org_id, store.JOB)]
    return {"held": store.jobs_held(conn, org_id), "pending": pending}


def territory_jobs(backend: Backend, org_id: int) -> dict[str, Any]:
    with backend.db.read() as conn:
        _check_org(conn, org_id)
        return _jobs_info(conn, org_id)


def hold_territory_jobs(backend: Backend, org_id: int, held: Any) -> dict[str, Any]:
    """Switch the hold; releasing it completes every pending job. Under the org lock, so a
    release never misses a job an assign is recording at the same moment."""
    with backend.db.write() as conn:
        _check_org(conn, org_id)
        if not isinstance(held, bool):
            raise invalid("held: true or false")
        org_store.lock_org(conn, org_id)
        store.set_jobs_held(conn, org_id, held)
        if not held:
            store.delete_flags(conn, org_id, store.JOB)
        return _jobs_info(conn, org_id)

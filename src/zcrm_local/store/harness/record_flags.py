"""The harness's flags on single records (locks, territory jobs held pending) and the org's
switch that holds territory jobs. Harness state: never in snapshots (see tables.py)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa

from zcrm_local.store.harness.state import get_harness, put_harness
from zcrm_local.store.tables import record_flags

LOCKED, JOB = "locked", "job"


def flags_of(conn: sa.Connection, org_id: int, record_ids: Iterable[int]) -> dict[int, set[str]]:
    """record id → its kinds, for the records that have any."""
    ids = list(record_ids)
    if not ids:
        return {}
    stmt = sa.select(record_flags.c.record_id, record_flags.c.kind).where(
        record_flags.c.org_id == org_id, record_flags.c.record_id.in_(ids))
    out: dict[int, set[str]] = {}
    for record_id, kind in conn.execute(stmt):
        out.setdefault(int(record_id), set()).add(kind)
    return out


def list_flags(conn: sa.Connection, org_id: int, kind: str) -> list[sa.RowMapping]:
    stmt = (sa.select(record_flags).where(record_flags.c.org_id == org_id, record_flags.c.kind == kind)
            .order_by(record_flags.c.record_id))
    return list(conn.execute(stmt).mappings())


def put_flag(conn: sa.Connection, org_id: int, module: str, record_id: int, kind: str, now: datetime,
             job_id: str | None = None) -> None:
    """Set a flag; setting it again keeps the first row."""
    key = (record_flags.c.org_id == org_id, record_flags.c.record_id == record_id, record_flags.c.kind == kind)
    if conn.execute(sa.select(record_flags.c.kind).where(*key)).first() is None:
        conn.execute(sa.insert(record_flags).values(org_id=org_id, record_id=record_id, kind=kind, module=module,
                                                    job_id=job_id, created_time=now))


def delete_flag(conn: sa.Connection, org_id: int, record_id: int, kind: str, module: str) -> bool:
    stmt = sa.delete(record_flags).where(record_flags.c.org_id == org_id, record_flags.c.record_id == record_id,
                                         record_flags.c.kind == kind, record_flags.c.module == module)
    return conn.execute(stmt).rowcount == 1


def delete_flags(conn: sa.Connection, org_id: int, kind: str | None = None) -> int:
    """The org's flags of one kind, or all of them."""
    stmt = sa.delete(record_flags).where(record_flags.c.org_id == org_id)
    if kind is not None:
        stmt = stmt.where(record_flags.c.kind == kind)
    return conn.execute(stmt).rowcount


def jobs_held(conn: sa.Connection, org_id: int) -> bool:
    row = get_harness(conn, org_id)
    return bool(row["territory_jobs_held"]) if row is not None else False


def set_jobs_held(conn: sa.Connection, org_id: int, held: bool) -> None:
    put_harness(conn, org_id, territory_jobs_held=held)

"""Deleted records: moving a record into the bin, reading the bin, purging entries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from zcrm_local.store.tables import recycle_bin, records


def move(conn: sa.Connection, org_id: int, module: str, record_id: int, *, deleted_by: int | None,
         deleted_time: datetime, display_name: str | None) -> sa.RowMapping | None:
    """Soft delete: the record's row leaves ``records`` (and with it everything that cascades
    from it) and enters the bin. Returns the row as it was, or None when there is none."""
    row = conn.execute(sa.select(records).where(records.c.org_id == org_id, records.c.module == module,
                                                records.c.id == record_id)).mappings().first()
    if row is None:
        return None
    gone = conn.execute(sa.delete(records).where(records.c.org_id == org_id, records.c.id == record_id))
    if gone.rowcount != 1:
        return None
    conn.execute(sa.insert(recycle_bin).values(
        id=record_id, org_id=org_id, module=module, data=row["data"], display_name=display_name,
        owner_id=row["owner_id"], created_by=row["created_by"], deleted_by=deleted_by, deleted_time=deleted_time,
    ))
    return row


def entries(conn: sa.Connection, org_id: int, module: str | None = None,
            ids: Sequence[int] | None = None) -> list[sa.RowMapping]:
    """The org's bin entries (recycle and permanent), newest deletion first."""
    stmt = sa.select(recycle_bin).where(recycle_bin.c.org_id == org_id)
    if module is not None:
        stmt = stmt.where(recycle_bin.c.module == module)
    if ids is not None:
        stmt = stmt.where(recycle_bin.c.id.in_(list(ids)))
    stmt = stmt.order_by(recycle_bin.c.deleted_time.desc(), recycle_bin.c.id.desc())
    return list(conn.execute(stmt).mappings())


def purge(conn: sa.Connection, org_id: int, record_id: int, now: datetime) -> bool:
    """Make a recycle entry permanent: its data and names go, its id and deletion time stay."""
    done = conn.execute(
        sa.update(recycle_bin)
        .where(recycle_bin.c.org_id == org_id, recycle_bin.c.id == record_id, recycle_bin.c.purged_time.is_(None))
        .values(data=None, display_name=None, created_by=None, deleted_by=None, purged_time=now)
    )
    return done.rowcount == 1


def is_deleted(conn: sa.Connection, org_id: int, record_id: int) -> bool:
    stmt = sa.select(recycle_bin.c.id).where(recycle_bin.c.org_id == org_id, recycle_bin.c.id == record_id)
    return conn.execute(stmt).first() is not None


def remove_expired(conn: sa.Connection, org_id: int, ids: Sequence[int]) -> None:
    if ids:
        conn.execute(sa.delete(recycle_bin).where(recycle_bin.c.org_id == org_id, recycle_bin.c.id.in_(list(ids))))


__all__: list[Any] = ["entries", "is_deleted", "move", "purge", "remove_expired"]

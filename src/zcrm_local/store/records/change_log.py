"""The per-record change log: append inside a write's transaction, read by record or by ``seq``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as lite_insert

from zcrm_local.store.tables import record_change_heads as heads
from zcrm_local.store.tables import record_changes

def _ensure_counter(conn: sa.Connection, org_id: int) -> None:
    values = {"org_id": org_id, "last_seq": 0}
    if conn.dialect.name == "postgresql":
        conn.execute(pg_insert(heads).values(**values).on_conflict_do_nothing())
    else:
        conn.execute(lite_insert(heads).values(**values).on_conflict_do_nothing())


def _take_seqs(conn: sa.Connection, org_id: int, count: int) -> int:
    """Reserve ``count`` sequence numbers; returns the first. The UPDATE locks the org's counter
    row until the transaction ends, so sequence order is commit order."""
    stmt = (sa.update(heads).where(heads.c.org_id == org_id).values(last_seq=heads.c.last_seq + count)
            .returning(heads.c.last_seq))
    last = conn.execute(stmt).scalar_one_or_none()
    if last is None:
        _ensure_counter(conn, org_id)
        last = conn.execute(stmt).scalar_one()
    return int(last) - count + 1


def append(conn: sa.Connection, org_id: int, entries: Sequence[Mapping[str, Any]]) -> list[int]:
    """Append entries (keys: record_id, module, operation, source, changes, done_by, audited_time);
    returns their sequence numbers."""
    if not entries:
        return []
    first = _take_seqs(conn, org_id, len(entries))
    rows = [{**entry, "org_id": org_id, "seq": first + n} for n, entry in enumerate(entries)]
    conn.execute(sa.insert(record_changes), rows)
    return [row["seq"] for row in rows]


def for_record(conn: sa.Connection, org_id: int, record_id: int) -> list[sa.RowMapping]:
    stmt = (sa.select(record_changes)
            .where(record_changes.c.org_id == org_id, record_changes.c.record_id == record_id)
            .order_by(record_changes.c.seq))
    return list(conn.execute(stmt).mappings())


def since(conn: sa.Connection, org_id: int, after_seq: int, limit: int = 1000) -> list[sa.RowMapping]:
    """Entries after ``after_seq`` in order: what a deliverer of notifications reads next."""
    stmt = (sa.select(record_changes)
            .where(record_changes.c.org_id == org_id, record_changes.c.seq > after_seq)
            .order_by(record_changes.c.seq).limit(limit))
    return list(conn.execute(stmt).mappings())

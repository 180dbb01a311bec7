"""Finding stored records by a field value (upsert matching, spec 40 §2.10)."""

from __future__ import annotations

import sqlalchemy as sa

from zcrm_local.store.tables import records


def oldest_with(conn: sa.Connection, org_id: int, module: str, field: str, key: str, *,
                case_insensitive: bool, lock: bool = True) -> sa.RowMapping | None:
    """The record with the smallest id whose ``field`` equals ``key`` after trimming (and
    lower-casing); ``lock``: locked for the rest of the transaction."""
    value = sa.func.trim(records.c.data[field].as_string())
    if case_insensitive:
        value = sa.func.lower(value)
    stmt = (sa.select(records)
            .where(records.c.org_id == org_id, records.c.module == module, value == key)
            .order_by(records.c.id).limit(1))
    if lock:
        stmt = stmt.with_for_update()
    return conn.execute(stmt).mappings().first()

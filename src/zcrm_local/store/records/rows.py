"""Records of every module: the only SQL for them. Every statement filters by org."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from zcrm_local.store.tables import counters, records

SORT_COLUMNS = {"id": records.c.id, "Created_Time": records.c.created_time, "Modified_Time": records.c.modified_time}

# Hot statements built once with bind parameters: SQLAlchemy reuses their memoized cache key
# and compiled form instead of rebuilding both per call (docs/performance.md §1).
_IN_MODULE = (records.c.org_id == sa.bindparam("org_id"), records.c.module == sa.bindparam("module"))
_GET = sa.select(records).where(*_IN_MODULE, records.c.id == sa.bindparam("record_id"))
_GET_FOR_UPDATE = _GET.with_for_update()


def _order(sort_by: str, descending: bool) -> tuple[Any, Any]:
    column = SORT_COLUMNS[sort_by]
    return (column.desc(), records.c.id.desc()) if descending else (column.asc(), records.c.id.asc())


# The unfiltered page (the common list) for each sort; filtered pages are built per call.
_PAGES = {
    (sort_by, descending): sa.select(records).where(*_IN_MODULE).order_by(*_order(sort_by, descending))
    .offset(sa.bindparam("offset")).limit(sa.bindparam("limit"))
    for sort_by in SORT_COLUMNS for descending in (True, False)
}


_INSERT = sa.insert(records)


def insert(conn: sa.Connection, rows: Iterable[Mapping[str, Any]]) -> None:
    batch = list(rows)
    if batch:
        conn.execute(_INSERT, batch)


def get(conn: sa.Connection, org_id: int, module: str, record_id: int, *,
        for_update: bool = False) -> sa.RowMapping | None:
    """``for_update`` locks the row until the transaction ends (PostgreSQL; SQLite's write
    transaction already excludes other writers)."""
    stmt = _GET_FOR_UPDATE if for_update else _GET
    return conn.execute(stmt, {"org_id": org_id, "module": module, "record_id": record_id}).mappings().first()


def get_many(conn: sa.Connection, org_id: int, module: str, ids: list[int]) -> dict[int, sa.RowMapping]:
    if not ids:
        return {}
    stmt = sa.select(records).where(records.c.org_id == org_id, records.c.module == module, records.c.id.in_(ids))
    return {row["id"]: row for row in conn.execute(stmt).mappings()}


def by_ids(conn: sa.Connection, org_id: int, ids: Iterable[int]) -> list[sa.RowMapping]:
    """Records of any module of the org with these ids (what lookups name): one query."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    stmt = sa.select(records.c.id, records.c.module, records.c.data).where(
        records.c.org_id == org_id, records.c.id.in_(wanted))
    return list(conn.execute(stmt).mappings())


def page(
    conn: sa.Connection,
    org_id: int,
    module: str,
    *,
    sort_by: str = "id",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
    ids: list[int] | None = None,
    modified_since: Any = None,
    record_ids_in: sa.Select[Any] | None = None,
) -> list[sa.RowMapping]:
    """One page in a stable order (ties on the sort column broken by id)."""
    if ids is None and modified_since is None and record_ids_in is None:
        params = {"org_id": org_id, "module": module, "offset": offset, "limit": limit}
        return list(conn.execute(_PAGES[(sort_by, descending)], params).mappings())
    order = _order(sort_by, descending)
    stmt = sa.select(records).where(records.c.org_id == org_id, records.c.module == module)
    if ids is not None:
        stmt = stmt.where(records.c.id.in_(ids))
    if modified_since is not None:
        stmt = stmt.where(records.c.modified_time > modified_since)
    if record_ids_in is not None:
        stmt = stmt.where(records.c.id.in_(record_ids_in))
    stmt = stmt.order_by(*order).offset(offset).limit(limit)
    return list(conn.execute(stmt).mappings())


def update(conn: sa.Connection, org_id: int, record_id: int, version: int, **values: Any) -> bool:
    """Write only if nobody wrote since ``version`` was read; False tells the caller to retry."""
    done = conn.execute(
        sa.update(records)
        .where(records.c.org_id == org_id, records.c.id == record_id, records.c.version == version)
        .values(version=version + 1, **values)
    )
    return done.rowcount == 1


def delete(conn: sa.Connection, org_id: int, module: str, record_id: int) -> bool:
    done = conn.execute(
        sa.delete(records).where(records.c.org_id == org_id, records.c.module == module, records.c.id == record_id)
    )
    return done.rowcount == 1


def count(conn: sa.Connection, org_id: int, module: str) -> int:
    stmt = sa.select(sa.func.count()).select_from(records).where(records.c.org_id == org_id, records.c.module == module)
    return int(conn.execute(stmt).scalar_one())


# ---- counters -------------------------------------------------------------------------------

def create_counter(conn: sa.Connection, org_id: int, name: str, value: int = 0) -> None:
    conn.execute(sa.insert(counters).values(org_id=org_id, name=name, value=value))


def try_increment(conn: sa.Connection, org_id: int, name: str, limit: int) -> bool:
    """Add one unless the counter is at ``limit``; atomic on both stores."""
    done = conn.execute(
        sa.update(counters)
        .where(counters.c.org_id == org_id, counters.c.name == name, counters.c.value < limit)
        .values(value=counters.c.value + 1)
    )
    return done.rowcount == 1


def decrement(conn: sa.Connection, org_id: int, name: str) -> None:
    conn.execute(
        sa.update(counters)
        .where(counters.c.org_id == org_id, counters.c.name == name, counters.c.value > 0)
        .values(value=counters.c.value - 1)
    )


def counter(conn: sa.Connection, org_id: int, name: str) -> int:
    stmt = sa.select(counters.c.value).where(counters.c.org_id == org_id, counters.c.name == name)
    return int(conn.execute(stmt).scalar_one_or_none() or 0)

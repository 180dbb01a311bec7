"""An org's rows as plain JSON, and back: every table that has an ``org_id`` column.

Tables are found from the schema, so a feature that adds a table is in snapshots without
further code; a table opts out with ``info={"snapshot": False}`` (the harness's own state).
Values are encoded by column type: instants as ISO 8601 with microseconds (UTC), dates as
ISO dates, everything else as JSON already represents it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from zcrm_local.store.db import Database
from zcrm_local.store.tables import metadata, orgs
from zcrm_local.store.types import Instant


class SnapshotError(ValueError):
    """A snapshot that does not fit this schema, or rows that conflict with other orgs."""


def org_tables() -> list[sa.Table]:
    """Every table holding org rows, parents before children (``orgs`` first)."""
    return [t for t in metadata.sorted_tables if t is orgs or "org_id" in t.c]


def snapshot_tables() -> list[sa.Table]:
    return [t for t in org_tables() if t.info.get("snapshot", True)]


def _scope(table: sa.Table, org_id: int) -> sa.ColumnElement[bool]:
    return table.c.id == org_id if table is orgs else table.c.org_id == org_id


def _encode(column: sa.Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, Instant):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _decode(column: sa.Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, Instant):
        return datetime.fromisoformat(value)
    if isinstance(column.type, sa.Date):
        return date.fromisoformat(value)
    return value


def export_rows(conn: sa.Connection, org_id: int) -> dict[str, list[dict[str, Any]]]:
    """Each snapshot table's rows of the org, ordered by primary key (all columns if none)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for table in snapshot_tables():
        order = list(table.primary_key.columns) or list(table.c)
        rows = conn.execute(sa.select(table).where(_scope(table, org_id)).order_by(*order)).mappings()
        # str(): column names are a str subclass that JSON encoders refuse as keys.
        out[str(table.name)] = [{str(c.name): _encode(c, row[c.name]) for c in table.c} for row in rows]
    return out


def replace_rows(conn: sa.Connection, org_id: int, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Make the org's snapshot tables hold exactly ``tables`` (inside the caller's transaction).

    The org row is updated in place, so harness tables (which cascade from it) survive;
    its id sequence never moves backwards, so ids handed out meanwhile are never reused.
    """
    known = {t.name: t for t in snapshot_tables()}
    unknown = sorted(set(tables) - set(known))
    if unknown:
        raise SnapshotError(f"unknown tables: {', '.join(unknown)}")
    decoded: dict[str, list[dict[str, Any]]] = {}
    for name, rows in tables.items():
        table = known[name]
        columns = {c.name for c in table.c}
        for row in rows:
            if set(row) != columns:
                raise SnapshotError(f"table {name}: columns {sorted(row)} do not match {sorted(columns)}")
            if table is not orgs and row["org_id"] != org_id:
                raise SnapshotError(f"table {name}: a row of another org")
        decoded[name] = [{c.name: _decode(c, row[c.name]) for c in table.c} for row in rows]
    org_rows = decoded.get(orgs.name, [])
    if len(org_rows) != 1 or org_rows[0]["id"] != org_id:
        raise SnapshotError("the snapshot must hold exactly the org's own row")
    try:
        for table in reversed(snapshot_tables()):
            if table is not orgs:
                conn.execute(sa.delete(table).where(_scope(table, org_id)))
        org_row = dict(org_rows[0])
        current = conn.execute(sa.select(orgs.c.next_seq).where(orgs.c.id == org_id)).scalar_one_or_none()
        if current is None:
            conn.execute(sa.insert(orgs).values(**org_row))
        else:
            org_row["next_seq"] = max(current, org_row["next_seq"])
            conn.execute(sa.update(orgs).where(orgs.c.id == org_id).values(**org_row))
        for table in snapshot_tables():
            rows = decoded.get(table.name, [])
            if table is not orgs and rows:
                conn.execute(sa.insert(table), rows)
    except sa.exc.IntegrityError as clash:
        raise SnapshotError(f"the snapshot conflicts with other rows: {clash.orig}") from None


def delete_org(conn: sa.Connection, org_id: int) -> bool:
    """Every row of the org in every table, harness state included."""
    for table in reversed(org_tables()):
        if table is not orgs:
            conn.execute(sa.delete(table).where(_scope(table, org_id)))
    return conn.execute(sa.delete(orgs).where(orgs.c.id == org_id)).rowcount == 1


def scratch_database() -> Database:
    """A private in-memory database with the current schema (to build an org's fixture apart)."""
    db = Database("sqlite://")
    metadata.create_all(db.engine)
    return db

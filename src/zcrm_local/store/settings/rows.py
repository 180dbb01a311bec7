"""Per-org settings documents, taxes and holidays: the only SQL for them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa

from zcrm_local.store.tables import holidays, org_settings, taxes


# Reads made per write request, built once with bind parameters so SQLAlchemy reuses their
# cache key and compiled form (docs/performance.md §1).
_GET_SETTING = sa.select(org_settings.c.value).where(
    org_settings.c.org_id == sa.bindparam("org_id"), org_settings.c.key == sa.bindparam("key")
)
_GET_SETTINGS = sa.select(org_settings.c.key, org_settings.c.value).where(
    org_settings.c.org_id == sa.bindparam("org_id"), org_settings.c.key.in_(sa.bindparam("keys", expanding=True))
)
_LIST_TAXES = (
    sa.select(taxes).where(taxes.c.org_id == sa.bindparam("org_id")).order_by(taxes.c.sequence_number, taxes.c.id)
)
_LIST_HOLIDAYS = (
    sa.select(holidays).where(holidays.c.org_id == sa.bindparam("org_id")).order_by(holidays.c.date, holidays.c.id)
)


def get_setting(conn: sa.Connection, org_id: int, key: str) -> Any:
    return conn.execute(_GET_SETTING, {"org_id": org_id, "key": key}).scalar_one_or_none()


def get_settings(conn: sa.Connection, org_id: int, keys: Iterable[str]) -> dict[str, Any]:
    return {row.key: row.value for row in conn.execute(_GET_SETTINGS, {"org_id": org_id, "keys": list(keys)})}


def put_setting(conn: sa.Connection, org_id: int, key: str, value: Any) -> None:
    """Insert or replace; a delete-then-insert keeps it one portable code path."""
    conn.execute(sa.delete(org_settings).where(org_settings.c.org_id == org_id, org_settings.c.key == key))
    conn.execute(sa.insert(org_settings).values(org_id=org_id, key=key, value=value))


def delete_setting(conn: sa.Connection, org_id: int, key: str) -> None:
    conn.execute(sa.delete(org_settings).where(org_settings.c.org_id == org_id, org_settings.c.key == key))


def insert_taxes(conn: sa.Connection, rows: Iterable[Mapping[str, Any]]) -> None:
    batch = list(rows)
    if batch:
        conn.execute(sa.insert(taxes), batch)


def list_taxes(conn: sa.Connection, org_id: int) -> list[sa.RowMapping]:
    return list(conn.execute(_LIST_TAXES, {"org_id": org_id}).mappings())


def insert_holidays(conn: sa.Connection, rows: Iterable[Mapping[str, Any]]) -> None:
    batch = list(rows)
    if batch:
        conn.execute(sa.insert(holidays), batch)


def list_holidays(conn: sa.Connection, org_id: int, year: int | None = None,
                  kind: str | None = None) -> list[sa.RowMapping]:
    if year is None and kind is None:
        return list(conn.execute(_LIST_HOLIDAYS, {"org_id": org_id}).mappings())
    stmt = sa.select(holidays).where(holidays.c.org_id == org_id)
    if year is not None:
        stmt = stmt.where(holidays.c.date >= date(year, 1, 1), holidays.c.date <= date(year, 12, 31))
    if kind is not None:
        stmt = stmt.where(holidays.c.type == kind)
    return list(conn.execute(stmt.order_by(holidays.c.date, holidays.c.id)).mappings())

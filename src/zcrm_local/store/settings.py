"""Per-org settings documents, taxes and holidays: the only SQL for them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa

from zcrm_local.store.tables import holidays, org_settings, taxes


def get_setting(conn: sa.Connection, org_id: int, key: str) -> Any:
    stmt = sa.select(org_settings.c.value).where(org_settings.c.org_id == org_id, org_settings.c.key == key)
    return conn.execute(stmt).scalar_one_or_none()


def get_settings(conn: sa.Connection, org_id: int, keys: Iterable[str]) -> dict[str, Any]:
    stmt = sa.select(org_settings.c.key, org_settings.c.value).where(
        org_settings.c.org_id == org_id, org_settings.c.key.in_(list(keys))
    )
    return {row.key: row.value for row in conn.execute(stmt)}


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
    stmt = sa.select(taxes).where(taxes.c.org_id == org_id).order_by(taxes.c.sequence_number, taxes.c.id)
    return list(conn.execute(stmt).mappings())


def insert_holidays(conn: sa.Connection, rows: Iterable[Mapping[str, Any]]) -> None:
    batch = list(rows)
    if batch:
        conn.execute(sa.insert(holidays), batch)


def list_holidays(conn: sa.Connection, org_id: int, year: int | None = None,
                  kind: str | None = None) -> list[sa.RowMapping]:
    stmt = sa.select(holidays).where(holidays.c.org_id == org_id)
    if year is not None:
        stmt = stmt.where(holidays.c.date >= date(year, 1, 1), holidays.c.date <= date(year, 12, 31))
    if kind is not None:
        stmt = stmt.where(holidays.c.type == kind)
    return list(conn.execute(stmt.order_by(holidays.c.date, holidays.c.id)).mappings())

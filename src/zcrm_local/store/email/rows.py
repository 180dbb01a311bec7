"""The ``emails`` and ``email_settings`` tables."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from zcrm_local.store.tables import email_settings, emails


def next_seq(conn: sa.Connection, org_id: int) -> int:
    found = conn.execute(sa.select(sa.func.max(emails.c.seq)).where(emails.c.org_id == org_id)).scalar()
    return int(found or 0) + 1


def insert(conn: sa.Connection, row: Mapping[str, Any]) -> None:
    conn.execute(sa.insert(emails), [dict(row)])


def of_record(conn: sa.Connection, org_id: int, record_id: int, kinds: tuple[str, ...]) -> list[sa.RowMapping]:
    stmt = (sa.select(emails).where(emails.c.org_id == org_id, emails.c.record_id == record_id,
                                    emails.c.kind.in_(kinds)).order_by(emails.c.seq.desc()))
    return list(conn.execute(stmt).mappings())


def get(conn: sa.Connection, org_id: int, message_id: str) -> sa.RowMapping | None:
    if "\x00" in message_id:
        return None  # no stored id holds one, and PostgreSQL refuses NUL in a text parameter
    stmt = sa.select(emails).where(emails.c.org_id == org_id, emails.c.message_id == message_id)
    return conn.execute(stmt).mappings().first()


def update(conn: sa.Connection, org_id: int, message_id: str, **values: Any) -> None:
    conn.execute(sa.update(emails).where(emails.c.org_id == org_id, emails.c.message_id == message_id).values(**values))


def delete(conn: sa.Connection, org_id: int, message_id: str) -> None:
    conn.execute(sa.delete(emails).where(emails.c.org_id == org_id, emails.c.message_id == message_id))


def outbox(conn: sa.Connection, org_id: int) -> list[sa.RowMapping]:
    stmt = sa.select(emails).where(emails.c.org_id == org_id, emails.c.kind == "mail").order_by(emails.c.seq)
    return list(conn.execute(stmt).mappings())


def clear_outbox(conn: sa.Connection, org_id: int) -> int:
    stmt = sa.delete(emails).where(emails.c.org_id == org_id, emails.c.kind == "mail")
    return conn.execute(stmt).rowcount or 0


def settings_of(conn: sa.Connection, org_id: int, kind: str) -> dict[str, Any]:
    stmt = (sa.select(email_settings.c.key, email_settings.c.doc)
            .where(email_settings.c.org_id == org_id, email_settings.c.kind == kind).order_by(email_settings.c.key))
    return {row.key: row.doc for row in conn.execute(stmt)}


def put_setting(conn: sa.Connection, org_id: int, kind: str, key: str, doc: Any) -> None:
    conn.execute(sa.delete(email_settings).where(email_settings.c.org_id == org_id, email_settings.c.kind == kind,
                                                 email_settings.c.key == key))
    conn.execute(sa.insert(email_settings), [{"org_id": org_id, "kind": kind, "key": key, "doc": doc}])


def delete_setting(conn: sa.Connection, org_id: int, kind: str, key: str) -> None:
    conn.execute(sa.delete(email_settings).where(email_settings.c.org_id == org_id, email_settings.c.kind == kind,
                                                 email_settings.c.key == key))

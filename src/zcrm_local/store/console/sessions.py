"""The web console's sessions (server-wide, shared by every server process)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from zcrm_local.store.tables import admin_keys, console_sessions


def insert(conn: sa.Connection, session_hash: str, key_hash: str, csrf_token: str, now: datetime,
           expires: datetime) -> None:
    conn.execute(sa.insert(console_sessions).values(
        session_hash=session_hash, key_hash=key_hash, csrf_token=csrf_token, created_time=now,
        expires_time=expires))


def get_live(conn: sa.Connection, session_hash: str, now: datetime) -> sa.RowMapping | None:
    """The session, while unexpired and while the admin key that opened it is still valid."""
    query = (
        sa.select(console_sessions)
        .join(admin_keys, admin_keys.c.key_hash == console_sessions.c.key_hash)
        .where(console_sessions.c.session_hash == session_hash, console_sessions.c.expires_time > now)
    )
    return conn.execute(query).mappings().first()


def delete(conn: sa.Connection, session_hash: str) -> bool:
    done = conn.execute(sa.delete(console_sessions).where(console_sessions.c.session_hash == session_hash))
    return done.rowcount == 1


def prune(conn: sa.Connection, now: datetime) -> None:
    conn.execute(sa.delete(console_sessions).where(console_sessions.c.expires_time <= now))

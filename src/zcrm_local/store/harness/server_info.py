"""Server-wide facts a running server leaves in the database for the CLI."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from zcrm_local.store.tables import server_info

_GET = sa.select(server_info.c.value).where(server_info.c.key == sa.bindparam("key"))


def get_info(conn: sa.Connection, key: str) -> str | None:
    return conn.execute(_GET, {"key": key}).scalar_one_or_none()


def put_info(conn: sa.Connection, key: str, value: str, now: datetime) -> None:
    values = {"value": value, "updated_time": now}
    if conn.execute(sa.update(server_info).where(server_info.c.key == key).values(**values)).rowcount:
        return
    try:
        # Two servers starting at once may both insert; the later one then updates.
        with conn.begin_nested():
            conn.execute(sa.insert(server_info).values(key=key, **values))
    except sa.exc.IntegrityError:
        conn.execute(sa.update(server_info).where(server_info.c.key == key).values(**values))

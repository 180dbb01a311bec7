"""The per-installation secret, kept as a row of ``server_info`` (D-455).

Shared by the API families (page tokens), so it lives outside the test double's store."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from zcrm_local.store.tables import server_info

_GET = sa.select(server_info.c.value).where(server_info.c.key == sa.bindparam("key"))


def claim_info(conn: sa.Connection, key: str, value: str, now: datetime) -> str:
    """The stored value of ``key``, storing ``value`` first when there is none: processes that
    start together all end up with the first one stored."""
    stored = conn.execute(_GET, {"key": key}).scalar_one_or_none()
    if stored is not None:
        return str(stored)
    try:
        with conn.begin_nested():
            conn.execute(sa.insert(server_info).values(key=key, value=value, updated_time=now))
    except sa.exc.IntegrityError:
        pass
    return str(conn.execute(_GET, {"key": key}).scalar_one())

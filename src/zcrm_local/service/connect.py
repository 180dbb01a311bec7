"""Opening a database for a command: a reachable store at the newest schema, or one clear reason why not."""

from __future__ import annotations

import sqlalchemy as sa

from zcrm_local.store.db import Database
from zcrm_local.store.migrate import upgrade


class DatabaseUnavailable(Exception):
    """The database cannot be opened; ``str()`` is the driver's first line, without a traceback."""


def open_and_upgrade(db: Database) -> None:
    """Connect once (so an unreachable server fails here, not inside a migration), then migrate."""
    try:
        with db.read() as conn:
            conn.exec_driver_sql("SELECT 1")
        upgrade(db)
    except sa.exc.DBAPIError as exc:
        db.dispose()
        reason = str(exc.orig).strip().splitlines() if exc.orig is not None else []
        raise DatabaseUnavailable(reason[0] if reason else type(exc).__name__) from None

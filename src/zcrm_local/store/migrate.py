"""Schema migrations, run by ``serve`` and ``db upgrade``.

Several processes may start at once on one database: on PostgreSQL an advisory lock makes one
migrate while the others wait; on SQLite the exclusive write lock of the migration transaction
does the same.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from zcrm_local.store.db import Database

_MIGRATIONS = Path(__file__).parent / "migrations"
_PG_LOCK_KEY = 0x7A63726D  # "zcrm"


def alembic_config(conn: sa.Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def head_revision() -> str | None:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, revision: str = "head") -> None:
    with db.engine.connect() as conn:
        if db.dialect == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({_PG_LOCK_KEY})")
            conn.commit()
            try:
                command.upgrade(alembic_config(conn), revision)
                conn.commit()
            finally:
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_PG_LOCK_KEY})")
                conn.commit()
        else:
            conn = conn.execution_options(zcrm_write=True)
            # BEGIN IMMEDIATE before alembic reads the version: another process waits here (busy
            # timeout), then finds the schema at head. Alembic runs inside this one transaction.
            with conn.begin():
                command.upgrade(alembic_config(conn), revision)


def downgrade(db: Database, revision: str = "base") -> None:
    with db.engine.connect() as conn:
        command.downgrade(alembic_config(conn), revision)
        conn.commit()

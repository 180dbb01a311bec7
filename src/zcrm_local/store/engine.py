"""Engines for both stores; the only module that branches on the database dialect.

SQLite: WAL, foreign keys, a busy timeout, ``synchronous=NORMAL`` (WAL at NORMAL never loses a
committed transaction when the *process* dies; only an OS crash or power cut can), and
``BEGIN IMMEDIATE`` for write transactions so two writers queue on the busy timeout instead of
failing on a lock upgrade. PostgreSQL: a bounded pool with pre-ping, and a statement timeout.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import StaticPool

SQLITE_BUSY_TIMEOUT_MS = 30_000
PG_STATEMENT_TIMEOUT_MS = 30_000


def normalize_url(url: str) -> str:
    """Accept the user-facing forms ``sqlite:///path``, ``sqlite://``, ``postgresql://…``."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        rest = url.split("://", 1)[1]
        return "postgresql+psycopg://" + rest
    return url


def is_sqlite(engine: sa.Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, *, pool_size: int = 5) -> sa.Engine:
    url = normalize_url(url)
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return sa.create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        pool_timeout=30,
        connect_args={"options": f"-c statement_timeout={PG_STATEMENT_TIMEOUT_MS}"},
    )


def _sqlite_engine(url: str) -> sa.Engine:
    in_memory = url in ("sqlite://", "sqlite:///:memory:") or ":memory:" in url
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if in_memory:
        # One shared connection, or every checkout would see a different empty database.
        kwargs["poolclass"] = StaticPool
    engine = sa.create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control from the driver so BEGIN is ours (see module docstring).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        write = conn.get_execution_options().get("zcrm_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine

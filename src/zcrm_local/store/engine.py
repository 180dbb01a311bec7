"""Engines for both stores; the only module that branches on the database dialect.

SQLite: WAL, foreign keys, a busy timeout, ``synchronous=NORMAL`` (WAL at NORMAL never loses a
committed transaction when the *process* dies; only an OS crash or power cut can), and
``BEGIN IMMEDIATE`` for write transactions so two writers queue on the busy timeout instead of
failing on a lock upgrade. PostgreSQL: a bounded pool with pre-ping (a connection the server
dropped, say by a restart, is replaced at its next checkout), and a statement timeout.

``is_transient`` says which failures a re-run of the whole transaction can cure (see
``Database.write_retrying``); ``xact_lock`` serialises one kind of write across processes.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql.visitors import InternalTraversal

from zcrm_local.domain.query.values import SEPARATORS

SQLITE_BUSY_TIMEOUT_MS = 30_000
PG_STATEMENT_TIMEOUT_MS = 30_000
PG_POOL_SIZE = 5
PG_POOL_TIMEOUT_S = 30
PG_CONNECT_TIMEOUT_S = 10
# How the server's sessions are named in pg_stat_activity.
PG_APPLICATION_NAME = "zcrm-local"
# serialization_failure, deadlock_detected: the transaction lost a race and may simply run again.
_PG_RETRY_STATES = frozenset({"40001", "40P01"})


def normalize_url(url: str) -> str:
    """Accept the user-facing forms ``sqlite:///path``, ``sqlite://``, ``postgresql://…``."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        rest = url.split("://", 1)[1]
        return "postgresql+psycopg://" + rest
    return url


def json_dumps(value: Any) -> str:
    """orjson for the JSON columns (the standard library's codec was ~18 % of a list); values
    orjson refuses (integers beyond 64 bits, non-string keys, NaN) go through ``json`` as before."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value)


def json_loads(text: str | bytes) -> Any:
    """orjson, or ``json`` for documents orjson refuses (big integers, NaN) written by ``json``."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


_JSON_CODEC = {"json_serializer": json_dumps, "json_deserializer": json_loads}


def is_sqlite(engine: sa.Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, *, pool_size: int = PG_POOL_SIZE, max_overflow: int | None = None,
                statement_timeout_ms: int = PG_STATEMENT_TIMEOUT_MS) -> sa.Engine:
    """``pool_size`` and ``max_overflow`` (default: ``pool_size``) bound the connections one
    process opens on PostgreSQL; SQLite opens what it needs."""
    url = normalize_url(url)
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return sa.create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size if max_overflow is None else max_overflow,
        pool_pre_ping=True,
        pool_timeout=PG_POOL_TIMEOUT_S,
        **_JSON_CODEC,  # psycopg's json and jsonb loaders/dumpers take these too
        connect_args={"options": f"-c statement_timeout={statement_timeout_ms}",
                      "application_name": PG_APPLICATION_NAME, **_connect_timeout()},
    )


def _connect_timeout() -> dict[str, int]:
    """A server that never answers fails the connection instead of hanging; libpq's own
    PGCONNECT_TIMEOUT, when set, decides instead."""
    return {} if os.environ.get("PGCONNECT_TIMEOUT") else {"connect_timeout": PG_CONNECT_TIMEOUT_S}


def is_transient(exc: BaseException) -> bool:
    """A lost race (PostgreSQL serialization failure or deadlock, SQLite "database is locked"
    after the busy timeout) that re-running the whole transaction can cure. A dropped
    connection is not: the request fails, the pool reconnects for the next one."""
    if not isinstance(exc, sa.exc.DBAPIError) or exc.connection_invalidated:
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _PG_RETRY_STATES:
        return True
    return isinstance(orig, sqlite3.OperationalError) and ("locked" in str(orig) or "busy" in str(orig))


def xact_lock(conn: sa.Connection, key: int) -> None:
    """Hold a named lock until the transaction ends: a PostgreSQL advisory lock. SQLite needs
    none: a write transaction (BEGIN IMMEDIATE) already excludes every other writer."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _sqlite_engine(url: str) -> sa.Engine:
    in_memory = url in ("sqlite://", "sqlite:///:memory:") or ":memory:" in url
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}, **_JSON_CODEC}
    if in_memory:
        # One shared connection, or every checkout would see a different empty database.
        kwargs["poolclass"] = StaticPool
    engine = sa.create_engine(url, **kwargs)
    if not in_memory and engine.url.database:
        _create_private(engine.url.database)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control from the driver so BEGIN is ours (see module docstring).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if not in_memory:
            _enable_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # Straight to the driver: through ``exec_driver_sql`` the BEGIN cost as much as a query.
        write = conn.get_execution_options().get("zcrm_write", False)
        conn.connection.driver_connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _create_private(path: str) -> None:
    """A new database file is readable by its owner only: it holds tokens, secrets and every
    record. SQLite gives the -wal and -shm files the database file's mode."""
    if path.startswith("file:"):
        return
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError:
        return  # a missing folder: SQLite's own error says it when the database is opened


def _enable_wal(cursor: Any) -> None:
    """Switching to WAL needs a lock that a process migrating the same new file may hold, and
    SQLite can answer "database is locked" at once instead of waiting the busy timeout: retry."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


# ---- JSON body expressions: the same text on both stores, so expression indexes match ----------
# Keys are field API names (letters, digits, ``_``, ``$``), written into the SQL as literals:
# SQLite uses an expression index only when the query spells the indexed expression exactly,
# and a bound JSON path would not.

_SAFE_KEY = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")


class JsonText(sa.sql.expression.ColumnElement[str]):
    """The text of one top-level key of a JSON column (NULL when absent or JSON null)."""

    inherit_cache = True
    type = sa.String()
    # Both attributes take part in the statement cache key (two keys never share compiled SQL).
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement), ("key", InternalTraversal.dp_string)]

    def __init__(self, column: Any, key: str) -> None:
        if not key or not set(key) <= _SAFE_KEY:
            raise ValueError(f"unsafe JSON key {key!r}")
        self.column = column
        self.key = key



class JsonIsTrue(sa.sql.expression.ColumnElement[bool]):
    """A JSON boolean key is true (SQLite reads it as 1, PostgreSQL's ``->>`` as 'true')."""

    inherit_cache = True
    type = sa.Boolean()
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement), ("key", InternalTraversal.dp_string)]

    def __init__(self, column: Any, key: str) -> None:
        JsonText(column, key)  # the same key check
        self.column = column
        self.key = key


from sqlalchemy.ext.compiler import compiles  # noqa: E402


@compiles(JsonText, "sqlite")
def _json_text_sqlite(element: JsonText, compiler: Any, **kw: Any) -> str:
    return f"json_extract({compiler.process(element.column, **kw)}, '$.\"{element.key}\"')"


@compiles(JsonText, "postgresql")
def _json_text_pg(element: JsonText, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.column, **kw)} ->> '{element.key}')"


@compiles(JsonIsTrue, "sqlite")
def _json_true_sqlite(element: JsonIsTrue, compiler: Any, **kw: Any) -> str:
    return f"(json_extract({compiler.process(element.column, **kw)}, '$.\"{element.key}\"') = 1)"


@compiles(JsonIsTrue, "postgresql")
def _json_true_pg(element: JsonIsTrue, compiler: Any, **kw: Any) -> str:
    return f"(({compiler.process(element.column, **kw)} ->> '{element.key}') = 'true')"


def json_text_sql(dialect: str, column: str, key: str) -> str:
    """The same expression as DDL text, for expression indexes in migrations."""
    JsonText(sa.column(column), key)
    if dialect == "sqlite":
        return f"json_extract({column}, '$.\"{key}\"')"
    return f"({column} ->> '{key}')"


# Search word rule (spec 50 §3.4) for a whole value: lower case, separators to spaces, runs of up
# to 16 spaces collapsed, trimmed. Constants are SQL literals so an expression index matches.
_WORD_SEPARATORS = SEPARATORS + "\t\n\r"


def words_norm_sql(inner: str) -> str:
    out = f"lower({inner})"
    for ch in _WORD_SEPARATORS:
        out = f"replace({out}, '{ch}', ' ')"
    for _ in range(4):
        out = f"replace({out}, '  ', ' ')"
    return f"trim({out})"


class WordsNorm(sa.sql.expression.ColumnElement[str]):
    """A value's words joined by one space (``" ".join(values.words(v))`` in SQL)."""

    inherit_cache = True
    type = sa.String()
    _traverse_internals = [("inner", InternalTraversal.dp_clauseelement)]

    def __init__(self, inner: Any) -> None:
        self.inner = inner


@compiles(WordsNorm)
def _words_norm(element: WordsNorm, compiler: Any, **kw: Any) -> str:
    return words_norm_sql(compiler.process(element.inner, **kw))


class Unindexed(sa.sql.expression.ColumnElement[Any]):
    """A column SQLite must not walk an index for (``+col``): a filtered page sorted by id would
    otherwise walk the id index past every record instead of seeking the filter's index.
    PostgreSQL plans from statistics and gets the plain column."""

    inherit_cache = True
    _traverse_internals = [("inner", InternalTraversal.dp_clauseelement)]

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.type = inner.type


@compiles(Unindexed)
def _unindexed(element: Unindexed, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.inner, **kw)


@compiles(Unindexed, "sqlite")
def _unindexed_sqlite(element: Unindexed, compiler: Any, **kw: Any) -> str:
    return f"+{compiler.process(element.inner, **kw)}"


class JsonArrayLength(sa.sql.expression.ColumnElement[int]):
    """The number of items of a JSON array kept under one top-level key (NULL when absent)."""

    inherit_cache = True
    type = sa.Integer()
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement), ("key", InternalTraversal.dp_string)]

    def __init__(self, column: Any, key: str) -> None:
        JsonText(column, key)  # the same key check
        self.column = column
        self.key = key


@compiles(JsonArrayLength, "sqlite")
def _json_length_sqlite(element: JsonArrayLength, compiler: Any, **kw: Any) -> str:
    return f"json_array_length({compiler.process(element.column, **kw)}, '$.\"{element.key}\"')"


@compiles(JsonArrayLength, "postgresql")
def _json_length_pg(element: JsonArrayLength, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    return (f"(CASE WHEN jsonb_typeof({column} -> '{element.key}') = 'array' "
            f"THEN jsonb_array_length({column} -> '{element.key}') END)")

"""Transactions: the store's only entry point for callers above it.

``read()`` and ``write()`` each yield one connection inside one transaction; a write commits
when the block ends without an exception and rolls back otherwise, so nothing is half-written.
``write_retrying(fn)`` runs ``fn(conn)`` as one write transaction and runs it again, whole, in a
fresh transaction when it lost a race with another writer (``engine.is_transient``).
``shared_read()`` makes the reads of one block (one request) join a single read transaction,
opened at the first read; a write inside the block (outside any open ``read()``) ends that
transaction first, so a later read sees the write.
``atomic()`` makes every read and write of one block join a single write transaction: each
``write()`` inside it is a savepoint, and the block commits or rolls back whole (a composite
request with ``rollback_on_fail``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

import sqlalchemy as sa

from zcrm_local.store.engine import PG_POOL_SIZE, PG_STATEMENT_TIMEOUT_MS, is_transient, make_engine

T = TypeVar("T")

WRITE_ATTEMPTS = 5
_BACKOFF_BASE_S = 0.01
_BACKOFF_CAP_S = 0.5


class _SharedRead:
    """The read transaction that the reads of one ``shared_read()`` block join."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self.conn: sa.Connection | None = None
        self.in_use = 0  # open ``read()`` blocks: a write nested in one leaves the read open

    def connection(self) -> sa.Connection:
        if self.conn is None:
            conn = self._engine.connect()
            try:
                conn.begin()
            except BaseException:
                conn.close()
                raise
            self.conn = conn
        return self.conn

    def end(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            conn.close()  # a read has nothing to commit: the rollback ends it


class Database:
    def __init__(self, url: str, *, pool_size: int = PG_POOL_SIZE, max_overflow: int | None = None,
                 statement_timeout_ms: int = PG_STATEMENT_TIMEOUT_MS, write_attempts: int = WRITE_ATTEMPTS) -> None:
        self.url = url
        self.write_attempts = max(1, write_attempts)
        self.engine = make_engine(url, pool_size=pool_size, max_overflow=max_overflow,
                                  statement_timeout_ms=statement_timeout_ms)
        self._shared: ContextVar[_SharedRead | None] = ContextVar(f"zcrm_shared_read_{id(self)}", default=None)
        self._atomic: ContextVar[sa.Connection | None] = ContextVar(f"zcrm_atomic_{id(self)}", default=None)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[sa.Connection]:
        outer = self._atomic.get()
        if outer is not None:
            yield outer
            return
        shared = self._shared.get()
        if shared is not None:
            shared.in_use += 1
            try:
                yield shared.connection()
            finally:
                shared.in_use -= 1
            return
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def shared_read(self) -> Iterator[None]:
        """Reads inside the block share one transaction; nested blocks join the outer one."""
        if self._shared.get() is not None or self._atomic.get() is not None:
            yield
            return
        shared = _SharedRead(self.engine)
        token = self._shared.set(shared)
        try:
            yield
        finally:
            self._shared.reset(token)
            shared.end()

    @contextmanager
    def write(self) -> Iterator[sa.Connection]:
        outer = self._atomic.get()
        if outer is not None:
            with outer.begin_nested():
                yield outer
            return
        shared = self._shared.get()
        if shared is not None and not shared.in_use:
            shared.end()
        with self.engine.connect() as conn:
            conn = conn.execution_options(zcrm_write=True)
            with conn.begin():
                yield conn

    def write_retrying(self, fn: Callable[[sa.Connection], T]) -> T:
        """``fn(conn)`` in a write transaction, re-run up to ``write_attempts`` times in all when
        the transaction (commit included) fails transiently. ``fn`` must build its result from
        scratch on each call: state kept from a rolled-back attempt would describe writes that
        never happened."""
        if self._atomic.get() is not None:
            # Inside one outer transaction a lost race cannot be retried alone: it fails the block.
            with self.write() as conn:
                return fn(conn)
        attempt = 1
        while True:
            try:
                with self.write() as conn:
                    return fn(conn)
            except sa.exc.DBAPIError as exc:
                if attempt >= self.write_attempts or not is_transient(exc):
                    raise
            # Full jitter: writers that collided do not collide again in lockstep.
            time.sleep(random.uniform(0, min(_BACKOFF_CAP_S, _BACKOFF_BASE_S * 2**attempt)))
            attempt += 1

    @contextmanager
    def atomic(self) -> Iterator[Callable[[], None]]:
        """One write transaction for every read and write in the block. Yields ``abort``: call it
        to roll the whole block back when it ends (an exception rolls back too)."""
        if self._atomic.get() is not None:
            raise RuntimeError("atomic blocks do not nest")
        shared = self._shared.get()
        if shared is not None and not shared.in_use:
            shared.end()
        aborted = False

        def abort() -> None:
            nonlocal aborted
            aborted = True

        with self.engine.connect() as conn:
            conn = conn.execution_options(zcrm_write=True)
            outer = conn.begin()
            token = self._atomic.set(conn)
            try:
                yield abort
            except BaseException:
                outer.rollback()
                raise
            finally:
                self._atomic.reset(token)
            if aborted:
                outer.rollback()
            else:
                outer.commit()

    def dispose(self) -> None:
        self.engine.dispose()

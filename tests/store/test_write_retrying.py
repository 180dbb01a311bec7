"""``Database.write_retrying``: a transaction that lost a race (deadlock, serialization failure,
SQLite lock) runs again whole; anything else fails at once."""

from __future__ import annotations

import sqlite3
import threading

import pytest
import sqlalchemy as sa

from zcrm_local.store.engine import is_transient
from zcrm_local.store.records import rows as record_store


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _lost_race(orig: Exception) -> sa.exc.OperationalError:
    return sa.exc.OperationalError("UPDATE …", {}, orig)


@pytest.mark.parametrize("orig", [_PgError("40P01"), _PgError("40001"), sqlite3.OperationalError("database is locked")],
                         ids=["deadlock", "serialization", "sqlite-locked"])
def test_a_lost_race_is_run_again_in_a_fresh_transaction(database, org, orig):
    calls = []

    def run(conn: sa.Connection) -> int:
        calls.append(1)
        record_store.create_counter(conn, org.id, f"retry-{len(calls)}", len(calls))
        if len(calls) == 1:
            raise _lost_race(orig)
        return len(calls)

    assert database.write_retrying(run) == 2
    with database.read() as conn:
        # The first attempt's write was rolled back with it.
        assert record_store.counter(conn, org.id, "retry-1") == 0
        assert record_store.counter(conn, org.id, "retry-2") == 2


def test_other_failures_are_not_retried(database, org):
    calls = []

    def run(conn: sa.Connection) -> None:
        calls.append(1)
        record_store.create_counter(conn, org.id, "dup")
        record_store.create_counter(conn, org.id, "dup")

    with pytest.raises(sa.exc.IntegrityError):
        database.write_retrying(run)
    assert calls == [1]
    assert not is_transient(_lost_race(_PgError("57P01")))  # admin shutdown: the connection is gone


def test_gives_up_after_the_configured_attempts(database, org):
    calls = []

    def run(conn: sa.Connection) -> None:
        calls.append(1)
        raise _lost_race(_PgError("40P01"))

    with pytest.raises(sa.exc.OperationalError):
        database.write_retrying(run)
    assert len(calls) == database.write_attempts


def test_a_real_deadlock_is_resolved_by_running_the_loser_again(database, org):
    if database.dialect != "postgresql":
        pytest.skip("SQLite write transactions are serialised (BEGIN IMMEDIATE): no deadlock")
    with database.write() as conn:
        record_store.create_counter(conn, org.id, "a")
        record_store.create_counter(conn, org.id, "b")
    barrier = threading.Barrier(2)
    attempts: list[str] = []

    def bump(first: str, second: str) -> None:
        def run(conn: sa.Connection) -> None:
            attempts.append(first)
            record_store.try_increment(conn, org.id, first, 100)
            if attempts.count(first) == 1:
                barrier.wait(10)  # both hold their first row: opposite orders deadlock
            record_store.try_increment(conn, org.id, second, 100)
        database.write_retrying(run)

    threads = [threading.Thread(target=bump, args=pair) for pair in (("a", "b"), ("b", "a"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(attempts) == 3  # one of the two ran twice
    with database.read() as conn:
        assert record_store.counter(conn, org.id, "a") == record_store.counter(conn, org.id, "b") == 2

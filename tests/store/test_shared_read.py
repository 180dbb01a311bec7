"""``Database.shared_read``: the reads of one request share one transaction; a write inside the
block ends it first, so later reads see the write."""

from __future__ import annotations

from zcrm_local.store.records import rows as record_store


def test_reads_in_a_block_share_one_connection(database):
    with database.shared_read():
        with database.read() as first:
            pass
        with database.read() as second, database.shared_read(), database.read() as nested:
            assert second is first and nested is first
    with database.read() as outside:
        assert outside is not first


def test_a_write_in_the_block_ends_the_read_and_later_reads_see_it(database, org):
    with database.shared_read():
        with database.read() as before:
            assert record_store.counter(before, org.id, "shared-read") == 0
        with database.write() as conn:
            record_store.create_counter(conn, org.id, "shared-read", 7)
        with database.read() as after:
            assert after is not before
            assert record_store.counter(after, org.id, "shared-read") == 7

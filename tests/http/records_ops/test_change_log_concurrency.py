"""The change log's sequence under concurrent writers: one entry per write, no gaps, no repeats."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa

from zcrm_local.service.records import writes as record_writes
from zcrm_local.service.auth import authenticate
from zcrm_local.store.tables import record_changes


def test_concurrent_writers_get_distinct_consecutive_seqs(backend, org):
    principal = authenticate(backend, org.token)

    def create_one(n: int) -> None:
        outcome = record_writes.create(backend, principal, "Leads", [{"Last_Name": f"L{n}"}])
        assert isinstance(outcome.items[0], dict)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(create_one, range(40)))
    with backend.db.read() as conn:
        rows = list(conn.execute(sa.select(record_changes.c.seq, record_changes.c.record_id)
                                 .where(record_changes.c.org_id == org.id)))
    assert sorted(seq for seq, _ in rows) == list(range(1, 41))
    assert len({record_id for _, record_id in rows}) == 40

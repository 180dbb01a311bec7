"""Ids: ``{7-digit org prefix}{12-digit sequence}``, unique across processes.

Each process reserves blocks of an org's sequence in a transaction of its own and hands them
out from memory. A request leases every id it may need *before* it opens its write
transaction, so a rolled-back write never returns ids to the pool and two processes never
share a block. Ids are increasing within one process; across processes they only are unique.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa

from zcrm_local.store.db import Database
from zcrm_local.store.tables import orgs

FIRST_SEQ = 100_000_000
BLOCK = 1000


def make_id(prefix: int, seq: int) -> int:
    return prefix * 10**12 + seq


class IdAllocator:
    def __init__(self, db: Database, block: int = BLOCK) -> None:
        self._db = db
        self._block = block
        self._lock = threading.Lock()
        # org id -> (prefix, next free seq, end of block exclusive)
        self._free: dict[int, tuple[int, int, int]] = {}

    def lease(self, org_id: int, count: int) -> list[int]:
        with self._lock:
            prefix, nxt, end = self._free.get(org_id, (0, 0, 0))
            if end - nxt < count:
                prefix, nxt, end = self._reserve(org_id, max(count, self._block))
            self._free[org_id] = (prefix, nxt + count, end)
            return [make_id(prefix, s) for s in range(nxt, nxt + count)]

    def forget(self, org_id: int) -> None:
        with self._lock:
            self._free.pop(org_id, None)

    def _reserve(self, org_id: int, size: int) -> tuple[int, int, int]:
        # One atomic UPDATE … RETURNING: concurrent reservations (any process) queue on the org's
        # row and each gets its own block.
        row = self._db.write_retrying(lambda conn: conn.execute(
            sa.update(orgs)
            .where(orgs.c.id == org_id)
            .values(next_seq=orgs.c.next_seq + size)
            .returning(orgs.c.prefix, orgs.c.next_seq)
        ).one())
        end = row.next_seq
        return row.prefix, end - size, end

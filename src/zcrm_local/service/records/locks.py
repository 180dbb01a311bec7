"""Record locks set through the admin API (the harness's record flags): deletes, upserts and
changes of owner of a locked record are refused (D-520). The records family's one view of
harness state."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from zcrm_local.store.harness import record_flags


def locked_ids(conn: sa.Connection, org_id: int, record_ids: Iterable[int]) -> set[int]:
    flags = record_flags.flags_of(conn, org_id, record_ids)
    return {record_id for record_id, kinds in flags.items() if record_flags.LOCKED in kinds}


def is_locked(conn: sa.Connection, org_id: int, record_id: int) -> bool:
    return record_id in locked_ids(conn, org_id, [record_id])

"""The table row of a stored record: system columns beside the JSON body."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.records.lookups import RelatedRef, record_name
from zcrm_local.domain.records.values import load_datetime
from zcrm_local.store.records import rows as record_store


def record_row(org_id: int, module: str, record: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": int(record["id"]),
        "org_id": org_id,
        "module": module,
        "data": record,
        "owner_id": int(record["Owner"]),
        "created_by": int(record["Created_By"]),
        "modified_by": int(record["Modified_By"]),
        "created_time": load_datetime(record["Created_Time"]),
        "modified_time": load_datetime(record["Modified_Time"]),
    }


def related_refs(conn: sa.Connection, org_id: int, ids: Iterable[int]) -> dict[int, RelatedRef]:
    """The org's live records among ``ids`` with their display names (one query)."""
    return {
        int(row["id"]): RelatedRef(int(row["id"]), row["module"], record_name(row["module"], row["data"]))
        for row in record_store.by_ids(conn, org_id, ids)
    }

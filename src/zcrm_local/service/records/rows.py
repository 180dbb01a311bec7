"""The table row of a stored record: system columns beside the JSON body."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.records.values import load_datetime


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

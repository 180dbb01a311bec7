"""Record write envelopes: the ``data`` array and per-item outcomes (rendered by ``http/render``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import (
    MSG_INVALID_ID,
    ErrorCode,
    ZohoError,
    invalid_data,
    mandatory_not_found,
    required_param_missing,
    wrong_type,
)
from ..outcomes import Success
from . import values as v
from .refs import Users, user_object

MAX_ITEMS = 100
MAX_DELETE_IDS = 100
MSG_RECORD_ADDED = "record added"
MSG_RECORD_UPDATED = "record updated"
MSG_RECORD_DELETED = "record deleted"
MSG_RECORD_NOT_DELETED = "record not deleted"
MSG_DELETE_LIMIT = "Limit Exceeded, You cannot give more than 100 record ids"
MSG_TOO_MANY_RECORDS = "count of records in your request exceeds the limit"


def parse_data_array(body: Any, *, max_items: int = MAX_ITEMS) -> list[Any]:
    """Request-level checks of a records write body (Services §4.1); returns the items.

    ``max_items`` is 100 on collection URLs and 1 on ``/{module}/{id}`` (Q-18). Items are
    returned as sent; ``engine.require_object`` refuses a non-object item on its own.
    """
    data = body.get("data") if isinstance(body, dict) else None
    if data is None:
        raise mandatory_not_found("data", "$.data")
    if not isinstance(data, list):
        raise wrong_type("data", "$.data", "jsonarray")
    if not data:
        raise mandatory_not_found("data", "$.data")
    if len(data) > max_items > 1:
        # Spec 40 RQ-12: a bare request-level LIMIT_EXCEEDED for every module.
        raise ZohoError(ErrorCode.LIMIT_EXCEEDED, MSG_TOO_MANY_RECORDS,
                        {"maximum_length": max_items, "api_name": "data"})
    if len(data) > max_items:
        raise invalid_data("data", "$.data", maximum_length=max_items)
    return data


def update_item_id(item: Mapping[str, Any], index: int, path_id: int | None = None) -> int:
    """The record id an update item targets; the URL id wins on ``PUT /{module}/{id}``.

    Missing → ``MANDATORY_NOT_FOUND``; unreadable → ``INVALID_DATA`` invalid id. The caller
    answers ``unknown_record(index)`` when no stored record has the id.
    """
    if path_id is not None:
        return path_id
    raw = item.get("id")
    if raw is None:
        raise mandatory_not_found("id", f"$.data[{index}].id")
    parsed = v.parse_id(raw)
    if parsed is None:
        raise unknown_record(index)
    return parsed


def unknown_record(index: int) -> ZohoError:
    return invalid_data("id", f"$.data[{index}].id", MSG_INVALID_ID)


def parse_path_id(segment: str) -> int | None:
    """A record id from a URL segment, or ``None`` (→ ``errors.invalid_path_id``)."""
    return v.parse_id(segment)


def write_success(record: Mapping[str, Any], users: Users, time_zone: str, *, created: bool) -> Success:
    """Item of a successful create/update (Services §4.3); ``By`` objects carry no email."""
    details = {
        "Modified_Time": v.format_datetime(record["Modified_Time"], time_zone),
        "Modified_By": user_object(users, record["Modified_By"], email=False),
        "Created_Time": v.format_datetime(record["Created_Time"], time_zone),
        "id": str(record["id"]),
        "Created_By": user_object(users, record["Created_By"], email=False),
    }
    message = MSG_RECORD_ADDED if created else MSG_RECORD_UPDATED
    return Success(message, details)


# ---- delete ---------------------------------------------------------------------------

def parse_delete_ids(raw: str | None) -> list[str]:
    """The ``ids`` query of a bulk delete: request-level checks, duplicates collapsed.

    Entries are returned as given (trimmed); non-numeric ones become per-ID failures.
    """
    entries = [part.strip() for part in (raw or "").split(",") if part.strip()]
    if not entries:
        # Spec 40 RQ-14: the records family names the parameter with param_name.
        raise required_param_missing("ids")
    unique = list(dict.fromkeys(entries))
    if len(unique) > MAX_DELETE_IDS:
        raise ZohoError(ErrorCode.LIMIT_EXCEEDED, MSG_DELETE_LIMIT, {"limit": str(MAX_DELETE_IDS), "param_name": "ids"})
    return unique


def delete_success(record_id: str | int) -> Success:
    return Success(MSG_RECORD_DELETED, {"id": str(record_id)})


def delete_failure(record_id: str) -> ZohoError:
    """Per-ID failure: unknown, already deleted or non-numeric."""
    return ZohoError(ErrorCode.INVALID_DATA, MSG_RECORD_NOT_DELETED, {"id": record_id})


def delete_path_failure() -> ZohoError:
    """``DELETE /{module}/{id}`` for an unknown id: request-level."""
    return ZohoError(ErrorCode.INVALID_DATA, MSG_RECORD_NOT_DELETED, {"resource_path_index": 1})

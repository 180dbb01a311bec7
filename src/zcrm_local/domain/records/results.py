"""Record write envelopes: the ``data`` array, per-item results, the status of a bulk write."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ..errors import (
    MSG_INVALID_ID,
    ErrorCode,
    ZohoError,
    invalid_data,
    mandatory_not_found,
    wrong_type,
)
from . import values as v
from .refs import Users, user_object

Profile = Literal["documented", "live"]
WriteKind = Literal["create", "update", "delete"]

MAX_ITEMS = 100
MAX_DELETE_IDS = 100
MSG_RECORD_ADDED = "record added"
MSG_RECORD_UPDATED = "record updated"
MSG_RECORD_DELETED = "record deleted"
MSG_RECORD_NOT_DELETED = "record not deleted"
MSG_DELETE_LIMIT = "Limit Exceeded, You cannot give more than 100 record ids"


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


def write_success(record: Mapping[str, Any], users: Users, time_zone: str, *, created: bool) -> dict[str, Any]:
    """Item of a successful create/update (Services §4.3); ``By`` objects carry no email."""
    details = {
        "Modified_Time": v.format_datetime(record["Modified_Time"], time_zone),
        "Modified_By": user_object(users, record["Modified_By"], email=False),
        "Created_Time": v.format_datetime(record["Created_Time"], time_zone),
        "id": str(record["id"]),
        "Created_By": user_object(users, record["Created_By"], email=False),
    }
    message = MSG_RECORD_ADDED if created else MSG_RECORD_UPDATED
    return {"code": "SUCCESS", "details": details, "message": message, "status": "success"}


def error_item(error: ZohoError) -> dict[str, Any]:
    return error.body()


# ---- delete ---------------------------------------------------------------------------

def parse_delete_ids(raw: str | None) -> list[str]:
    """The ``ids`` query of a bulk delete: request-level checks, duplicates collapsed.

    Entries are returned as given (trimmed); non-numeric ones become per-ID failures.
    """
    entries = [part.strip() for part in (raw or "").split(",") if part.strip()]
    if not entries:
        raise ZohoError(ErrorCode.REQUIRED_PARAM_MISSING, "One of the expected parameter is missing", {"param": "ids"})
    unique = list(dict.fromkeys(entries))
    if len(unique) > MAX_DELETE_IDS:
        raise ZohoError(ErrorCode.LIMIT_EXCEEDED, MSG_DELETE_LIMIT, {"limit": str(MAX_DELETE_IDS), "param_name": "ids"})
    return unique


def delete_success(record_id: str | int) -> dict[str, Any]:
    return {"code": "SUCCESS", "details": {"id": str(record_id)}, "message": MSG_RECORD_DELETED, "status": "success"}


def delete_failure(record_id: str) -> ZohoError:
    """Per-ID failure: unknown, already deleted or non-numeric."""
    return ZohoError(ErrorCode.INVALID_DATA, MSG_RECORD_NOT_DELETED, {"id": record_id})


def delete_path_failure() -> ZohoError:
    """``DELETE /{module}/{id}`` for an unknown id: request-level."""
    return ZohoError(ErrorCode.INVALID_DATA, MSG_RECORD_NOT_DELETED, {"resource_path_index": 1})


# ---- HTTP status of a bulk write --------------------------------------------------------

def write_status(kind: WriteKind, failures: Sequence[ZohoError | None], profile: Profile = "documented") -> int:
    """Status of a write from its per-item outcomes (``None`` = that item succeeded).

    All succeeded → 201 (create) / 200; mixed → 207; all failed → 400, except in the
    ``documented`` profile when every item failed with the same code whose documented status
    is not 400 (a per-item ``ZohoError.status``, e.g. ``NOT_ALLOWED`` 403): then that status
    (README, Q-14).
    """
    errors = [failure for failure in failures if failure is not None]
    if not errors:
        return 201 if kind == "create" else 200
    if len(errors) < len(failures):
        return 207
    if profile == "documented":
        codes = {(error.code, error.status) for error in errors}
        if len(codes) == 1:
            (_, status), = codes
            if status != 400:
                return status
    return 400

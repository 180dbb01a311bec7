"""Upsert (spec 40 §10): which fields decide "the same record", and the item results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import ErrorCode, ZohoError, invalid_data, wrong_type
from ..metadata import DataType, ModuleSpec
from ..outcomes import Success
from .results import MSG_RECORD_ADDED, MSG_RECORD_UPDATED


def check_order(module: ModuleSpec, system_field: str | None, given: Any,
                unique_fields: Sequence[str] = ()) -> list[str]:
    """The fields an item is matched on, in order (§10 "Check order").

    ``given`` is the body's ``duplicate_check_fields`` (None when absent): those fields first,
    then the remaining user-defined unique fields; the system-defined field only if listed.
    Absent: the system-defined field, then the unique fields.
    """
    if given is None:
        order = [system_field] if system_field else []
        return order + [f for f in unique_fields if f not in order]
    if not isinstance(given, list):
        raise wrong_type("duplicate_check_fields", "$.duplicate_check_fields", "jsonarray")
    allowed = set(unique_fields) | ({system_field} if system_field else set())
    order: list[str] = []
    for position, name in enumerate(given):
        if not isinstance(name, str) or name not in allowed or module.field(name) is None:
            raise invalid_data("duplicate_check_fields", f"$.duplicate_check_fields[{position}]")
        if name not in order:
            order.append(name)
    return order + [f for f in unique_fields if f not in order]


def match_key(module: ModuleSpec, field: str, value: Any) -> str | None:
    """The comparable form of a value (§2.10): emails case-insensitive, all trimmed; empty
    values never match."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    if not text:
        return None
    spec = module.field(field)
    if spec is not None and spec.data_type == DataType.EMAIL:
        text = text.lower()
    return text


def is_case_insensitive(module: ModuleSpec, field: str) -> bool:
    spec = module.field(field)
    return spec is not None and spec.data_type == DataType.EMAIL


def success(written: Success, *, inserted: bool, duplicate_field: str | None) -> Success:
    """A write's success item, told which path the item took (§10)."""
    return Success(MSG_RECORD_ADDED if inserted else MSG_RECORD_UPDATED, dict(written.details),
                   leading={"duplicate_field": duplicate_field, "action": "insert" if inserted else "update"})


def with_record_id(error: ZohoError, record_id: str) -> ZohoError:
    """Update path: a mandatory field set null names the matched record too (§10)."""
    if error.code == ErrorCode.MANDATORY_NOT_FOUND:
        return ZohoError(error.code, error.message, {**error.details, "id": record_id}, error.status)
    return error


MSG_LOCKED = "Sorry, you cannot perform this operation as the record is locked."
MSG_ALREADY_MODIFIED = "record updated time has already passed if-unmodified-since time"


def locked(index: int) -> ZohoError:
    return ZohoError(ErrorCode.RECORD_LOCKED, MSG_LOCKED,
                     {"api_name": "id", "json_path": f"$.data[{index}].id", "action": "record_locking"})


def already_modified(record_times: Mapping[str, Any]) -> ZohoError:
    """Details: the stored record's times, id and authors (§8)."""
    return ZohoError(ErrorCode.ALREADY_MODIFIED, MSG_ALREADY_MODIFIED, dict(record_times))

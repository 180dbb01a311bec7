"""Deleted records (spec 40 §13) and the recycle bin (§16): ageing, parameters, rendering."""

from __future__ import annotations

from zcrm_local.domain.depth import json_param

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from ..errors import ErrorCode, ZohoError
from ..outcomes import Success, SuccessCode
from .refs import Users
from .values import format_datetime

RECYCLE_DAYS = 60  # then an entry is permanent
PERMANENT_DAYS = 120  # then it disappears
MAX_PER_PAGE = 200
TYPES = ("all", "recycle", "permanent")

Kind = Literal["recycle", "permanent"]


def kind_of(entry: Mapping[str, Any], now: datetime) -> Kind | None:
    """``recycle``/``permanent`` at ``now``, or None once the entry has expired (D-513)."""
    since = entry["purged_time"] or entry["deleted_time"] + timedelta(days=RECYCLE_DAYS)
    if now < since:
        return "recycle"
    if now < since + timedelta(days=PERMANENT_DAYS):
        return "permanent"
    return None


def parse_type(raw: str | None) -> str:
    value = "all" if raw is None else raw
    if value not in TYPES:
        raise ZohoError(ErrorCode.PATTERN_NOT_MATCHED, "Please check whether the input values are correct",
                        {"param_name": "type"})
    return value


def _user(users: Users, user_id: int | None) -> dict[str, Any] | None:
    if user_id is None:
        return None
    user = users.get(int(user_id))
    return {"name": user.name if user else None, "id": str(user_id)}


def deleted_entry(entry: Mapping[str, Any], kind: Kind, users: Users, time_zone: str) -> dict[str, Any]:
    """One item of ``GET /{module}/deleted``: permanent entries lose their names (§13)."""
    recycle = kind == "recycle"
    return {
        "deleted_by": _user(users, entry["deleted_by"]) if recycle else None,
        "id": str(entry["id"]),
        "display_name": entry["display_name"] if recycle else None,
        "type": kind,
        "created_by": _user(users, entry["created_by"]) if recycle else None,
        "deleted_time": format_datetime(entry["deleted_time"], time_zone),
    }


def bin_entry(entry: Mapping[str, Any], module_id: str, users: Users, time_zone: str) -> dict[str, Any]:
    return {
        "owner": _user(users, entry["owner_id"]),
        "module": {"api_name": entry["module"], "id": module_id},
        "deleted_by": _user(users, entry["deleted_by"]),
        "id": str(entry["id"]),
        "display_name": entry["display_name"],
        "deleted_time": format_datetime(entry["deleted_time"], time_zone),
    }


# ---- recycle-bin parameters (§16) -----------------------------------------------------------

SORT_BY = ("display_name", "deleted_time", "deleted_by")
_TEXT_OPS = ("equal", "not_equal", "contains", "not_contains", "starts_with", "ends_with")
_COMPARATORS: Mapping[str, tuple[str, ...]] = {
    "display_name": _TEXT_OPS,
    "module": ("equal", "not_equal"),
    "deleted_by": _TEXT_OPS,
    "deleted_time": ("equal", "not_equal", "greater_than", "less_than"),
}
MSG_GROUP_OPERATOR = "The given group operator not supported. Only 'AND' operator is supported"
MSG_FILTER_FIELD = "The given api_name seems to be invalid"
MSG_COMPARATOR = "Please provide a valid comparator"


@dataclass(frozen=True)
class Condition:
    field: str
    comparator: str
    value: Any


def _filter_error(message: str, details: dict[str, Any], status: int) -> ZohoError:
    return ZohoError(ErrorCode.INVALID_DATA, message, {**details, "param_name": "filters"}, status=status)


def parse_filters(raw: str, status: int) -> list[Condition]:
    """``filters`` of the bin: one condition or an AND group. ``status`` is 403 (documented,
    RQ-18) or 400 (live)."""
    try:
        doc = json_param(raw)
    except ValueError:
        raise _filter_error("invalid data", {}, status) from None
    if not isinstance(doc, dict):
        raise _filter_error("invalid data", {}, status)
    if "group" in doc or "group_operator" in doc:
        if str(doc.get("group_operator", "")).upper() != "AND":
            raise _filter_error(MSG_GROUP_OPERATOR, {"api_name": "group_operator", "json_path": "$.group_operator"},
                                status)
        group = doc.get("group")
        if not isinstance(group, list) or not group:
            raise _filter_error("invalid data", {"api_name": "group", "json_path": "$.group"}, status)
        return [_condition(c, status) for c in group]
    return [_condition(doc, status)]


def _condition(raw: Any, status: int) -> Condition:
    raw = raw if isinstance(raw, dict) else {}
    field = raw.get("field")
    name = field.get("api_name") if isinstance(field, dict) else None
    if name not in _COMPARATORS:
        raise _filter_error(MSG_FILTER_FIELD, {"api_name": "api_name", "json_path": "$.field.api_name"}, status)
    comparator = raw.get("comparator")
    if comparator not in _COMPARATORS[name]:
        raise _filter_error(MSG_COMPARATOR, {"api_name": "comparator", "json_path": "$.comparator"}, status)
    return Condition(name, comparator, raw.get("value"))


def matches(conditions: list[Condition], entry: Mapping[str, Any], users: Users, deleted_time_text: str) -> bool:
    return all(_holds(c, entry, users, deleted_time_text) for c in conditions)


def _holds(c: Condition, entry: Mapping[str, Any], users: Users, deleted_time_text: str) -> bool:
    if c.field == "module":
        wanted = c.value.get("api_name") if isinstance(c.value, dict) else c.value
        same = str(wanted).lower() == entry["module"].lower()
        return same if c.comparator == "equal" else not same
    if c.field == "deleted_time":
        return _compare(c.comparator, deleted_time_text, str(c.value))
    if c.field == "deleted_by":
        user = users.get(int(entry["deleted_by"])) if entry["deleted_by"] is not None else None
        values = c.value if isinstance(c.value, list) else [c.value]
        ids = {str(v.get("id")) for v in values if isinstance(v, dict) and v.get("id") is not None}
        if ids:
            hit = str(entry["deleted_by"]) in ids
            return hit if c.comparator == "equal" else not hit
        return _text(c.comparator, user.name if user else "", str(values[0]))
    return _text(c.comparator, entry["display_name"] or "", str(c.value))


def _text(op: str, have: str, want: str) -> bool:
    h, w = have.lower(), want.lower()
    return {
        "equal": h == w, "not_equal": h != w, "contains": w in h, "not_contains": w not in h,
        "starts_with": h.startswith(w), "ends_with": h.endswith(w),
    }[op]


def _compare(op: str, have: str, want: str) -> bool:
    try:
        h, w = datetime.fromisoformat(have), datetime.fromisoformat(want)
    except ValueError:
        return False
    return {"equal": h == w, "not_equal": h != w, "greater_than": h > w, "less_than": h < w}[op]


MSG_PURGE_SCHEDULED = "Bulk deletion of records based on filters has been scheduled"


def purge_scheduled() -> Success:
    """``DELETE /settings/recycle_bin?filters=…`` answers 202 (§16)."""
    return Success(MSG_PURGE_SCHEDULED, {}, SuccessCode.SCHEDULED)

"""The timeline of a record (spec 40 §14), read from the change log."""

from __future__ import annotations

from zcrm_local.domain.depth import json_param

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..errors import ErrorCode, ZohoError
from ..metadata import DataType, ModuleSpec, scoped_id
from .change_log import TIMELINE_ENTRY_BASE, timeline_action, wire_value
from .refs import Users
from .values import format_datetime, parse_digits

MAX_PER_PAGE = 200
INNER_DETAILS = ("field_history.data_type", "field_history.field_label", "field_history.enable_colour_code",
                 "field_history.pick_list_values", "done_by.type__s", "done_by.profile")
_FILTER_FIELDS = {"record.module.api_name": ("equal", "in"), "source": ("equal", "in"),
                  "audited_time": ("between",), "done_by.id": ("equal", "in")}
_USER_TYPES = frozenset({DataType.OWNERLOOKUP, DataType.USERLOOKUP})


@dataclass(frozen=True)
class TimelineParams:
    per_page: int
    descending: bool
    inner: frozenset[str]
    filters: tuple[tuple[str, str, Any], ...]


def _ambiguous() -> ZohoError:
    return ZohoError(ErrorCode.AMBIGUITY_DURING_PROCESSING, "ambiguity during processing",
                     {"ambiguity_due_to": [{"param_name": "per_page"}, {"param_name": "page_token"}]})


def _invalid(param: str, supported: list[str] | None = None) -> ZohoError:
    details: dict[str, Any] = {"param_name": param}
    if supported:
        details["supported_values"] = supported
    return ZohoError(ErrorCode.INVALID_DATA, "invalid data", details)


def bad_filter() -> ZohoError:
    return ZohoError(ErrorCode.INVALID_DATA, "the relation name given seems to be invalid", {"param_name": "filters"})


def parse(query: Mapping[str, str]) -> TimelineParams:
    if query.get("page_token") is not None and query.get("per_page") is not None:
        raise _ambiguous()
    per_page = MAX_PER_PAGE
    if query.get("per_page") is not None:
        parsed = parse_digits(query["per_page"])
        if parsed is None or not 1 <= parsed <= MAX_PER_PAGE:
            raise _invalid("per_page")
        per_page = parsed
    if query.get("sort_by", "audited_time") != "audited_time":
        raise _invalid("sort_by", ["audited_time"])
    order = query.get("sort_order", "desc")
    if order not in ("asc", "desc"):
        raise _invalid("sort_order", ["asc", "desc"])
    inner = frozenset(n.strip() for n in query.get("include_inner_details", "").split(",") if n.strip())
    if inner - set(INNER_DETAILS):
        raise _invalid("include_inner_details", list(INNER_DETAILS))
    filters = _filters(query["filters"]) if query.get("filters") else ()
    return TimelineParams(per_page, order == "desc", inner, filters)


def _filters(raw: str) -> tuple[tuple[str, str, Any], ...]:
    try:
        doc = json_param(raw)
    except ValueError:
        raise bad_filter() from None
    if not isinstance(doc, dict):
        raise bad_filter()
    group = doc.get("group") if "group" in doc else [doc]
    if "group" in doc and str(doc.get("group_operator", "")).upper() != "AND":
        raise bad_filter()
    out = []
    for cond in group if isinstance(group, list) else [None]:
        if not isinstance(cond, dict) or not isinstance(cond.get("field"), dict):
            raise bad_filter()
        name, comparator = cond["field"].get("api_name"), cond.get("comparator")
        if name not in _FILTER_FIELDS or comparator not in _FILTER_FIELDS[name]:
            raise bad_filter()
        out.append((name, comparator, cond.get("value")))
    return tuple(out)


def keep(params: TimelineParams, entry: Mapping[str, Any], module: str, time_zone: str) -> bool:
    for name, comparator, value in params.filters:
        values = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        if name == "source" and entry["source"] not in values:
            return False
        if name == "done_by.id" and str(entry["done_by"]) not in values:
            return False
        if name == "record.module.api_name" and module not in values:
            return False
        if name == "audited_time" and comparator == "between" and len(values) == 2:
            at = entry["audited_time"]
            try:
                low, high = (datetime.fromisoformat(v) for v in values)
            except ValueError:
                raise bad_filter() from None
            if not low <= at <= high:
                return False
    return True


def render(entry: Mapping[str, Any], module: ModuleSpec, org_prefix: int, record_name: str | None,
           users: Users, time_zone: str, params: TimelineParams,
           done_by_profile: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
    action = timeline_action(entry["operation"])
    if action is None:
        return None
    done = entry["done_by"]
    user = users.get(int(done)) if done is not None else None
    done_by: dict[str, Any] | None = {"name": user.name if user else None, "id": str(done)} if done else None
    if done_by is not None and "done_by.profile" in params.inner and done_by_profile is not None:
        done_by["profile"] = dict(done_by_profile)
    if done_by is not None and "done_by.type__s" in params.inner:
        done_by["type__s"] = "regular user"
    history = None if entry["operation"] == "insert" else [
        _field_entry(change, module, org_prefix, users, params) for change in entry["changes"]]
    return {
        "done_by": done_by,
        "related_record": None,
        "automation_details": None,
        "record": {"module": {"api_name": module.api_name, "id": scoped_id(org_prefix, module.id_suffix)},
                   "name": record_name, "id": str(entry["record_id"])},
        "audited_time": format_datetime(entry["audited_time"], time_zone),
        "action": action,
        "id": str(org_prefix * 10**12 + TIMELINE_ENTRY_BASE + int(entry["seq"])),
        "source": entry["source"],
        "field_history": history,
    }


def _field_entry(change: Mapping[str, Any], module: ModuleSpec, org_prefix: int, users: Users,
                 params: TimelineParams) -> dict[str, Any]:
    spec = module.field(change["api_name"])

    def shown(value: Any) -> str | None:
        if spec is not None and spec.data_type in _USER_TYPES and value is not None:
            user = users.get(int(value)) if str(value).isdigit() else None
            return user.name if user else str(value)
        return wire_value(value)

    out: dict[str, Any] = {"api_name": change["api_name"],
                           "_value": {"new": shown(change["new"]), "old": shown(change["old"])},
                           "id": scoped_id(org_prefix, spec.id_suffix) if spec else None}
    if "field_history.field_label" in params.inner:
        out["field_label"] = spec.label if spec else change["api_name"]
    if "field_history.data_type" in params.inner:
        out["data_type"] = spec.data_type.value if spec else None
    if "field_history.enable_colour_code" in params.inner:
        out["enable_colour_code"] = False
    if "field_history.pick_list_values" in params.inner:
        out["pick_list_values"] = [{"display_value": v, "actual_value": v} for v in spec.picklist] if spec else []
    return out

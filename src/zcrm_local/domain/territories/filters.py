"""The ``filters`` query parameter of territory lists (spec 20 §4.4, OQ-11): parse, then test."""

from __future__ import annotations

from zcrm_local.domain.depth import json_param

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Union

from zcrm_local.domain.depth import MAX_GROUP_DEPTH, json_param
from zcrm_local.domain.errors import ZohoError, invalid_param

from .criteria.ast import Group
from .criteria.values import as_datetime
from .model import PERMISSION_TYPES, Territory
from .wire import parse_id

_ID_COMPARATORS = ("equal", "not_equal")
_TEXT_COMPARATORS = ("equal", "not_equal", "ends_with", "starts_with", "contains", "not_contains")
_TIME_COMPARATORS = ("less_equal", "between", "greater_than", "less_than", "equal")

FILTER_KEYS: dict[str, tuple[str, ...]] = {
    "reporting_to.id": _ID_COMPARATORS,
    "manager.id": _ID_COMPARATORS,
    "id": _ID_COMPARATORS,
    "permission_type": _ID_COMPARATORS,
    "created_by": _ID_COMPARATORS,
    "created_by.id": _ID_COMPARATORS,
    "modified_by": _ID_COMPARATORS,
    "modified_by.id": _ID_COMPARATORS,
    "name": _TEXT_COMPARATORS,
    "created_time": _TIME_COMPARATORS,
    "modified_time": _TIME_COMPARATORS,
}


@dataclass(frozen=True)
class FilterCondition:
    key: str
    comparator: str
    operand: Any


FilterNode = Union[FilterCondition, Group]


def _refuse(supported: tuple[str, ...] | None = None) -> ZohoError:
    return invalid_param("filters", list(supported) if supported is not None else None)


def parse_filters(raw: str | None) -> FilterNode | None:
    """The decoded parameter -> a filter tree (None when absent); refusals are request-level."""
    if raw is None or not raw.strip():
        return None
    try:
        data = json_param(raw)
    except ValueError:
        raise _refuse() from None
    return _node(data, 1)


def _node(data: Any, depth: int) -> FilterNode:
    if not isinstance(data, dict):
        raise _refuse()
    if "group" in data or "group_operator" in data:
        if depth > MAX_GROUP_DEPTH:
            raise _refuse()
        operator, members = data.get("group_operator"), data.get("group")
        if not isinstance(operator, str) or operator.upper() not in ("AND", "OR"):
            raise _refuse()
        if not isinstance(members, list) or len(members) < 2:
            raise _refuse()
        return Group(operator.upper(), tuple(_node(member, depth + 1) for member in members))
    field = data.get("field")
    key = field.get("api_name") if isinstance(field, dict) else None
    if key not in FILTER_KEYS:
        raise _refuse()
    comparator = data.get("comparator")
    if comparator not in FILTER_KEYS[key]:
        raise _refuse(FILTER_KEYS[key])
    if "value" not in data:
        raise _refuse()
    return FilterCondition(key.removesuffix(".id") if key.endswith("_by.id") else key, comparator,
                           _operand(key, comparator, data["value"]))


def _operand(key: str, comparator: str, value: Any) -> Any:
    if key in ("created_time", "modified_time"):
        if comparator == "between":
            if not isinstance(value, list) or len(value) != 2:
                raise _refuse()
            low, high = as_datetime(value[0]), as_datetime(value[1])
            if low is None or high is None or high < low:
                raise _refuse()
            return (low, high)
        moment = as_datetime(value)
        if moment is None:
            raise _refuse()
        return moment
    if key == "name":
        if not isinstance(value, str):
            raise _refuse()
        return value.strip().casefold()
    if key == "permission_type":
        if value not in PERMISSION_TYPES:
            raise _refuse()
        return value
    if value is None and key in ("reporting_to.id", "manager.id"):
        return None
    ident = parse_id(value)
    if ident is None:
        raise _refuse()
    return ident


def filter_matches(node: FilterNode | None, territory: Territory) -> bool:
    if node is None:
        return True
    if isinstance(node, Group):
        results = (filter_matches(child, territory) for child in node.children)
        return all(results) if node.operator == "AND" else any(results)
    actual = _actual(node.key, territory)
    if node.key == "name":
        return _text(node.comparator, actual.strip().casefold(), node.operand)
    if isinstance(actual, datetime) or node.key in ("created_time", "modified_time"):
        return _time(node.comparator, actual, node.operand)
    return (actual == node.operand) == (node.comparator == "equal")


def _actual(key: str, territory: Territory) -> Any:
    return {
        "reporting_to.id": territory.parent_id,
        "manager.id": territory.manager_id,
        "id": territory.id,
        "permission_type": territory.permission_type,
        "created_by": territory.created_by_id,
        "modified_by": territory.modified_by_id,
        "name": territory.name,
        "created_time": territory.created_time,
        "modified_time": territory.modified_time,
    }[key]


def _text(comparator: str, value: str, operand: str) -> bool:
    return {
        "equal": value == operand,
        "not_equal": value != operand,
        "contains": operand in value,
        "not_contains": operand not in value,
        "starts_with": value.startswith(operand),
        "ends_with": value.endswith(operand),
    }[comparator]


def _time(comparator: str, value: datetime | None, operand: Any) -> bool:
    if value is None:
        return False
    # Stored and filter times compare to the second, as they are shown.
    value = value.replace(microsecond=0)
    if comparator == "between":
        return bool(operand[0] <= value <= operand[1])
    return {
        "equal": value == operand,
        "less_equal": value <= operand,
        "less_than": value < operand,
        "greater_than": value > operand,
    }[comparator]

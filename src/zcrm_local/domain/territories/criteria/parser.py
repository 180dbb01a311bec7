"""Criteria JSON -> AST, refusing with the first §9.4 error found (depth-first, in order)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.metadata import FieldSpec, scoped_id
from zcrm_local.domain.records.field_types import number_or_none

from .. import messages as m
from ..wire import parse_id
from .ast import Condition, DateLiteral, Group, Node
from .families import BOOLEAN, COMPARATORS, DATE, DATE_LITERALS, DATETIME, NUMBER, TEXT, family_of
from .values import as_bool, as_date, as_datetime, as_literal, as_text

GROUP_OPERATORS: tuple[str, ...] = ("AND", "OR")


@dataclass(frozen=True)
class CriteriaSchema:
    """The fields one criteria may use, and how many rules it may hold."""

    fields: Mapping[str, FieldSpec]
    org_prefix: int | None = None
    max_rules: int = 25


def _name(path: str) -> str:
    """The details ``api_name``: the last step of the JSON path, index removed."""
    return re.sub(r"\[\d+\]$", "", path.rsplit(".", 1)[-1])


def parse_criteria(raw: Any, schema: CriteriaSchema, path: str) -> Node:
    """Parse one criteria object (not ``null``); raise the item's ZohoError when invalid.

    ``path`` is the criteria's JSON path, e.g. ``$.territories[0].deal_rule_criteria``.
    """
    if not isinstance(raw, dict):
        raise m.bad_type(_name(path), path, "jsonobject")
    if _count_leaves(raw) > schema.max_rules:
        raise m.limit_exceeded(
            m.MSG_CRITERIA_LIMIT, schema.max_rules, limit_due_to=[{"api_name": _name(path), "json_path": path}]
        )
    return _node(raw, schema, path)


def _count_leaves(raw: Any) -> int:
    if isinstance(raw, dict) and isinstance(raw.get("group"), list):
        return sum(_count_leaves(child) for child in raw["group"])
    return 1


def _node(raw: Any, schema: CriteriaSchema, path: str) -> Node:
    if not isinstance(raw, dict):
        raise m.bad_type(_name(path), path, "jsonobject")
    if "group" in raw or "group_operator" in raw:
        return _group(raw, schema, path)
    return _condition(raw, schema, path)


def _group(raw: dict[str, Any], schema: CriteriaSchema, path: str) -> Group:
    operator = raw.get("group_operator")
    if operator is None:
        raise m.mandatory("group_operator", f"{path}.group_operator")
    if not isinstance(operator, str) or operator.upper() not in GROUP_OPERATORS:
        raise m.invalid("group_operator", f"{path}.group_operator", supported_values=list(GROUP_OPERATORS))
    members = raw.get("group")
    if members is None:
        raise m.mandatory("group", f"{path}.group")
    if not isinstance(members, list):
        raise m.bad_type("group", f"{path}.group", "jsonarray")
    if len(members) < 2:
        raise m.invalid("group", f"{path}.group")
    children = tuple(_node(child, schema, f"{path}.group[{i}]") for i, child in enumerate(members))
    return Group(operator.upper(), children)


def _condition(raw: dict[str, Any], schema: CriteriaSchema, path: str) -> Condition:
    for key in ("comparator", "field", "value"):
        if key not in raw:
            raise m.mandatory(key, f"{path}.{key}")
    spec, field_id = _field(raw["field"], schema, f"{path}.field")
    family = family_of(spec.data_type)
    if family is None:
        raise m.invalid("api_name", f"{path}.field.api_name", m.MSG_FIELD_NOT_SUPPORTED)
    comparator = raw["comparator"]
    allowed = COMPARATORS[family]
    if not isinstance(comparator, str) or comparator not in allowed:
        raise m.invalid("comparator", f"{path}.comparator", m.MSG_BAD_COMPARATOR, supported_values=list(allowed))
    operand = _operand(raw["value"], family, comparator, spec)
    if operand is None:
        raise m.invalid("value", f"{path}.value", m.MSG_BAD_FILTER_VALUE)
    return Condition(spec.api_name, family, comparator, operand, field_id, raw["value"])


def _field(raw: Any, schema: CriteriaSchema, path: str) -> tuple[FieldSpec, str | None]:
    if not isinstance(raw, dict):
        raise m.bad_type("field", path, "jsonobject")
    if "api_name" not in raw or raw["api_name"] is None:
        raise m.mandatory("api_name", f"{path}.api_name")
    api_name = raw["api_name"]
    spec = schema.fields.get(api_name) if isinstance(api_name, str) else None
    if spec is None:
        raise m.invalid("api_name", f"{path}.api_name", m.MSG_BAD_API_NAME)
    field_id = None
    if raw.get("id") is not None:
        field_id = parse_id(raw["id"])
        expected = scoped_id(schema.org_prefix, spec.id_suffix) if schema.org_prefix is not None else field_id
        if field_id is None or field_id != expected:
            raise m.bad_id("id", f"{path}.id")
    return spec, field_id


def _operand(value: Any, family: str, comparator: str, spec: FieldSpec) -> Any:
    """The typed operand, or None when the value does not suit field and comparator."""
    if family in (DATE, DATETIME):
        literal = as_literal(value)
        if literal is not None:
            return literal if DATE_LITERALS[literal.name] == comparator else None
    if comparator == "between":
        if not isinstance(value, list) or len(value) != 2:
            return None
        low, high = (_scalar(v, family, spec, comparator) for v in value)
        if low is None or high is None or high < low:
            return None
        return (low, high)
    return _scalar(value, family, spec, comparator)


def _scalar(value: Any, family: str, spec: FieldSpec, comparator: str) -> Any:
    if family == TEXT:
        text = as_text(value) if not isinstance(value, dict) else None
        if text is None or not text.strip():
            return None
        # Picklist equality must name an existing choice; substring tests need not.
        if spec.picklist and comparator in ("equal", "not_equal") and text not in spec.picklist:
            return None
        return text
    if family == NUMBER:
        # Only a value the field itself accepts (digits, range, length; D-496).
        return number_or_none(spec, value)
    if family == DATE:
        return as_date(value)
    if family == DATETIME:
        return as_datetime(value)
    if family == BOOLEAN:
        return as_bool(value)
    return None


def literal_of(node: Condition) -> DateLiteral | None:
    return node.operand if isinstance(node.operand, DateLiteral) else None

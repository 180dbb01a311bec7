"""The parsed form of a criteria: conditions and groups, plus its canonical JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Union


@dataclass(frozen=True)
class DateLiteral:
    name: str
    days: int | None = None

    def wire(self) -> str:
        return f"${{{self.name}}}" + (f"+{self.days}" if self.days is not None else "")


@dataclass(frozen=True)
class Condition:
    """One rule. ``operand`` is typed by family: str, Decimal, bool, date, datetime,
    a (low, high) tuple for ``between`` with values, or a DateLiteral."""

    api_name: str
    family: str
    comparator: str
    operand: Any
    field_id: str | None = None
    # What the request sent; kept for echoing, ignored by equality.
    raw_value: Any = field(default=None, compare=False)


@dataclass(frozen=True)
class Group:
    operator: str  # "AND" or "OR"
    children: tuple["Node", ...]


Node = Union[Condition, Group]


def leaf_count(node: Node) -> int:
    if isinstance(node, Group):
        return sum(leaf_count(child) for child in node.children)
    return 1


def _wire_scalar(value: Any) -> Any:
    if isinstance(value, DateLiteral):
        return value.wire()
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_json(node: Node) -> dict[str, Any]:
    """Canonical JSON of a parsed criteria; parsing it again gives an equal tree."""
    if isinstance(node, Group):
        return {"group_operator": node.operator, "group": [to_json(child) for child in node.children]}
    field_json: dict[str, Any] = {"api_name": node.api_name}
    if node.field_id is not None:
        field_json["id"] = node.field_id
    operand = node.operand
    value = [_wire_scalar(v) for v in operand] if isinstance(operand, tuple) else _wire_scalar(operand)
    return {"comparator": node.comparator, "field": field_json, "value": value}

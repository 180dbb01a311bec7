"""Does a record match a parsed criteria? Pure: "now", zone and fiscal year are inputs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Any, Mapping

from zcrm_local.domain.errors import ZohoError

from .ast import Condition, DateLiteral, Group, Node
from .families import BOOLEAN, DATE, DATETIME, NUMBER, TEXT
from .parser import CriteriaSchema, parse_criteria
from .periods import literal_range
from .values import as_bool, as_date, as_datetime, as_number, as_text, is_empty

SUNDAY = 6


@dataclass(frozen=True)
class EvalEnv:
    """``now`` must be aware; periods are computed in ``tz`` (the org's zone)."""

    now: datetime
    tz: tzinfo
    fiscal_year_start_month: int = 1
    week_start: int = SUNDAY  # datetime.weekday() numbering: Monday 0 … Sunday 6

    @property
    def today(self) -> date:
        return self.now.astimezone(self.tz).date()


def evaluate(node: Node, record: Mapping[str, Any], env: EvalEnv) -> bool:
    if isinstance(node, Group):
        results = (evaluate(child, record, env) for child in node.children)
        return all(results) if node.operator == "AND" else any(results)
    return _condition(node, record.get(node.api_name), env)


def matches(raw: Any, schema: CriteriaSchema, record: Mapping[str, Any], env: EvalEnv) -> bool:
    """Parse then evaluate: a criteria that no longer validates (field removed…) matches nothing."""
    if raw is None:
        return False
    try:
        node = parse_criteria(raw, schema, "$")
    except ZohoError:
        return False
    return evaluate(node, record, env)


def _condition(node: Condition, value: Any, env: EvalEnv) -> bool:
    operand, comparator = node.operand, node.comparator
    if isinstance(operand, DateLiteral) and operand.name in ("EMPTY", "NOTEMPTY"):
        return is_empty(value) == (operand.name == "EMPTY")
    if node.family == BOOLEAN:
        # An unset checkbox reads as false.
        current = False if value is None else as_bool(value)
        return current is not None and current == operand
    typed = None if is_empty(value) else _typed(node.family, value, env)
    if typed is None:
        # An empty or unreadable value satisfies only the negative comparators (spec 21 §14.6).
        return comparator in ("not_equal", "not_contains")
    if node.family == TEXT:
        return _text(comparator, typed.casefold(), operand.casefold())
    if isinstance(operand, DateLiteral):
        low, high = literal_range(operand, env.today, env.week_start, env.fiscal_year_start_month)
        day = typed if isinstance(typed, date) and not isinstance(typed, datetime) else _day(typed, env)
        return (low is None or day >= low) and (high is None or day <= high)
    return _ordered(comparator, typed, operand)


def _typed(family: str, value: Any, env: EvalEnv) -> Any:
    if family == TEXT:
        return as_text(value)
    if family == NUMBER:
        return as_number(value)
    if family == DATE:
        # A date-time stored in a date field is read as its day in the org zone.
        moment = as_datetime(value)
        return _day(moment, env) if moment is not None else as_date(value)
    if family == DATETIME:
        return as_datetime(value)
    return None


def _day(moment: datetime, env: EvalEnv) -> date:
    return moment.astimezone(env.tz).date()


def _text(comparator: str, value: str, operand: str) -> bool:
    if comparator == "equal":
        return value == operand
    if comparator == "not_equal":
        return value != operand
    if comparator == "contains":
        return operand in value
    if comparator == "not_contains":
        return operand not in value
    if comparator == "starts_with":
        return value.startswith(operand)
    if comparator == "ends_with":
        return value.endswith(operand)
    return False


def _ordered(comparator: str, value: Decimal | date | datetime, operand: Any) -> bool:
    if comparator == "between":
        low, high = operand
        return bool(low <= value <= high)
    if comparator == "equal":
        return bool(value == operand)
    if comparator == "not_equal":
        return bool(value != operand)
    if comparator == "greater_than":
        return bool(value > operand)
    if comparator == "greater_equal":
        return bool(value >= operand)
    if comparator == "less_than":
        return bool(value < operand)
    if comparator == "less_equal":
        return bool(value <= operand)
    return False

"""Typed readings of criteria values and record values (shared by parser and evaluator)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .ast import DateLiteral
from .families import DATE_LITERALS, DAY_COUNT_LITERALS

# ASCII digits only: ``\d`` would admit every script's digits, which ``Decimal`` then reads.
_NUMBER = re.compile(r"-?[0-9]{1,64}(\.[0-9]{1,64})?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})")
_LITERAL = re.compile(r"(?:\$\{([A-Za-z]+)\}|([A-Za-z]+))(?:\+([0-9]{1,5}))?")


def as_number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        try:
            number = Decimal(repr(value))
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        return Decimal(value.strip())
    return None


def as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def as_datetime(value: Any) -> datetime | None:
    """Aware date-times only: a rule must not depend on the server's zone."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else None
    if isinstance(value, str) and _DATETIME.fullmatch(value):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def as_text(value: Any) -> str | None:
    """Text, or a lookup's display name (``{"name", "id"}``)."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return value
    return None


def as_literal(value: Any) -> DateLiteral | None:
    """``${TODAY}`` or bare ``TODAY``; AGEINDAYS/DUEINDAYS need ``+<n>``, the rest refuse it."""
    if not isinstance(value, str):
        return None
    match = _LITERAL.fullmatch(value.strip())
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).upper()
    if name not in DATE_LITERALS:
        return None
    days = match.group(3)
    if (name in DAY_COUNT_LITERALS) != (days is not None):
        return None
    return DateLiteral(name, int(days) if days is not None else None)


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict)):
        return len(value) == 0 or (isinstance(value, dict) and not value.get("name") and not value.get("id"))
    return False

"""Literal values of both query languages → storage form (spec 50 §3.4, §9.2).

Storage form is what record writes keep in the JSON body: decimals as ``Decimal``, dates as
``yyyy-MM-dd``, date-times as UTC ISO strings (``values.store_datetime``), ids as digit strings.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from zcrm_local.domain.records import values as rv

# Word separators of Zoho's search (spec 50 §3.4); ``*`` only when it does not end a word.
SEPARATORS = "{}[]^:-/!?*_@"
_SPLIT = re.compile(r"[\s{}\[\]^:\-/!?*_@]+")
_NON_DIGIT = re.compile(r"[^0-9]")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# ISO 8601 with an offset, whole seconds (no fraction, no ``Z``: spec 50 QQ-17).
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}")
_NUMBER = re.compile(r"-?[0-9]{1,30}(\.[0-9]{1,30})?")
_INTEGER = re.compile(r"-?[0-9]{1,19}")


def words(value: str) -> list[str]:
    """Lower-cased words of a value: split on whitespace and the separator characters."""
    return [w for w in _SPLIT.split(value.lower()) if w]


_ADDRESS = re.compile(r"[^\s@*]+@[^\s@*]+\.[^\s@*.]+")


def whole_address(value: str) -> bool:
    """A complete e-mail address (one ``@``, a dotted domain, no wildcard): searched by equal words."""
    return bool(_ADDRESS.fullmatch(value.strip()))


def words_pred_op(data_type: str, value: str) -> str:
    """``same_words`` for a whole address on an e-mail field (indexed), else ``words`` (D-575)."""
    return "same_words" if data_type == "email" and whole_address(value) else "words"


def digits(value: str) -> str:
    return _NON_DIGIT.sub("", value)


def number(text: str, integer: bool = False) -> Decimal | None:
    if not (_INTEGER if integer else _NUMBER).fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return None


def date(text: str) -> str | None:
    if not _DATE.fullmatch(text):
        return None
    return text if rv.parse_date(text) is not None else None


def instant(text: str) -> str | None:
    if not _DATETIME.fullmatch(text):
        return None
    try:
        return rv.store_datetime(datetime.fromisoformat(text))
    except ValueError:
        return None


def day_bounds(day: str, time_zone: str) -> tuple[str, str]:
    """A plain date given for a date-time: that whole day in the user's zone (spec 50 §3.4)."""
    first, _ = rv.local_bounds(rv.parse_date(day), rv.parse_date(day), time_zone)  # type: ignore[arg-type]
    return rv.store_datetime(first), rv.store_datetime(first + timedelta(days=1) - timedelta(seconds=1))


def search_value(data_type: str, item: str, time_zone: str) -> Any:
    """A search value of an ordered type, or None when it does not fit the type."""
    if data_type in ("integer", "bigint"):
        return number(item, integer=True)
    if data_type == "date":
        return date(item)
    if data_type == "datetime":
        exact = instant(item)
        if exact is not None:
            return exact, exact
        return day_bounds(item, time_zone) if date(item) is not None else None
    return number(item)

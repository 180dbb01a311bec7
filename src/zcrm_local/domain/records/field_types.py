"""The one reading of a number sent for a field of a given type (spec 40 §3).

Record writes (``coerce``) and criteria operands (territory rules) both read numbers here, so a
value a field refuses can never be a criteria operand either: ASCII digits only, 32-bit
integers within their ``length`` digits, long integers of at most 18 digits, decimals of at
most their ``length`` digits (D-490, D-491, D-496).

Each reader returns the value or raises ``BadValue``; callers turn that into their own error.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any

from ..metadata import DataType, FieldSpec
from . import values as v

INT32 = (-(2**31), 2**31 - 1)
BIGINT_DIGITS = 18

# Digits a decimal type holds when its metadata gives no ``length`` (spec 40 §3).
DEFAULT_DIGITS: dict[DataType, int] = {DataType.DOUBLE: 16, DataType.CURRENCY: 16, DataType.PERCENT: 5}
DEFAULT_PLACES: dict[DataType, int] = {DataType.CURRENCY: 2, DataType.PERCENT: 2}
# Integer digits an integer field holds when its metadata gives no ``length``.
INTEGER_DIGITS = 9

INTEGRAL_TYPES = frozenset({DataType.INTEGER, DataType.BIGINT})
DECIMAL_TYPES = frozenset({DataType.DOUBLE, DataType.CURRENCY, DataType.PERCENT})
NUMBER_TYPES = INTEGRAL_TYPES | DECIMAL_TYPES

_INT_STRING = re.compile(r"-?[0-9]+")
_DECIMAL_STRING = re.compile(r"-?[0-9]+(\.[0-9]+)?")
# Longer number strings are refused before any conversion (int() refuses past 4300 digits).
_MAX_TEXT = 64


class BadValue(Exception):
    """``maximum_length`` set: too many digits; otherwise: not a value of the type."""

    def __init__(self, maximum_length: int | None = None) -> None:
        super().__init__(maximum_length)
        self.maximum_length = maximum_length


def _digits_of(number: int) -> int:
    return len(str(abs(number)))


def _integral(value: Any) -> int:
    """A whole number sent as a JSON number or an ASCII digit string."""
    if isinstance(value, bool):
        raise BadValue()
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return int(value)
        raise BadValue()
    if isinstance(value, str):
        text = value.strip()
        if len(text) <= _MAX_TEXT and _INT_STRING.fullmatch(text):
            return int(text)
        if _INT_STRING.fullmatch(text):
            return 10**_MAX_TEXT  # an ASCII number too long to read: out of every range
    raise BadValue()


def read_integer(spec: FieldSpec, value: Any) -> int:
    """``integer``: a 32-bit value (else a type error) of at most ``length`` digits."""
    number = _integral(value)
    if not INT32[0] <= number <= INT32[1]:
        raise BadValue()
    limit = spec.length or INTEGER_DIGITS
    if _digits_of(number) > limit:
        raise BadValue(limit)
    return number


def read_bigint(spec: FieldSpec, value: Any) -> int:
    """``bigint`` (Long Integer): at most 18 digits."""
    number = _integral(value)
    if _digits_of(number) > BIGINT_DIGITS:
        raise BadValue(BIGINT_DIGITS)
    return number


def digit_limit(spec: FieldSpec) -> int:
    return spec.length or DEFAULT_DIGITS.get(spec.data_type, 16)


def decimal_places(spec: FieldSpec) -> int | None:
    return spec.decimal_place if spec.decimal_place is not None else DEFAULT_PLACES.get(spec.data_type)


def _exact_decimal(spec: FieldSpec, value: Any) -> Decimal:
    if isinstance(value, bool):
        raise BadValue()
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if math.isfinite(value):
            return Decimal(repr(value))
        raise BadValue()
    # Percent takes numbers only (spec 40 §3).
    if isinstance(value, str) and spec.data_type != DataType.PERCENT:
        text = value.strip()
        if _DECIMAL_STRING.fullmatch(text):
            if len(text) > _MAX_TEXT:
                raise BadValue(digit_limit(spec))
            return Decimal(text)
    raise BadValue()


def read_decimal(spec: FieldSpec, value: Any, *, rounded: bool = True) -> Decimal:
    """``double``/``currency``/``percent``: at most ``length`` digits once rounded half-up to
    ``decimal_place``; ``rounded=False`` checks the same but returns the exact value."""
    number = _exact_decimal(spec, value)
    limit = digit_limit(spec)
    # Bound before rounding: quantizing an enormous value overflows the decimal context.
    if abs(number) >= 10**limit:
        raise BadValue(limit)
    places = decimal_places(spec)
    stored = number
    if places is not None:
        rounded_value = v.round_decimal(number, places)
        if rounded_value is None:
            raise BadValue(limit)
        stored = rounded_value
    if v.digit_count(stored) > limit:
        raise BadValue(limit)
    return stored if rounded else number


def read_number(spec: FieldSpec, value: Any) -> Decimal:
    """A number a field of ``spec`` would accept, exactly as given (criteria operands)."""
    if spec.data_type == DataType.INTEGER:
        return Decimal(read_integer(spec, value))
    if spec.data_type == DataType.BIGINT:
        return Decimal(read_bigint(spec, value))
    if spec.data_type in DECIMAL_TYPES:
        return read_decimal(spec, value, rounded=False)
    raise BadValue()


def number_or_none(spec: FieldSpec, value: Any) -> Decimal | None:
    try:
        return read_number(spec, value)
    except BadValue:
        return None

"""Wire-value primitives: ids, dates, date-times, times of day, decimals.

Each parser returns ``None`` for a value it cannot read; callers decide which error that is,
because the same bad value answers differently depending on where it sits.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

INT64_MAX = 2**63 - 1

_DIGITS = re.compile(r"[0-9]+")
_INT_STRING = re.compile(r"-?[0-9]+")
_DECIMAL_STRING = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Seconds are required and the offset is numeric or Z: what docs, captures and the SDK send.
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})"
)
TIME_PATTERN = "^([0-1][0-9]|2[0-3]):[0-5][0-9]$"
_TIME = re.compile(TIME_PATTERN)

_SAFE_YEARS = (2, 9998)

WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def holds_nul(value: Any) -> bool:
    """Whether a string anywhere in ``value`` (keys included) holds U+0000, which no stored
    text may carry (D-8)."""
    if isinstance(value, str):
        return "\x00" in value
    # Plain loops, not ``any`` over generators: this runs for every value of every item written.
    if isinstance(value, dict):
        for key, entry in value.items():
            if holds_nul(key) or holds_nul(entry):
                return True
    elif isinstance(value, (list, tuple)):
        for entry in value:
            if holds_nul(entry):
                return True
    return False


def parse_digits(raw: str) -> int | None:
    """A non-negative integer written in ASCII digits, or ``None``. Not ``str.isdigit`` alone:
    it also admits "²" and other digits that ``int`` refuses."""
    return int(raw) if raw.isascii() and raw.isdigit() else None


def parse_id(value: Any) -> int | None:
    """An id sent as a JSON number or a digit string; never through a float (precision)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if 0 < number <= INT64_MAX else None


def parse_int(value: Any) -> int | None:
    """Integers, integral floats and digit strings (``"60"`` is the seed's own sample)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    if isinstance(value, str) and _INT_STRING.fullmatch(value.strip()):
        return int(value.strip())
    return None


def parse_decimal(value: Any) -> Decimal | None:
    """Numbers and plain numeric strings as exact decimals (floats via their shortest repr)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else None
    if isinstance(value, str) and _DECIMAL_STRING.fullmatch(value.strip()):
        return Decimal(value.strip())
    return None


@lru_cache(maxsize=32)
def _quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def round_decimal(value: Decimal, places: int) -> Decimal | None:
    """Half-up rounding; ``None`` when the value is too large to quantize."""
    try:
        return value.quantize(_quantum(places), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return None


def digit_count(value: Decimal) -> int:
    """Digits written for a value: integer part plus the fraction without trailing zeros."""
    sign, digits, exponent = value.normalize().as_tuple()
    if not isinstance(exponent, int):
        return 0
    if exponent >= 0:
        return len(digits) + exponent if digits != (0,) else 1
    integer_digits = max(len(digits) + exponent, 1)
    return integer_digits + (-exponent)


def decimal_to_str(value: Decimal) -> str:
    """Storage form: plain notation, no exponent, no trailing fraction zeros."""
    return format(value.normalize(), "f")


def json_number(text: str) -> int | float:
    """Wire form of a stored decimal: whole values as integers (``44``), others as floats."""
    value = Decimal(text)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_date(value: Any) -> date | None:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return None
    # Years at the edges of the calendar overflow once shifted between zones.
    return parsed if _SAFE_YEARS[0] <= parsed.year <= _SAFE_YEARS[1] else None


def parse_datetime(value: Any) -> datetime | None:
    """ISO 8601 with seconds and an offset → aware datetime; naive values are refused."""
    if not isinstance(value, str) or not _DATETIME.fullmatch(value):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return None
    try:
        year = parsed.astimezone(UTC).year
    except OverflowError:
        return None
    return parsed if _SAFE_YEARS[0] <= year <= _SAFE_YEARS[1] else None


def parse_hhmm(value: Any) -> int | None:
    """``HH:mm`` 24-hour → minutes since midnight."""
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        return None
    return int(value[:2]) * 60 + int(value[3:])


def store_datetime(value: datetime) -> str:
    """Storage form of an instant: UTC, whole seconds."""
    return value.astimezone(UTC).replace(microsecond=0).isoformat()


def load_datetime(text: str) -> datetime:
    return datetime.fromisoformat(text)


def format_datetime(value: datetime | str, time_zone: str) -> str:
    """Wire form: ``2023-03-29T21:19:19+05:30`` in the given zone (``+00:00`` for UTC)."""
    if isinstance(value, str):
        return _format_stored(value, time_zone)
    return value.astimezone(ZoneInfo(time_zone)).replace(microsecond=0).isoformat()


@lru_cache(maxsize=8192)
def _format_stored(value: str, time_zone: str) -> str:
    # A pure function of its arguments: a list renders the same few stored timestamps
    # (Created_Time, Modified_Time…) in one zone over and over.
    return load_datetime(value).astimezone(ZoneInfo(time_zone)).replace(microsecond=0).isoformat()


def local_date(instant: datetime, time_zone: str) -> date:
    return instant.astimezone(ZoneInfo(time_zone)).date()


def local_bounds(first: date, last: date, time_zone: str) -> tuple[datetime, datetime]:
    """``first`` 00:00 to ``last`` 23:59:59 in a zone, as aware datetimes."""
    zone = ZoneInfo(time_zone)
    return (
        datetime.combine(first, time(0, 0, 0), zone),
        datetime.combine(last, time(23, 59, 59), zone),
    )


def weekday_name(day: date) -> str:
    return WEEKDAYS[day.weekday()]

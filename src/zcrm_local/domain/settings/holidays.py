"""Holidays, read side (``12-platform.md`` §2); Services use business-holiday dates only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from zcrm_local.domain.errors import invalid_param
from zcrm_local.domain.records.values import parse_digits

HOLIDAY_TYPES = ("business_holiday", "shift_holiday")


@dataclass(frozen=True)
class Holiday:
    id: int
    name: str
    date: date
    type: str = "business_holiday"
    shift_hour: Any = None


def business_holiday_dates(holidays: Iterable[Holiday]) -> frozenset[date]:
    """What ``ServiceContext.holidays`` expects."""
    return frozenset(h.date for h in holidays if h.type == "business_holiday")


def render_holiday(holiday: Holiday) -> dict[str, Any]:
    return {
        "id": str(holiday.id),
        "name": holiday.name,
        "date": holiday.date.isoformat(),
        "year": holiday.date.year,
        "type": holiday.type,
        "shift_hour": holiday.shift_hour,
    }


def list_holidays(
    holidays: Sequence[Holiday],
    *,
    today: date,
    year: str | None = None,
    type_: str | None = None,
    page: int = 1,
    per_page: int = 200,
) -> dict[str, Any] | None:
    """``GET /settings/holidays``: the body, or ``None`` for 204.

    ``year`` defaults to the year of ``today`` (org time zone); an unreadable ``year`` or an
    unknown ``type`` is ``INVALID_DATA`` ``{"param_name":…}``.
    """
    if year is None:
        wanted_year = today.year
    elif len(year) == 4 and parse_digits(year) is not None:
        wanted_year = int(year)
    else:
        raise invalid_param("year")
    if type_ is not None and type_ not in HOLIDAY_TYPES:
        raise invalid_param("type", list(HOLIDAY_TYPES))
    chosen = sorted(
        (h for h in holidays if h.date.year == wanted_year and (type_ is None or h.type == type_)),
        key=lambda h: (h.date, h.id),
    )
    start = (page - 1) * per_page
    window = chosen[start : start + per_page]
    if not window:
        return None
    return {
        "holidays": [render_holiday(h) for h in window],
        "info": {
            "per_page": per_page,
            "count": len(window),
            "page": page,
            "more_records": start + per_page < len(chosen),
        },
    }

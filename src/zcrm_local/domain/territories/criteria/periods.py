"""Date literals -> inclusive date ranges, for a given "today" (spec 20 §9.3)."""

from __future__ import annotations

from datetime import date, timedelta

from .ast import DateLiteral

Range = tuple[date | None, date | None]


def _add_months(day: date, months: int) -> date:
    """First day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def _month(today: date, offset: int) -> Range:
    start = _add_months(today, offset)
    return start, _add_months(start, 1) - timedelta(days=1)


def _week(today: date, offset: int, week_start: int) -> Range:
    start = today - timedelta(days=(today.weekday() - week_start) % 7) + timedelta(weeks=offset)
    return start, start + timedelta(days=6)


def _year(today: date, offset: int) -> Range:
    year = today.year + offset
    return date(year, 1, 1), date(year, 12, 31)


def fiscal_year_start(today: date, start_month: int) -> date:
    year = today.year if today.month >= start_month else today.year - 1
    return date(year, start_month, 1)


def _fiscal_year(today: date, offset: int, start_month: int) -> Range:
    start = _add_months(fiscal_year_start(today, start_month), 12 * offset)
    return start, _add_months(start, 12) - timedelta(days=1)


def _fiscal_quarter(today: date, offset: int, start_month: int) -> Range:
    year_start = fiscal_year_start(today, start_month)
    months_in = (today.year - year_start.year) * 12 + today.month - year_start.month
    start = _add_months(year_start, (months_in // 3 + offset) * 3)
    return start, _add_months(start, 3) - timedelta(days=1)


def literal_range(literal: DateLiteral, today: date, week_start: int, fy_start_month: int) -> Range:
    """The inclusive range a literal stands for; None ends are open. EMPTY/NOTEMPTY have none."""
    one = timedelta(days=1)
    name = literal.name
    if name == "TODAY":
        return today, today
    if name == "TOMORROW":
        return today + one, today + one
    if name == "YESTERDAY":
        return today - one, today - one
    if name == "TOMORROWPLUS":
        return today + one, None
    if name == "YESTERDAYMINUS":
        return None, today - one
    if name in ("AGEINDAYS", "DUEINDAYS"):
        shift = timedelta(days=literal.days or 0)
        day = today - shift if name == "AGEINDAYS" else today + shift
        return day, day
    offsets = {"LAST": -1, "PREV": -1, "THIS": 0, "NEXT": 1}
    for prefix, offset in offsets.items():
        if name.startswith(prefix):
            unit = name[len(prefix):]
            if unit == "MONTH":
                return _month(today, offset)
            if unit == "WEEK":
                return _week(today, offset, week_start)
            if unit == "YEAR":
                return _year(today, offset)
            if unit == "FQ":
                return _fiscal_quarter(today, offset, fy_start_month)
            if unit == "FY":
                return _fiscal_year(today, offset, fy_start_month)
    raise ValueError(f"literal without a range: {name}")

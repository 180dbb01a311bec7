"""Predicates of the Services rule table for the calendar and the clock (steps 9–11).

Same contract as ``services_checks``: return the error ``details`` when the rule fails.
"""

from __future__ import annotations

from zcrm_local.domain.errors import dependency_at
from zcrm_local.domain.records.values import WEEKDAYS, local_bounds
from zcrm_local.domain.services.checks import Details, dep, fd
from zcrm_local.domain.services.context import Draft
from zcrm_local.domain.records.modules.services import (
    AVAILABLE,
    DATE_RANGE,
    NOT_IN_USE,
    SCHEDULED,
    SPECIFIC_DATES,
    SPECIFIC_DAYS,
    TEMPORARILY_UNAVAILABLE,
)


# ---- step 9: business days, hours, holidays (skipped for Not in Use) -------------------

def days_not_business(d: Draft) -> Details:
    if d.status == NOT_IN_USE or d.kind != SPECIFIC_DAYS:
        return None
    calendar = d.ctx.calendar
    days = d.get("Available_Days") or []
    bad = any(not calendar.is_business_day(WEEKDAYS.index(day)) for day in days)
    return dep(d, "Status", "Available_Days") if bad else None


def dates_not_business(d: Draft) -> Details:
    if d.status == NOT_IN_USE or d.kind != SPECIFIC_DATES:
        return None
    calendar, holidays = d.ctx.calendar, d.ctx.holidays
    bad = any(not calendar.is_business_day(day.weekday()) or day in holidays for day in d.dates())
    return dep(d, "Status", "Available_Dates") if bad else None


def timings_outside_hours(d: Draft) -> Details:
    if d.status == NOT_IN_USE:
        return None
    calendar = d.ctx.calendar
    for k, (start, end) in enumerate(d.windows()):
        for weekday in d.applicable_weekdays():
            hours = calendar.day_windows(weekday)
            if not hours or any(low <= start and end <= high for low, high in hours):
                continue
            key = "To" if any(low <= start < high for low, high in hours) else "From"
            return dependency_at("Status", key, d.base, f"{d.base}.Available_Timings[{k}].{key}")
    return None


# ---- step 10: duration against each window ---------------------------------------------

def _short_window(d: Draft) -> bool | None:
    """``None``: no window is too short; ``True``/``False``: custom timings / business hours."""
    duration = d.get("Duration")
    if d.windows():
        return True if any(end - start < duration for start, end in d.windows()) else None
    if d.status == NOT_IN_USE:
        return None
    for weekday in d.applicable_weekdays():
        if any(high - low < duration for low, high in d.ctx.calendar.day_windows(weekday)):
            return False
    return None


def timings_shorter_documented(d: Draft) -> Details:
    short = _short_window(d)
    if short is None:
        return None
    return fd(d, "Available_Timings") if short else fd(d, "Duration")


def timings_shorter_live(d: Draft) -> Details:
    return dep(d, "Status", "Duration") if _short_window(d) is not None else None


# ---- step 11: status, unavailability, past availability ---------------------------------

def live_available_with_till(d: Draft) -> Details:
    bad = d.status in (AVAILABLE, SCHEDULED) and d.get("Unavailable_Till") is not None
    return dep(d, "Unavailable_Till", "Status") if bad else None


def live_available_from_not_future(d: Draft) -> Details:
    start = d.instant("Unavailable_From")
    bad = d.status in (AVAILABLE, SCHEDULED) and start is not None and start <= d.ctx.now
    return dep(d, "Unavailable_From", "Status") if bad else None


def documented_available_one_given(d: Draft) -> Details:
    start, end = d.get("Unavailable_From"), d.get("Unavailable_Till")
    if d.status != AVAILABLE or (start is None) == (end is None):
        return None
    return dep(d, "Status", "Unavailable_Till" if end is None else "Unavailable_From")


def documented_available_till_not_past(d: Draft) -> Details:
    end = d.instant("Unavailable_Till")
    bad = d.status == AVAILABLE and end is not None and end >= d.ctx.now
    return dep(d, "Status", "Unavailable_Till") if bad else None


def temporary_till_not_future(d: Draft) -> Details:
    end = d.instant("Unavailable_Till")
    bad = d.status == TEMPORARILY_UNAVAILABLE and end is not None and end <= d.ctx.now
    return dep(d, "Status", "Unavailable_Till") if bad else None


def till_not_after_from(d: Draft) -> Details:
    start, end = d.instant("Unavailable_From"), d.instant("Unavailable_Till")
    bad = d.status != NOT_IN_USE and start is not None and end is not None and end <= start
    return dep(d, "Unavailable_From", "Unavailable_Till") if bad else None


def _not_in_use_from_future(d: Draft) -> bool:
    start = d.instant("Unavailable_From")
    return d.status == NOT_IN_USE and start is not None and start > d.ctx.now


def live_not_in_use_from_future(d: Draft) -> Details:
    return dep(d, "Unavailable_From", "Status") if _not_in_use_from_future(d) else None


def documented_not_in_use_from_future(d: Draft) -> Details:
    return fd(d, "Unavailable_From") if _not_in_use_from_future(d) else None


def temporary_from_future(d: Draft) -> Details:
    start = d.instant("Unavailable_From")
    bad = d.status == TEMPORARILY_UNAVAILABLE and start is not None and start > d.ctx.now
    return fd(d, "Unavailable_From") if bad else None


def _outside_window(d: Draft, key: str) -> Details:
    first, last, value = d.date_of("Available_From"), d.date_of("Available_Till"), d.instant(key)
    if d.kind != DATE_RANGE or first is None or last is None or value is None:
        return None
    low, high = local_bounds(first, last, d.ctx.org_time_zone)
    return fd(d, key) if not low <= value <= high else None


def unavailable_from_outside(d: Draft) -> Details:
    return _outside_window(d, "Unavailable_From")


def unavailable_till_outside(d: Draft) -> Details:
    return None if d.status == NOT_IN_USE else _outside_window(d, "Unavailable_Till")


def range_ended(d: Draft) -> Details:
    last = d.date_of("Available_Till")
    bad = d.kind == DATE_RANGE and last is not None and last < d.ctx.today and d.status != NOT_IN_USE
    return dep(d, "Available_Till", "Status") if bad else None


def dates_all_past(d: Draft) -> Details:
    dates = d.dates()
    active = d.status in (AVAILABLE, TEMPORARILY_UNAVAILABLE)
    bad = d.kind == SPECIFIC_DATES and active and bool(dates) and all(day < d.ctx.today for day in dates)
    return fd(d, "Status") if bad else None


def scheduled_start_not_future(d: Draft) -> Details:
    first = d.date_of("Available_From")
    bad = d.status == SCHEDULED and (first is None or first <= d.ctx.today)
    return dep(d, "Available_From", "Status") if bad else None


def scheduled_to_unavailable(d: Draft) -> Details:
    bad = d.stored_value("Status") == SCHEDULED and d.status in (NOT_IN_USE, TEMPORARILY_UNAVAILABLE)
    return dep(d, "Available_From", "Unavailable_Till") if bad else None

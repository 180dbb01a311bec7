"""Business hours (``12-platform.md`` §1): input rules, stored form, rendering, calendar.

Stored form (JSON-able), one per org::

    {"id": "…", "type": "24_by_7"|"24_by_5"|"custom", "week_starts_on": "Monday",
     "business_days": [...], "same_as_everyday": bool,
     "daily_timing": ["09:00","19:00"] | None,
     "custom_timing": [{"days": "Monday", "business_timing": ["10:00","17:00"]}] | None}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from zcrm_local.domain.errors import (
    ErrorCode,
    ZohoError,
    field_details,
    invalid_data,
    mandatory_not_found,
    wrapped,
    wrong_type,
)
from zcrm_local.domain.outcomes import Success
from zcrm_local.domain.records.values import TIME_PATTERN, WEEKDAYS, parse_hhmm

WRAPPER = "business_hours"
TYPES = ("24_by_7", "24_by_5", "custom")
_TYPE_ALIASES = {"24*7": "24_by_7", "24*5": "24_by_5"}
MSG_SAVED = "Business Hours saved successfully"
MSG_ONLY_ONE = "Organization can have only one Business Hour"
MSG_CANNOT_UPDATE = "Cannot update business hours"
WHOLE_DAY = ((0, 24 * 60),)

Window = tuple[int, int]  # minutes since midnight, end exclusive (24:00 = 1440)


@dataclass(frozen=True)
class BusinessCalendar:
    """Per weekday (0 = Monday) the business windows; a day without windows is not a business day."""

    windows: Mapping[int, tuple[Window, ...]] = field(default_factory=dict)

    def is_business_day(self, weekday: int) -> bool:
        return bool(self.windows.get(weekday))

    def day_windows(self, weekday: int) -> tuple[Window, ...]:
        return tuple(self.windows.get(weekday, ()))

    def business_weekdays(self) -> tuple[int, ...]:
        return tuple(day for day in range(7) if self.is_business_day(day))


ALWAYS_OPEN = BusinessCalendar({day: WHOLE_DAY for day in range(7)})


def _pair(timing: Any) -> Window:
    return (parse_hhmm(timing[0]) or 0, parse_hhmm(timing[1]) or 0)


def effective_calendar(stored: Mapping[str, Any] | None) -> BusinessCalendar:
    """§1.5: none configured → 24×7; ``24_by_5`` → whole business days; ``custom`` → timings.

    A custom business day with neither its own timing nor ``daily_timing`` counts as open all
    day, so a half-configured object never makes a business day unusable.
    """
    if not stored or stored.get("type") == "24_by_7":
        return ALWAYS_OPEN
    days = [WEEKDAYS.index(day) for day in stored.get("business_days") or []]
    if stored.get("type") == "24_by_5":
        return BusinessCalendar({day: WHOLE_DAY for day in days})
    daily = stored.get("daily_timing")
    custom = {entry["days"]: entry["business_timing"] for entry in stored.get("custom_timing") or []}
    windows: dict[int, tuple[Window, ...]] = {}
    for day in days:
        timing = None if stored.get("same_as_everyday") else custom.get(WEEKDAYS[day])
        timing = timing or daily
        windows[day] = (_pair(timing),) if timing else WHOLE_DAY
    return BusinessCalendar(windows)


def render_business_hours(stored: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """``GET`` body, or ``None`` for 204 when none is configured."""
    if not stored:
        return None
    return {
        WRAPPER: {
            "business_days": list(stored["business_days"]),
            "custom_timing": stored.get("custom_timing"),
            "daily_timing": stored.get("daily_timing"),
            "week_starts_on": stored["week_starts_on"],
            "same_as_everyday": stored["same_as_everyday"],
            "id": str(stored["id"]),
            "type": stored["type"],
        }
    }


def business_hours_saved(stored: Mapping[str, Any]) -> Success:
    """Success body of POST (201) and PUT (200)."""
    return Success(MSG_SAVED, {"id": str(stored["id"])}, wrapper=WRAPPER)


# ---- input ------------------------------------------------------------------------------

def _path(key: str) -> str:
    return f"$.{WRAPPER}.{key}"


def _w(error: ZohoError) -> ZohoError:
    return wrapped(WRAPPER, error)


def _timing(value: Any, api_name: str, path: str) -> list[str]:
    """Exactly two ``HH:mm`` times, start before end."""
    if not isinstance(value, list):
        raise _w(wrong_type(api_name, path, "jsonarray"))
    if len(value) != 2:
        raise _w(invalid_data(api_name, path))
    for entry in value:
        if parse_hhmm(entry) is None:
            raise _w(ZohoError(ErrorCode.INVALID_DATA,
                "invalid data", field_details(api_name, path, regex=TIME_PATTERN)))
    start, end = _pair(value)
    if start >= end:
        raise _w(invalid_data(api_name, path))
    return [value[0], value[1]]


def _day(value: Any, api_name: str, path: str) -> str:
    if not isinstance(value, str):
        raise _w(wrong_type(api_name, path, "text"))
    if value not in WEEKDAYS:
        raise _w(invalid_data(api_name, path))
    return value


def validate_business_hours(
    body: Any,
    *,
    existing: Mapping[str, Any] | None,
    creating: bool,
    new_id: Callable[[], int],
) -> dict[str, Any]:
    """Validate a POST (``creating``) or PUT body and return the new stored object.

    Raises request-level ``ZohoError`` (wrapper missing or not an object, POST when one
    exists) or ``WrappedZohoError`` (answered inside ``{"business_hours":…}``). ``new_id`` is
    called only for a successful POST. PUT replaces the object except ``custom_timing``,
    which is merged per day with the stored one (``_delete`` removes a day's timing).
    """
    section = body.get(WRAPPER) if isinstance(body, dict) else None
    if section is None:
        raise mandatory_not_found(WRAPPER, f"$.{WRAPPER}")
    if not isinstance(section, dict):
        raise wrong_type(WRAPPER, f"$.{WRAPPER}", "jsonobject")
    if creating and existing:
        raise ZohoError(ErrorCode.NOT_ALLOWED, MSG_ONLY_ONE, {})
    if not creating and not existing:
        raise _w(ZohoError(ErrorCode.NOT_ALLOWED, MSG_CANNOT_UPDATE, {}))
    if not creating and section.get("id") is not None and str(section["id"]) != str(existing["id"]):  # type: ignore[index]
        raise _w(invalid_data("id", _path("id")))

    raw_type = section.get("type")
    if raw_type is None:
        raise _w(mandatory_not_found("type", _path("type")))
    if not isinstance(raw_type, str):
        raise _w(wrong_type("type", _path("type"), "text"))
    kind = _TYPE_ALIASES.get(raw_type, raw_type)
    if kind not in TYPES:
        raise _w(invalid_data("type", _path("type")))

    if section.get("week_starts_on") is None:
        raise _w(mandatory_not_found("week_starts_on", _path("week_starts_on")))
    week_starts_on = _day(section["week_starts_on"], "week_starts_on", _path("week_starts_on"))

    days = _business_days(section, kind)
    result: dict[str, Any] = {
        "id": str(existing["id"]) if existing and not creating else "",
        "type": kind,
        "week_starts_on": week_starts_on,
        "business_days": days,
        "same_as_everyday": True,
        "daily_timing": None,
        "custom_timing": None,
    }
    if kind == "custom":
        _custom_timings(section, days, existing if not creating else None, result)
    if creating:
        result["id"] = str(new_id())
    return result


def _business_days(section: Mapping[str, Any], kind: str) -> list[str]:
    if kind == "24_by_7":
        return list(WEEKDAYS)
    raw = section.get("business_days")
    if raw is None or raw == []:
        raise _w(mandatory_not_found("business_days", _path("business_days")))
    if not isinstance(raw, list):
        raise _w(wrong_type("business_days", _path("business_days"), "jsonarray"))
    days = [_day(entry, "business_days", _path("business_days")) for entry in raw]
    if len(set(days)) != len(days):
        raise _w(invalid_data("business_days", _path("business_days")))
    return sorted(days, key=WEEKDAYS.index)


def _custom_timings(
    section: Mapping[str, Any],
    days: list[str],
    existing: Mapping[str, Any] | None,
    result: dict[str, Any],
) -> None:
    same = section.get("same_as_everyday")
    if same is None:
        same = section.get("custom_timing") is None
    if not isinstance(same, bool):
        raise _w(wrong_type("same_as_everyday", _path("same_as_everyday"), "boolean"))
    result["same_as_everyday"] = same
    daily = section.get("daily_timing")
    if daily is None and same:
        raise _w(mandatory_not_found("daily_timing", _path("daily_timing")))
    if daily is not None:
        result["daily_timing"] = _timing(daily, "daily_timing", _path("daily_timing"))
    if same:
        return
    merged = {e["days"]: e["business_timing"] for e in (existing or {}).get("custom_timing") or []}
    raw = section.get("custom_timing")
    if raw is not None:
        if not isinstance(raw, list):
            raise _w(wrong_type("custom_timing", _path("custom_timing"), "jsonarray"))
        if len(raw) > 7:
            raise _w(invalid_data("custom_timing", _path("custom_timing"), maximum_length=7))
        for index, entry in enumerate(raw):
            base = f"{_path('custom_timing')}[{index}]"
            if not isinstance(entry, dict):
                raise _w(wrong_type("custom_timing", base, "jsonobject"))
            if entry.get("days") is None:
                raise _w(mandatory_not_found("days", f"{base}.days"))
            day = _day(entry["days"], "days", f"{base}.days")
            if "_delete" in entry and entry["_delete"] in (None, True):
                merged.pop(day, None)
                continue
            if day not in days:
                raise _w(invalid_data("days", f"{base}.days"))
            if entry.get("business_timing") is None:
                raise _w(mandatory_not_found("business_timing", f"{base}.business_timing"))
            merged[day] = _timing(entry["business_timing"], "business_timing", f"{base}.business_timing")
    timings = [{"days": day, "business_timing": merged[day]} for day in WEEKDAYS if day in merged and day in days]
    if not timings and result["daily_timing"] is None:
        raise _w(mandatory_not_found("custom_timing", _path("custom_timing")))
    result["custom_timing"] = timings or None

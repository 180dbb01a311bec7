"""The predicates behind the Services rule table (``services.RULES``), steps 1–8.

Each check looks at a ``Draft`` and returns the error ``details`` when its rule fails, else
``None``. Codes and messages live in the table, not here; a check may assume every earlier
row passed (e.g. timings are well-formed once the format row ran).
"""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.errors import dependency, field_details
from zcrm_local.domain.records.engine import is_empty
from zcrm_local.domain.records.values import WEEKDAYS, parse_hhmm, parse_id
from zcrm_local.domain.services.context import Draft
from zcrm_local.domain.records.modules.services import (
    NOT_IN_USE,
    TEMPORARILY_UNAVAILABLE,
    AVAILABILITY_TYPES,
    DATE_RANGE,
    LOCATIONS,
    SPECIFIC_DATES,
    SPECIFIC_DAYS,
    YES_NO,
    statuses,
)

Details = dict[str, Any] | None
MANDATORY_ORDER = ("Service_Name", "Duration", "Location", "Members", "Availability_Type", "Price")
MAX_TIMINGS = 2
MAX_DATES = 20
MAX_MEMBERS = 100


def fd(d: Draft, key: str, **extra: Any) -> dict[str, Any]:
    return field_details(key, d.path(key), **extra)


def dep(d: Draft, dependee: str, key: str) -> dict[str, Any]:
    return dependency(dependee, key, d.base)


# ---- step 1: module length limits -----------------------------------------------------

def too_many_timings(d: Draft) -> Details:
    timings = d.get("Available_Timings") or []
    return fd(d, "Available_Timings", maximum_length=MAX_TIMINGS) if len(timings) > MAX_TIMINGS else None


def too_many_dates(d: Draft) -> Details:
    dates = d.get("Available_Dates") or []
    return fd(d, "Available_Dates", maximum_length=MAX_DATES) if len(dates) > MAX_DATES else None


# ---- step 2 ---------------------------------------------------------------------------

def mandatory_missing(d: Draft) -> Details:
    merged = d.merged
    for key in MANDATORY_ORDER:
        if is_empty(merged.get(key)):
            return fd(d, key)
    return None


# ---- step 3: allowed values (given keys only; stored values were checked when written) --

def _not_in(d: Draft, key: str, allowed: tuple[str, ...]) -> Details:
    value = d.given.values.get(key)  # absent or null: nothing to check
    if value is None:
        return None
    if isinstance(value, list):
        bad = any(entry not in allowed for entry in value)
    else:
        bad = value not in allowed
    return fd(d, key) if bad else None


def bad_availability_type(d: Draft) -> Details:
    return _not_in(d, "Availability_Type", AVAILABILITY_TYPES)


def bad_location(d: Draft) -> Details:
    return _not_in(d, "Location", LOCATIONS)


def bad_status(d: Draft) -> Details:
    return _not_in(d, "Status", statuses(d.ctx.profile))


def bad_job_sheet_required(d: Draft) -> Details:
    return _not_in(d, "Job_Sheet_Required", YES_NO)


def bad_job_sheet_section(d: Draft) -> Details:
    return _not_in(d, "Job_Sheet_Section__s", tuple(d.ctx.job_sheet_sections))


def bad_day_name(d: Draft) -> Details:
    return _not_in(d, "Available_Days", WEEKDAYS)


# ---- step 4 ---------------------------------------------------------------------------

def _duration_outside(d: Draft, low: int, high: int) -> Details:
    duration = d.get("Duration")
    return fd(d, "Duration") if not low <= duration <= high else None


def duration_outside_documented(d: Draft) -> Details:
    return _duration_outside(d, 15, 1440)


def duration_outside_live(d: Draft) -> Details:
    return _duration_outside(d, 5, 1440)


def negative_price(d: Draft) -> Details:
    return fd(d, "Price") if str(d.get("Price")).startswith("-") else None


# ---- step 5: dependent keys missing ---------------------------------------------------

_REQUIRED_BY_TYPE = {
    DATE_RANGE: ("Available_From", "Available_Till"),
    SPECIFIC_DATES: ("Available_Dates",),
    SPECIFIC_DAYS: ("Available_Days",),
}


def availability_dependent_missing(d: Draft) -> Details:
    for key in _REQUIRED_BY_TYPE.get(d.kind or "", ()):
        if is_empty(d.get(key)):
            return dep(d, "Availability_Type", key)
    return None


def unavailable_from_missing(d: Draft) -> Details:
    needed = d.status in (TEMPORARILY_UNAVAILABLE, NOT_IN_USE)
    return dep(d, "Status", "Unavailable_From") if needed and d.get("Unavailable_From") is None else None


def unavailable_till_missing(d: Draft) -> Details:
    needed = d.status == TEMPORARILY_UNAVAILABLE
    return dep(d, "Status", "Unavailable_Till") if needed and d.get("Unavailable_Till") is None else None


def job_sheet_section_missing(d: Draft) -> Details:
    missing = d.get("Job_Sheet_Required") == "Yes" and d.get("Job_Sheet_Section__s") is None
    return dep(d, "Job_Sheet_Required", "Job_Sheet_Section__s") if missing else None


# ---- step 6: job sheet ----------------------------------------------------------------

def job_sheet_not_configured(d: Draft) -> Details:
    # Only a write that turns "Yes" on is refused: services already on keep it.
    turning_on = d.get("Job_Sheet_Required") == "Yes" and d.stored_value("Job_Sheet_Required") != "Yes"
    return fd(d, "Job_Sheet_Required") if turning_on and not d.ctx.job_sheet_enabled else None


def job_sheet_section_without_yes(d: Draft) -> Details:
    mismatch = d.get("Job_Sheet_Section__s") is not None and d.get("Job_Sheet_Required") != "Yes"
    return dep(d, "Job_Sheet_Required", "Job_Sheet_Section__s") if mismatch else None


# ---- step 7: formats and order --------------------------------------------------------

def bad_date_format(d: Draft) -> Details:
    raw = d.get("Available_Dates") or []
    return fd(d, "Available_Dates", expected_data_type="date") if len(d.dates()) != len(raw) else None


def bad_custom_time(d: Draft) -> Details:
    """Malformed or inverted window, or windows overlapping; ``api_name`` names the bad key."""
    windows: list[tuple[int, int]] = []
    path = d.path("Available_Timings")
    for entry in d.get("Available_Timings") or []:
        start, end = parse_hhmm(entry.get("From")), parse_hhmm(entry.get("To"))
        if start is None:
            return {"api_name": "From", "json_path": path}
        if end is None or end <= start:
            return {"api_name": "To", "json_path": path}
        if any(start < other_end and other_start < end for other_start, other_end in windows):
            return {"api_name": "From", "json_path": path}
        windows.append((start, end))
    d.cache["windows"] = windows
    return None


def _range_inverted(d: Draft) -> bool:
    first, last = d.date_of("Available_From"), d.date_of("Available_Till")
    return d.kind == DATE_RANGE and first is not None and last is not None and last <= first


def range_inverted_documented(d: Draft) -> Details:
    return fd(d, "Available_Till") if _range_inverted(d) else None


def range_inverted_live(d: Draft) -> Details:
    return dep(d, "Available_From", "Available_Till") if _range_inverted(d) else None


# ---- step 8: references ---------------------------------------------------------------

def too_many_members_documented(d: Draft) -> Details:
    return fd(d, "Members") if len(d.links) > MAX_MEMBERS else None


def too_many_members_live(d: Draft) -> Details:
    if len(d.links) <= MAX_MEMBERS:
        return None
    return {"api_name": "Members", "limit": MAX_MEMBERS, "json_path": d.path("Members")}


def unknown_member_link(d: Draft) -> Details:
    if not d.bad_links:
        return None
    return {"api_name": "id", "json_path": f"{d.base}.Members[{d.bad_links[0]}].id"}


def _member_path(d: Draft, index: int) -> str:
    return f"{d.base}.Members[{index}].Members.id"


def unknown_member(d: Draft) -> Details:
    for index, user_id in d.new_users:
        user = d.ctx.users.get(user_id) if user_id is not None else None
        if user is None or user.deleted:
            return {"api_name": "id", "json_path": _member_path(d, index)}
    return None


def inactive_member(d: Draft) -> Details:
    for index, user_id in d.new_users:
        if not d.ctx.users[user_id].active:  # type: ignore[index]
            return {"user_status": "inactive", "api_name": "id", "json_path": _member_path(d, index)}
    return None


def unconfirmed_member(d: Draft) -> Details:
    for index, user_id in d.new_users:
        if not d.ctx.users[user_id].confirm:  # type: ignore[index]
            return {"user_status": "unconfirmed", "api_name": "id", "json_path": _member_path(d, index)}
    return None


def unknown_tax(d: Draft) -> Details:
    """Resolve given ``Tax`` entries by id, else by display value (Services §5.7, Q-11)."""
    if not d.given.given("Tax"):
        return None
    by_id, by_label = d.ctx.tax_index
    resolved: dict[int, dict[str, str]] = {}
    for entry in d.given.get("Tax") or []:
        if isinstance(entry, dict) and entry.get("id") is not None:
            tax = by_id.get(parse_id(entry["id"]) or 0)
        else:
            label = entry.get("value") if isinstance(entry, dict) else entry
            tax = by_label.get(label) if isinstance(label, str) else None
        if tax is None:
            return fd(d, "Tax")
        resolved.setdefault(tax.id, {"id": str(tax.id), "value": tax.display_value})
    d.taxes = list(resolved.values())
    return None


def invalid_owner(d: Draft) -> Details:
    if not d.given.given("Owner") or d.given.get("Owner") is None:
        return None
    user = d.ctx.users.get(int(d.given.get("Owner")))
    return fd(d, "Owner") if user is None or not user.active else None

"""Users as the API shows them (spec 12 §3) and the ``type`` filter of GET /users."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from zcrm_local.domain.errors import invalid_param
from zcrm_local.domain.times import format_datetime

USER_TYPES: dict[str, Callable[[Mapping[str, Any]], bool]] = {
    "AllUsers": lambda u: u["status"] != "deleted",
    "ActiveUsers": lambda u: u["status"] == "active",
    "DeactiveUsers": lambda u: u["status"] == "disabled",
    "ConfirmedUsers": lambda u: u["confirm"] and u["status"] != "deleted",
    "NotConfirmedUsers": lambda u: not u["confirm"] and u["status"] != "deleted",
    "DeletedUsers": lambda u: u["status"] == "deleted",
    "ActiveConfirmedUsers": lambda u: u["status"] == "active" and u["confirm"],
    "AdminUsers": lambda u: u["is_admin"] and u["status"] != "deleted",
    "ActiveConfirmedAdmins": lambda u: u["is_admin"] and u["status"] == "active" and u["confirm"],
    "CurrentUser": lambda u: True,  # narrowed to the caller by the service
}


def user_filter(type_param: str | None) -> Callable[[Mapping[str, Any]], bool]:
    name = type_param or "AllUsers"
    if name not in USER_TYPES:
        raise invalid_param("type", list(USER_TYPES))
    return USER_TYPES[name]


def full_name(first: str | None, last: str) -> str:
    return f"{first} {last}" if first else last


def render_user(u: Mapping[str, Any], *, tz: str) -> dict[str, Any]:
    """``u`` carries the user row plus ``role``/``profile`` names and ``reporting_to_name``;
    ``created_by_ref``/``modified_by_ref`` name who wrote it (the administrator when absent)."""
    ref_admin = {"name": u["admin_name"], "id": str(u["admin_id"])}
    extra = u.get("extra") or {}
    out = {
        "id": str(u["id"]),
        "first_name": u["first_name"],
        "last_name": u["last_name"],
        "full_name": full_name(u["first_name"], u["last_name"]),
        "email": u["email"],
        "status": u["status"],
        "confirm": u["confirm"],
        "role": {"name": u["role_name"], "id": str(u["role_id"])},
        "profile": {"name": u["profile_name"], "id": str(u["profile_id"])},
        "time_zone": u["time_zone"],
        "locale": u["locale"],
        "country_locale": extra.get("country_locale", u["locale"]),
        "date_format": extra.get("date_format", "MM/dd/yyyy"),
        "time_format": extra.get("time_format", "hh:mm a"),
        "zuid": u["zuid"],
        "Reporting_To": (
            {"name": u["reporting_to_name"], "id": str(u["reporting_to"])} if u["reporting_to"] else None
        ),
        "created_by": u.get("created_by_ref") or ref_admin,
        "Modified_By": u.get("modified_by_ref") or ref_admin,
        "created_time": format_datetime(u["created_time"], tz),
        "Modified_Time": format_datetime(u["modified_time"], tz),
    }
    # Optional settings written through the API read back as given (spec 40 §19.1).
    for key, value in extra.items():
        out.setdefault(key, value)
    return out

"""Rules of POST/PUT/DELETE /users (spec 40 §19.1–§19.3): pure checks over plain values.

Each check raises the documented ``ZohoError``; a write that passes answers a ``Success``.
``http/render`` wraps item outcomes in ``{"users":[…]}``; request-level refusals answer bare
(conventions §4).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from zcrm_local.domain.errors import (
    MSG_INVALID_DATA,
    MSG_INVALID_ID,
    ErrorCode,
    ZohoError,
    invalid_data,
    mandatory_not_found,
    wrong_type,
)
from zcrm_local.domain.outcomes import Success
from zcrm_local.domain.records.values import parse_id

NAME_MAX = 50
EMAIL_MAX = 200
# Active users an org may have (D-544): what GET /org reports as users_license_purchased.
LICENSED_USERS = 10
# Characters Zoho calls "special" in a user's name (D-543); apostrophes, hyphens, dots stay allowed.
SPECIAL_CHARS = frozenset('<>"&\\{}[]|^~$#@!*?%=;')
TIME_FORMATS = ("HH:mm", "hh:mm a")
_EMAIL = re.compile(r"^[^@\s<>\"\x00-\x1f]+@[^@\s<>\"\x00-\x1f]+\.[^@\s<>\"\x00-\x1f]+$")
# Optional keys kept as given (strings) and read back (spec 40 §19.1).
OPTIONAL_TEXT = ("locale", "country_locale", "date_format", "name_format__s", "sort_order_preference__s", "phone",
                 "mobile", "dob", "street", "city", "state", "zip", "country", "website", "fax", "alias")
REFUSED_KEYS = {
    "created_by": "Created by & Modified by fields cannot be updated by api",
    "Modified_By": "Created by & Modified by fields cannot be updated by api",
    "type__s": "type__s is cannot be updated by api",
}
MSG_SPECIAL = "Special Characters Found"
MSG_BAD_EMAIL = "Invalid Email Id. Please choose a different email id"
MSG_EMAIL_TAKEN = "Failed to add user since same email id is already present"
MSG_TIME_ZONE = "Give a proper time zone value"
MSG_PATTERN = "Pattern not matched"
MSG_LICENSE_ADD = "Request exceeds your license limit. Need to upgrade in order to add a user"
MSG_LICENSE_ACTIVATE = "License Limit is Exceeded"
MSG_ALREADY_DELETED_REF = "the id given seems to be already deleted"
MSG_AUTH_FAILED = "Either trial is expired or user does not have sufficient previlege to perform this action"
ADDED, UPDATED, DELETED = "User added", "User updated", "User deleted"


@dataclass(frozen=True)
class UserRow:
    """What the rules need of a stored user."""

    id: int
    email: str
    status: str  # active | disabled | deleted
    confirm: bool


@dataclass(frozen=True)
class OrgPeople:
    """The org's users, roles and profiles as the rules see them."""

    users: Mapping[int, UserRow]
    role_ids: frozenset[int]
    profile_ids: frozenset[int]
    primary_contact: int | None

    def email_taken(self, email: str, but: int | None = None) -> bool:
        wanted = email.lower()
        return any(u.email.lower() == wanted and u.status != "deleted" and u.id != but for u in self.users.values())

    def active_count(self) -> int:
        return sum(1 for u in self.users.values() if u.status == "active")


def one_user(body: Any) -> Mapping[str, Any]:
    """The single object of ``{"users":[{…}]}``; request-level refusals otherwise."""
    if not isinstance(body, dict) or "users" not in body or body["users"] in (None, []):
        raise mandatory_not_found("users", "$.users")
    items = body["users"]
    if not isinstance(items, list):
        raise wrong_type("users", "$.users", "jsonarray")
    if len(items) > 1:
        raise ZohoError(ErrorCode.INVALID_DATA, MSG_INVALID_DATA, {"maximum_length": 1, "api_name": "users",
                                                              "json_path": "$.users"})
    if not isinstance(items[0], dict):
        raise wrong_type("users", "$.users[0]", "jsonobject")
    return items[0]


def _path(key: str) -> str:
    return f"$.users[0].{key}"


def _text(item: Mapping[str, Any], key: str, limit: int | None = None) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise wrong_type(key, _path(key), "string")
    if limit is not None and len(value) > limit:
        raise invalid_data(key, _path(key), maximum_length=limit)
    if "\x00" in value:  # no store keeps NUL in text
        raise invalid_data(key, _path(key))
    return value


def _name(item: Mapping[str, Any], key: str) -> str | None:
    value = _text(item, key, NAME_MAX)
    if value is not None and any(ch in SPECIAL_CHARS or ord(ch) < 32 for ch in value):
        raise invalid_data(key, _path(key), MSG_SPECIAL)
    return value


def _ref_id(item: Mapping[str, Any], key: str) -> int | None:
    """A role/profile/user reference given as an id string, a number or ``{"id"}``."""
    value = item.get(key)
    if isinstance(value, dict):
        value = value.get("id")
    if isinstance(value, bool):
        return None
    return parse_id(value) if isinstance(value, str | int) else None


def _choice(item: Mapping[str, Any], key: str, known: frozenset[int]) -> int:
    ref = _ref_id(item, key)
    if ref is None or ref not in known:
        raise ZohoError(ErrorCode.INVALID_DATA, "INVALID_DATA", {"api_name": key, "json_path": _path(key)})
    return ref


def _reporting_to(item: Mapping[str, Any], people: OrgPeople) -> int | None:
    if item.get("Reporting_To") is None:
        return None
    ref = _ref_id(item, "Reporting_To")
    user = people.users.get(ref or 0)
    if user is not None and user.status == "deleted":
        raise ZohoError(ErrorCode.NOT_ALLOWED, MSG_ALREADY_DELETED_REF,
                        {"api_name": "Reporting_To", "json_path": _path("Reporting_To.id")})
    if user is None or user.status != "active":
        raise invalid_data("Reporting_To", _path("Reporting_To.id"), MSG_INVALID_ID)
    return user.id


def _email(item: Mapping[str, Any]) -> str:
    email = item.get("email")
    if email is not None and not isinstance(email, str):
        raise wrong_type("email", _path("email"), "string")
    if email is None or not email:
        raise mandatory_not_found("email", _path("email"))
    if len(email) > EMAIL_MAX or not _EMAIL.match(email):
        raise ZohoError(ErrorCode.INVALID_DATA, MSG_BAD_EMAIL, {"api_name": "email"})
    return email


def _settings(item: Mapping[str, Any]) -> dict[str, Any]:
    """time_zone, time_format and the optional text keys that were given."""
    out: dict[str, Any] = {}
    if "time_zone" in item and item["time_zone"] is not None:
        tz = item["time_zone"]
        if not isinstance(tz, str) or not valid_zone(tz):
            raise invalid_data("time_zone", _path("time_zone"), MSG_TIME_ZONE)
        out["time_zone"] = tz
    if "time_format" in item and item["time_format"] is not None:
        if item["time_format"] not in TIME_FORMATS:
            raise invalid_data("time_format", _path("time_format"), MSG_PATTERN)
        out["time_format"] = item["time_format"]
    for key in OPTIONAL_TEXT:
        value = _text(item, key, 250)
        if value is not None:
            out[key] = value
    return out


def valid_zone(name: str) -> bool:
    if not name or len(name) > 64 or "\x00" in name or name.startswith("/") or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _refused_keys(item: Mapping[str, Any]) -> None:
    for key, message in REFUSED_KEYS.items():
        if key in item:
            raise ZohoError(ErrorCode.NOT_SUPPORTED, message, {"api_name": key, "json_path": _path(key)})


@dataclass(frozen=True)
class NewUser:
    first_name: str | None
    last_name: str
    email: str
    role_id: int
    profile_id: int
    reporting_to: int | None
    settings: dict[str, Any]


def plan_create(item: Mapping[str, Any], people: OrgPeople) -> NewUser:
    """§19.1, first failure answers."""
    _refused_keys(item)
    last = _name(item, "last_name")
    if not last:
        raise ZohoError(ErrorCode.MANDATORY_NOT_FOUND, "Last Name is required",
                        {"api_name": "last_name", "json_path": _path("last_name")})
    first = _name(item, "first_name")
    email = _email(item)
    for key in ("role", "profile"):
        if item.get(key) is None:
            raise mandatory_not_found(key, _path(key))
    role = _choice(item, "role", people.role_ids)
    profile = _choice(item, "profile", people.profile_ids)
    reporting = _reporting_to(item, people)
    settings = _settings(item)
    if people.email_taken(email):
        raise ZohoError(ErrorCode.DUPLICATE_DATA, MSG_EMAIL_TAKEN, {})
    if people.active_count() >= LICENSED_USERS:
        raise ZohoError(ErrorCode.LICENSE_LIMIT_EXCEEDED, MSG_LICENSE_ADD, {})
    return NewUser(first or None, last, email, role, profile, reporting, settings)


@dataclass(frozen=True)
class Caller:
    id: int
    is_admin: bool


def plan_update(item: Mapping[str, Any], target: UserRow, people: OrgPeople, caller: Caller,
                profile: str) -> dict[str, Any]:
    """§19.2: the columns to change (``extra`` merged by the service), first failure answers."""
    live = profile == "live"
    if target.status == "deleted":
        raise ZohoError(ErrorCode.CANNOT_UPDATE_DELETED_USER, "Deleted user cannot be updated", {})
    _refused_keys(item)
    other = caller.id != target.id
    if other and not caller.is_admin:
        # A Standard user may change only themselves (D-546).
        raise ZohoError(ErrorCode.AUTHORIZATION_FAILED, MSG_AUTH_FAILED, {}, 400 if live else 403)
    changes: dict[str, Any] = {}
    for key in ("first_name", "last_name"):
        if key in item:
            value = _name(item, key)
            if key == "last_name" and not value:
                raise ZohoError(ErrorCode.MANDATORY_NOT_FOUND, "Last Name is required",
                                {"api_name": "last_name", "json_path": _path("last_name")})
            changes[key] = value or None
    if "email" in item:
        email = _email(item)
        if email.lower() != target.email.lower():
            if target.confirm:
                code = ErrorCode.EMAIL_UPDATE_NOT_ALOWED if live else ErrorCode.EMAIL_UPDATE_NOT_ALLOWED
                raise ZohoError(code, "Cannot update email of a confirmed CRM User", {"api_name": "email"})
            if people.email_taken(email, but=target.id):
                raise ZohoError(ErrorCode.DUPLICATE_DATA, MSG_EMAIL_TAKEN, {})
        changes["email"] = email
    for key, known in (("role", people.role_ids), ("profile", people.profile_ids)):
        if item.get(key) is not None:
            changes[f"{key}_id"] = _choice(item, key, known)
    if "Reporting_To" in item:
        changes["reporting_to"] = _reporting_to(item, people)
    if other:
        if item.get("time_zone") is not None:
            raise ZohoError(ErrorCode.INVALID_DATA, MSG_TIME_ZONE, {"api_name": "time_zone", "json_path": _path("time_zone")},
                            400 if live else 415)
        for key in ("name_format__s", "sort_order_preference__s"):
            if key in item:
                raise ZohoError(ErrorCode.NOT_ALLOWED, f"Cannot update the {key} of another User", {"api_name": key})
    settings = _settings(item)
    if "time_zone" in settings:
        changes["time_zone"] = settings.pop("time_zone")
    if "locale" in settings:
        changes["locale"] = settings["locale"]
    changes["extra"] = settings
    if "status" in item:
        changes["status"] = _status(item["status"], target, people)
    return changes


def _status(value: Any, target: UserRow, people: OrgPeople) -> str:
    if value not in ("active", "inactive"):
        raise invalid_data("status", _path("status"), supported_values=["active", "inactive"])
    if value == "inactive":
        if target.status == "disabled":
            raise ZohoError(ErrorCode.ID_ALREADY_DEACTIVATED, "User is already deactivated", {})
        if target.id == people.primary_contact:
            raise ZohoError(ErrorCode.INVALID_REQUEST, "Primary Contact cannot be deactivated", {})
        return "disabled"
    if target.status == "active":
        raise ZohoError(ErrorCode.ID_ALREADY_ACTIVE, "User is already active", {})
    if people.active_count() >= LICENSED_USERS:
        raise ZohoError(ErrorCode.LICENSE_LIMIT_EXCEEDED, MSG_LICENSE_ACTIVATE, {})
    return "active"


def check_delete(target: UserRow, people: OrgPeople, caller: Caller) -> None:
    """§19.3 item checks (unknown ids answer request-level in the caller)."""
    if target.status == "deleted":
        raise ZohoError(ErrorCode.ID_ALREADY_DELETED, "User is already deleted",
                        {"json_path": "$.users[0].id", "id": str(target.id)})
    if target.id in (people.primary_contact, caller.id):
        raise ZohoError(ErrorCode.INVALID_REQUEST, "Primary contact cannot be deleted", {})


def added(user_id: int) -> Success:
    return Success(ADDED, {"id": str(user_id)})


def updated(user_id: int) -> Success:
    return Success(UPDATED, {"id": str(user_id)})


def deleted(user_id: int, profile: str) -> Success:
    """RQ-21: ``{}`` as the v7 page shows; ``live`` adds the id."""
    return Success(DELETED, {"id": str(user_id)} if profile == "live" else {})


def unknown_user() -> ZohoError:
    """An id in the body of ``PUT /users`` that names no user of the org (an item refusal)."""
    return invalid_data("id", _path("id"), MSG_INVALID_ID)

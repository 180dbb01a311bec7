"""Change owner (spec 40 §15): the body's checks and the item results."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import ErrorCode, MSG_INVALID_ID, ZohoError, invalid_data, mandatory_not_found
from .capabilities import RELATED_ACTIVITY_MODULES
from ..outcomes import Success
from .refs import UserRef
from .values import parse_id

MAX_IDS = 500
MSG_OWNER_UPDATED = "owner is successfully updated"
MSG_OWNER_INVALID = "the owner id given is invalid"
MSG_OWNER_INACTIVE = "The user to whom you are trying to transfer the records is not active."
MSG_OWNER_DELETED = "The user to whom you are trying to transfer the records has closed their account."
MSG_LOCKED = "Sorry, you cannot perform this operation as the record is locked."


@dataclass(frozen=True)
class ChangeOwner:
    owner_id: int
    ids: tuple[str, ...]  # as given (bulk); the path id on the single form
    notify: bool
    related_modules: tuple[str, ...]


def parse(body: Any, *, bulk: bool, users: Mapping[int, UserRef]) -> ChangeOwner:
    """Request-level checks, in the order of §15's table."""
    if not isinstance(body, dict):
        body = {}
    owner = body.get("owner")
    if owner is None or owner == {}:
        raise mandatory_not_found("owner", "$.owner")
    raw_ids: list[Any] = []
    if bulk:
        given = body.get("ids")
        if given is None or given == []:
            raise mandatory_not_found("ids", "$.ids")
        if not isinstance(given, list):
            raise ZohoError(ErrorCode.INVALID_DATA, "invalid data",
                            {"expected_data_type": "jsonarray", "api_name": "ids", "json_path": "$.ids"})
        if len(given) > MAX_IDS:
            raise ZohoError(ErrorCode.LIMIT_EXCEEDED, "limit exceeded",
                            {"limit": MAX_IDS, "api_name": "ids", "json_path": "$.ids"})
        for position, raw in enumerate(given):
            if parse_id(raw) is None:
                raise ZohoError(ErrorCode.INVALID_DATA, "invalid data", {"expected_data_type": "long", "api_name": "ids",
                                                                 "json_path": f"$.ids[{position}]"})
        raw_ids = [str(parse_id(raw)) for raw in given]
    notify = body.get("notify", False)
    if not isinstance(notify, bool):
        raise ZohoError(ErrorCode.INVALID_DATA, "invalid data",
                        {"expected_data_type": "boolean", "api_name": "notify", "json_path": "$.notify"})
    related = _related_modules(body.get("related_modules"))
    owner_id = parse_id(owner.get("id")) if isinstance(owner, dict) else None
    user = users.get(owner_id) if owner_id is not None else None
    if user is None:
        raise invalid_data("owner", "$.owner.id", MSG_OWNER_INVALID)
    if user.deleted:
        raise ZohoError(ErrorCode.INVALID_DATA, MSG_OWNER_DELETED,
                        {"api_name": "id", "json_path": "$.owner.id", "owner_status": "deleted"}, status=403)
    if not user.active:
        raise ZohoError(ErrorCode.INVALID_DATA, MSG_OWNER_INACTIVE,
                        {"api_name": "id", "json_path": "$.owner.id", "owner_status": "inactive"})
    return ChangeOwner(user.id, tuple(dict.fromkeys(raw_ids)), notify, related)


def _related_modules(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ZohoError(ErrorCode.INVALID_DATA, "invalid data", {"expected_data_type": "jsonarray",
                                                         "api_name": "related_modules",
                                                         "json_path": "$.related_modules"})
    out: list[str] = []
    for position, entry in enumerate(raw):
        base = f"$.related_modules[{position}]"
        entry = entry if isinstance(entry, dict) else {}
        name, ident = entry.get("api_name"), entry.get("id")
        if name is None and ident is None:
            raise ZohoError(ErrorCode.EXPECTED_FIELD_MISSING, "Specify at least one field.", {"expected_fields": [
                {"api_name": "api_name", "json_path": f"{base}.api_name"},
                {"api_name": "id", "json_path": f"{base}.id"}]})
        if name not in RELATED_ACTIVITY_MODULES:
            raise ZohoError(ErrorCode.NOT_SUPPORTED, "the api is not supported for this module",
                            {"api_name": "api_name", "json_path": f"{base}.api_name"})
        out.append(name)
    return tuple(out)


def success(record_id: str) -> Success:
    return Success(MSG_OWNER_UPDATED, {"id": record_id})


def unknown_record(record_id: str) -> ZohoError:
    return ZohoError(ErrorCode.INVALID_DATA, MSG_INVALID_ID, {"id": record_id})


def locked(record_id: str) -> ZohoError:
    return ZohoError(ErrorCode.RECORD_LOCKED, MSG_LOCKED, {"id": record_id, "action": "record_locking"})

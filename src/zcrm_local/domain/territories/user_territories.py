"""Territories of a user (spec 21 §7–§8): add to and remove from one user's memberships."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from zcrm_local.domain.errors import ErrorCode, ZohoError
from zcrm_local.domain.outcomes import Success

from . import messages as m
from .model import Limits, Territory, UserInfo
from .wire import ids_param, parse_id, wrapper_items

USER_PATH_INDEX = 1
TERRITORY_PATH_INDEX = 3


@dataclass(frozen=True)
class UserTerritoryChange:
    user_id: str
    territory_id: str
    added: bool

    def success(self) -> Success:
        message = m.MSG_TERRITORY_ASSOCIATED if self.added else m.MSG_TERRITORY_UNLINKED
        return m.success(message, self.territory_id)


def _target_user(users: Mapping[str, UserInfo], user_path_id: str, caller_id: str) -> str:
    """Path user must exist and not be deleted; a caller may not edit their own territories."""
    user_id = parse_id(user_path_id)
    user = users.get(user_id) if user_id else None
    if user is None or user_id is None or user.status == "deleted":
        raise m.path_id_error(USER_PATH_INDEX)
    if user_id == caller_id:
        raise m.not_allowed(m.MSG_SELF_UPDATE, status=400)
    return user_id


def validate_add_to_user(
    territories: Mapping[str, Territory],
    users: Mapping[str, UserInfo],
    user_path_id: str,
    body: Any,
    *,
    caller_id: str,
    limits: Limits = Limits(),
) -> list[UserTerritoryChange | ZohoError]:
    """``PUT /users/{user_id}/territories``: additive (OQ-29); sequential within the body."""
    user_id = _target_user(users, user_path_id, caller_id)
    items = wrapper_items(body, "territories", limits.users_per_call)
    joined = {t.id for t in territories.values() if user_id in t.member_ids}
    results: list[UserTerritoryChange | ZohoError] = []
    for index, item in enumerate(items):
        path = f"$.territories[{index}].id"
        result: UserTerritoryChange | ZohoError
        if not isinstance(item, dict):
            result = m.bad_type("territories", f"$.territories[{index}]", "jsonobject")
        elif item.get("id") is None:
            result = m.mandatory("id", path)
        elif parse_id(item["id"]) is None:
            result = m.bad_type("id", path, "long")
        else:
            ident = parse_id(item["id"])
            assert ident is not None
            territory = territories.get(ident)
            if territory is None:
                result = m.invalid("id", path, m.MSG_INVALID_TERRITORY_ID)
            elif ident in joined:
                result = ZohoError(ErrorCode.DUPLICATE_DATA, m.MSG_ALREADY_ASSOCIATED, m.at("id", path))
            elif len(territory.member_ids) >= limits.max_users_per_territory:
                result = m.limit_exceeded(m.MSG_USERS_LIMIT, limits.max_users_per_territory)
            else:
                joined.add(ident)
                result = UserTerritoryChange(user_id, ident, True)
        results.append(result)
    return results


def validate_remove_from_user(
    territories: Mapping[str, Territory],
    users: Mapping[str, UserInfo],
    user_path_id: str,
    ids: str | None = None,
    *,
    caller_id: str,
    territory_path_id: str | None = None,
    limits: Limits = Limits(),
) -> list[UserTerritoryChange | ZohoError]:
    """``DELETE /users/{user_id}/territories?ids=…`` or ``…/territories/{territory_id}``."""
    user_id = _target_user(users, user_path_id, caller_id)
    if territory_path_id is not None:
        ident = parse_id(territory_path_id)
        if ident is None or ident not in territories:
            raise m.path_id_error(TERRITORY_PATH_INDEX, m.MSG_INVALID_TERRITORY_ID)
        wanted = [ident]
    else:
        wanted = ids_param(ids, limits.users_per_call)
    removed: set[str] = set()
    results: list[UserTerritoryChange | ZohoError] = []
    for index, ident in enumerate(wanted):
        territory = territories.get(ident)
        if territory is None:
            results.append(m.invalid("id", f"$.territories[{index}].id", m.MSG_INVALID_TERRITORY_ID))
        elif territory.is_root:
            results.append(m.id_error(m.MSG_ROOT_FROM_USER, ident))
        elif user_id not in territory.member_ids or ident in removed:
            results.append(m.id_error(m.MSG_NOT_LINKED, ident))
        elif territory.manager_id == user_id:
            results.append(ZohoError(ErrorCode.INVALID_DATA, m.MSG_MANAGER_REMOVAL, {}))
        else:
            removed.add(ident)
            results.append(UserTerritoryChange(user_id, ident, False))
    return results

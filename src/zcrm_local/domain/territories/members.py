"""Users of a territory (spec 21 §3–§4): associate and disassociate, as pure decisions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from zcrm_local.domain.errors import ErrorCode, ZohoError
from zcrm_local.domain.outcomes import Success

from . import messages as m
from .model import Limits, Territory, UserInfo
from .wire import ids_param, parse_id, wrapper_items

TERRITORY_PATH_INDEX = 2
USER_PATH_INDEX = 4


@dataclass(frozen=True)
class MemberChange:
    """Add (associate) or remove (disassociate) ``user_id`` on ``territory_id``."""

    territory_id: str
    user_id: str
    added: bool

    def success(self) -> Success:
        return m.success(m.MSG_USER_ADDED if self.added else m.MSG_USER_REMOVED, self.user_id)


def _territory(territories: Mapping[str, Territory], path_id: str) -> Territory:
    ident = parse_id(path_id)
    territory = territories.get(ident) if ident else None
    if territory is None:
        raise m.path_id_error(TERRITORY_PATH_INDEX)
    return territory


def validate_associate(
    territories: Mapping[str, Territory],
    users: Mapping[str, UserInfo],
    territory_path_id: str,
    body: Any = None,
    *,
    user_path_id: str | None = None,
    limits: Limits = Limits(),
) -> list[MemberChange | ZohoError]:
    """``PUT /settings/territories/{id}/users`` (body) or ``…/users/{user_id}`` (no body).

    Items are sequential: a user repeated in the body fails as already a member, and each
    success counts against the member cap for the next.
    """
    territory = _territory(territories, territory_path_id)
    if user_path_id is not None:
        user_id = parse_id(user_path_id)
        if user_id is None or user_id not in users:
            raise m.path_id_error(USER_PATH_INDEX)
        items: Sequence[Any] = [{"id": user_id}]
    else:
        items = wrapper_items(body, "users", limits.users_per_call)
    members = set(territory.member_ids)
    results: list[MemberChange | ZohoError] = []
    for index, item in enumerate(items):
        result = _associate_item(index, item, users, members, limits, territory.id)
        if isinstance(result, MemberChange):
            members.add(result.user_id)
        results.append(result)
    return results


def _associate_item(
    index: int, item: Any, users: Mapping[str, UserInfo], members: set[str], limits: Limits, territory_id: str
) -> MemberChange | ZohoError:
    path = f"$.users[{index}].id"
    if not isinstance(item, dict):
        return m.bad_type("users", f"$.users[{index}]", "jsonobject")
    if item.get("id") is None:
        return m.mandatory("id", path)
    user_id = parse_id(item["id"])
    user = users.get(user_id) if user_id else None
    if user is None or user_id is None:
        return m.bad_id("id", path)
    if user.status == "deleted":
        return m.invalid("id", path, m.MSG_USER_DELETED, owner_status="deleted")
    if user.status != "active":
        return m.invalid("id", path, m.MSG_USER_DELETED, owner_status="inactive")
    if not user.confirmed:
        return m.invalid("id", path, m.MSG_USER_DELETED, owner_status="unconfirmed")
    if user_id in members:
        return ZohoError(ErrorCode.DUPLICATE_DATA, m.MSG_USER_ALREADY_MEMBER, m.at("id", path))
    if len(members) >= limits.max_users_per_territory:
        return m.limit_exceeded(m.MSG_USERS_LIMIT, limits.max_users_per_territory)
    return MemberChange(territory_id, user_id, True)


def validate_disassociate(
    territories: Mapping[str, Territory],
    users: Mapping[str, UserInfo],
    territory_path_id: str,
    ids: str | None = None,
    *,
    user_path_id: str | None = None,
) -> list[MemberChange | ZohoError]:
    """``DELETE /settings/territories/{id}/users?ids=…`` or ``…/users/{user_id}``."""
    territory = _territory(territories, territory_path_id)
    if user_path_id is not None:
        user_id = parse_id(user_path_id)
        if user_id is None or user_id not in users:
            raise m.path_id_error(USER_PATH_INDEX)
        wanted = [user_id]
    else:
        wanted = ids_param(ids)
    members = set(territory.member_ids)
    results: list[MemberChange | ZohoError] = []
    for user_id in wanted:
        if user_id not in users:
            results.append(m.id_error(m.MSG_UNKNOWN_USER_ID, user_id))
        elif user_id not in members:
            results.append(m.id_error(m.MSG_NOT_A_MEMBER, user_id))
        elif user_id == territory.manager_id:
            results.append(ZohoError(ErrorCode.INVALID_DATA, m.MSG_MANAGER_REMOVAL, {}))
        else:
            members.discard(user_id)
            results.append(MemberChange(territory.id, user_id, False))
    return results

"""Who belongs to which territory (spec 21 §2–§8): users of a territory, territories of a user."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from zcrm_local.domain import territories as t
from zcrm_local.domain.outcomes import Outcome
from zcrm_local.domain.territories import messages as m
from zcrm_local.domain.territories.wire import parse_id
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.pipeline import NewId
from zcrm_local.service.territories.context import planned_writes, reading
from zcrm_local.service.users import reads as users
from zcrm_local.store.territories import rows as store

Result = Outcome

TERRITORY_PATH_INDEX = 2  # /settings/territories/{id}/users/{user_id}
MEMBER_PATH_INDEX = 4
USER_PATH_INDEX = 1  # /users/{user_id}/territories/{territory_id}
USER_TERRITORY_PATH_INDEX = 3


def _path_territory(ctx: t.TerritoryContext, raw: str, index: int) -> t.Territory:
    ident = parse_id(raw)
    territory = ctx.territories.get(ident) if ident else None
    if territory is None:
        raise m.path_id_error(index)
    return territory


def _path_user(ctx: t.TerritoryContext, raw: str, index: int) -> str:
    ident = parse_id(raw)
    user = ctx.users.get(ident) if ident else None
    if ident is None or user is None or user.status == "deleted":
        raise m.path_id_error(index)
    return ident


# ---- users of a territory ----------------------------------------------------------------------

def territory_users(backend: Backend, principal: Principal, territory_path_id: str,
                    user_path_id: str | None = None) -> list[dict[str, Any]]:
    """Members as full user objects, by user creation; ``[]`` when the path user is no member."""
    ctx, _ = reading(backend, principal)
    territory = _path_territory(ctx, territory_path_id, TERRITORY_PATH_INDEX)
    members = sorted(territory.member_ids, key=lambda u: (len(u), u))
    if user_path_id is not None:
        user_id = _path_user(ctx, user_path_id, MEMBER_PATH_INDEX)
        members = [user_id] if user_id in territory.member_ids else []
    if not members:
        return []
    return users.list_users(backend, principal, None, [int(u) for u in members])


def associate(backend: Backend, principal: Principal, territory_path_id: str, body: Any = None,
              user_path_id: str | None = None) -> list[Result]:
    def apply(conn: sa.Connection, ctx: t.TerritoryContext, result: Any, new_id: NewId) -> Result:
        store.add_members(conn, principal.org_id, result.territory_id, [result.user_id], ctx.now)
        return result.success()

    def plan(conn: sa.Connection, ctx: t.TerritoryContext) -> Any:
        return t.validate_associate(ctx.territories, ctx.users,
                                    territory_path_id, body,
                                    user_path_id=user_path_id,
                                    limits=ctx.limits)

    return planned_writes(backend, principal, plan, apply)


def disassociate(backend: Backend, principal: Principal, territory_path_id: str, ids: str | None = None,
                 user_path_id: str | None = None) -> list[Result]:
    def apply(conn: sa.Connection, ctx: t.TerritoryContext, result: Any, new_id: NewId) -> Result:
        store.remove_member(conn, principal.org_id, result.territory_id, result.user_id)
        return result.success()

    def plan(conn: sa.Connection, ctx: t.TerritoryContext) -> Any:
        return t.validate_disassociate(ctx.territories, ctx.users,
                                       territory_path_id, ids,
                                       user_path_id=user_path_id)

    return planned_writes(backend, principal, plan, apply)


# ---- territories of a user ----------------------------------------------------------------------

def user_territories(backend: Backend, principal: Principal, user_path_id: str,
                     territory_path_id: str | None = None) -> list[dict[str, Any]]:
    """The user's territories in hierarchy pre-order; ``[]`` when the path territory is not one."""
    ctx, _ = reading(backend, principal)
    user_id = _path_user(ctx, user_path_id, USER_PATH_INDEX)
    wanted = None
    if territory_path_id is not None:
        wanted = _path_territory(ctx, territory_path_id, USER_TERRITORY_PATH_INDEX).id
    return [
        t.render_user_territory(ctx.territories[i], ctx.territories, ctx.users)
        for i in t.preorder(ctx.territories)
        if user_id in ctx.territories[i].member_ids and wanted in (None, i)
    ]


def add_to_user(backend: Backend, principal: Principal, user_path_id: str, body: Any) -> list[Result]:
    def apply(conn: sa.Connection, ctx: t.TerritoryContext, result: Any, new_id: NewId) -> Result:
        store.add_members(conn, principal.org_id, result.territory_id, [result.user_id], ctx.now)
        return result.success()

    def plan(conn: sa.Connection, ctx: t.TerritoryContext) -> Any:
        return t.validate_add_to_user(ctx.territories, ctx.users,
                                      user_path_id, body,
                                      caller_id=ctx.caller_id,
                                      limits=ctx.limits)

    return planned_writes(backend, principal, plan, apply)


def remove_from_user(backend: Backend, principal: Principal, user_path_id: str, ids: str | None = None,
                     territory_path_id: str | None = None) -> list[Result]:
    def apply(conn: sa.Connection, ctx: t.TerritoryContext, result: Any, new_id: NewId) -> Result:
        store.remove_member(conn, principal.org_id, result.territory_id, result.user_id)
        return result.success()

    def plan(conn: sa.Connection, ctx: t.TerritoryContext) -> Any:
        return t.validate_remove_from_user(ctx.territories,
                                           ctx.users, user_path_id,
                                           ids,
                                           caller_id=ctx.caller_id,
                                           territory_path_id=territory_path_id,
                                           limits=ctx.limits)

    return planned_writes(backend, principal, plan, apply)

"""Org rows and the people of an org (profiles, roles, users): the only SQL for them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from zcrm_local.store.engine import xact_lock
from zcrm_local.store.tables import orgs, profiles, roles, territory_users, users

_DEFAULT_ORG_LOCK = 0x7A63726D_0001  # "zcrm" + 1: making the default org


def insert_org(conn: sa.Connection, row: Mapping[str, Any]) -> None:
    conn.execute(sa.insert(orgs).values(**row))


def prefix_taken(conn: sa.Connection, prefix: int) -> bool:
    return conn.execute(sa.select(orgs.c.id).where(orgs.c.prefix == prefix)).first() is not None


# Hot statements are built once with bind parameters: SQLAlchemy then reuses their memoized
# cache key and compiled form instead of rebuilding both on every call (docs/performance.md §1).
_GET_ORG = sa.select(orgs).where(orgs.c.id == sa.bindparam("org_id"))


def get_org(conn: sa.Connection, org_id: int) -> sa.RowMapping | None:
    return conn.execute(_GET_ORG, {"org_id": org_id}).mappings().first()


def default_org(conn: sa.Connection) -> sa.RowMapping | None:
    return conn.execute(sa.select(orgs).where(orgs.c.is_default.is_(True))).mappings().first()


def list_orgs(conn: sa.Connection) -> list[sa.RowMapping]:
    return list(conn.execute(sa.select(orgs).order_by(orgs.c.created_time)).mappings())


def update_org(conn: sa.Connection, org_id: int, **values: Any) -> None:
    conn.execute(sa.update(orgs).where(orgs.c.id == org_id).values(**values))


def lock_default_org(conn: sa.Connection) -> None:
    """Until the transaction ends, no other process can be making the default org (there is
    no row to lock before it exists)."""
    xact_lock(conn, _DEFAULT_ORG_LOCK)


def lock_org(conn: sa.Connection, org_id: int) -> None:
    """Serialise writers of one org (PostgreSQL row lock; SQLite's write lock already does)."""
    conn.execute(sa.select(orgs.c.id).where(orgs.c.id == org_id).with_for_update())


def insert_rows(conn: sa.Connection, table: sa.Table, rows: Iterable[Mapping[str, Any]]) -> None:
    batch = list(rows)
    if batch:
        conn.execute(sa.insert(table), batch)


def insert_profiles(conn: sa.Connection, rows: Iterable[Mapping[str, Any]]) -> None:
    insert_rows(conn, profiles, rows)


def insert_roles(conn: sa.Connection, rows: Iterable[Mapping[str, Any]]) -> None:
    insert_rows(conn, roles, rows)


def insert_users(conn: sa.Connection, rows: Iterable[Mapping[str, Any]]) -> None:
    insert_rows(conn, users, rows)


def _user_select() -> sa.Select[Any]:
    reporting = users.alias("reporting")
    return (
        sa.select(
            users,
            roles.c.name.label("role_name"),
            profiles.c.name.label("profile_name"),
            profiles.c.is_admin,
            profiles.c.permissions,
            reporting.c.first_name.label("reporting_first"),
            reporting.c.last_name.label("reporting_last"),
        )
        .join(roles, roles.c.id == users.c.role_id)
        .join(profiles, profiles.c.id == users.c.profile_id)
        .outerjoin(reporting, reporting.c.id == users.c.reporting_to)
    )


# Built once: aliasing ``users`` proxies every column, too costly per request.
USER_SELECT = _user_select()
_GET_USER = USER_SELECT.where(users.c.org_id == sa.bindparam("org_id"), users.c.id == sa.bindparam("user_id"))
_LIST_USERS = USER_SELECT.where(users.c.org_id == sa.bindparam("org_id")).order_by(users.c.id)
_LIST_USERS_BY_ID = (
    USER_SELECT.where(users.c.org_id == sa.bindparam("org_id"), users.c.id.in_(sa.bindparam("ids", expanding=True)))
    .order_by(users.c.id)
)
_ORG_ADMIN = (
    USER_SELECT.where(users.c.org_id == sa.bindparam("org_id"), profiles.c.is_admin.is_(True),
                      users.c.status == "active")
    .order_by(users.c.id)
)
# What a user reference needs (domain UserRef), without the role/profile joins.
_USER_REFS = sa.select(
    users.c.id, users.c.first_name, users.c.last_name, users.c.email, users.c.status, users.c.confirm
).where(users.c.org_id == sa.bindparam("org_id")).order_by(users.c.id)
_USER_REFS_BY_ID = _USER_REFS.where(users.c.id.in_(sa.bindparam("ids", expanding=True)))


def get_user(conn: sa.Connection, org_id: int, user_id: int) -> sa.RowMapping | None:
    return conn.execute(_GET_USER, {"org_id": org_id, "user_id": user_id}).mappings().first()


def list_users(conn: sa.Connection, org_id: int, ids: list[int] | None = None) -> list[sa.RowMapping]:
    if ids is None:
        return list(conn.execute(_LIST_USERS, {"org_id": org_id}).mappings())
    return list(conn.execute(_LIST_USERS_BY_ID, {"org_id": org_id, "ids": list(ids)}).mappings())


def user_refs(conn: sa.Connection, org_id: int, ids: Iterable[int] | None = None) -> list[sa.RowMapping]:
    """Id, names, email, status and confirm of the org's users: all, or those of ``ids``
    (unknown ids skipped)."""
    if ids is None:
        return list(conn.execute(_USER_REFS, {"org_id": org_id}).mappings())
    wanted = list(ids)
    if not wanted:
        return []
    return list(conn.execute(_USER_REFS_BY_ID, {"org_id": org_id, "ids": wanted}).mappings())


def org_admin(conn: sa.Connection, org_id: int) -> sa.RowMapping | None:
    return conn.execute(_ORG_ADMIN, {"org_id": org_id}).mappings().first()


# ---- users written through the API, roles and profiles (spec 40 §19) ------------------------

def lock_users(conn: sa.Connection, org_id: int) -> None:
    """Writers of an org's users queue here: email uniqueness and the licence count hold."""
    lock_org(conn, org_id)


def update_user(conn: sa.Connection, org_id: int, user_id: int, values: Mapping[str, Any]) -> None:
    conn.execute(sa.update(users).where(users.c.org_id == org_id, users.c.id == user_id).values(**values))


def list_roles(conn: sa.Connection, org_id: int) -> list[sa.RowMapping]:
    return list(conn.execute(sa.select(roles).where(roles.c.org_id == org_id).order_by(roles.c.id)).mappings())


def list_profiles(conn: sa.Connection, org_id: int) -> list[sa.RowMapping]:
    return list(conn.execute(sa.select(profiles).where(profiles.c.org_id == org_id).order_by(profiles.c.id)).mappings())


def drop_territory_memberships(conn: sa.Connection, org_id: int, user_id: int) -> None:
    conn.execute(sa.delete(territory_users).where(territory_users.c.org_id == org_id,
                                                  territory_users.c.user_id == user_id))

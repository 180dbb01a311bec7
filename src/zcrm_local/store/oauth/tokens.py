"""OAuth clients, grants and tokens. Only digests are stored (see domain/oauth.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NamedTuple

import sqlalchemy as sa

from zcrm_local.store.org.orgs import USER_SELECT
from zcrm_local.store.tables import oauth_access_tokens, oauth_clients, oauth_grants, oauth_refresh_tokens, orgs, users


def insert_client(conn: sa.Connection, row: Mapping[str, Any]) -> None:
    conn.execute(sa.insert(oauth_clients).values(**row))


# Lookups built once with bind parameters so SQLAlchemy reuses their cache key and compiled
# form (docs/performance.md §1).
_GET_CLIENT = sa.select(oauth_clients).where(oauth_clients.c.client_id == sa.bindparam("client_id"))
_GET_REFRESH = sa.select(oauth_refresh_tokens).where(oauth_refresh_tokens.c.token_hash == sa.bindparam("token_hash"))
_GET_ACCESS = sa.select(oauth_access_tokens).where(oauth_access_tokens.c.token_hash == sa.bindparam("token_hash"))


def get_client(conn: sa.Connection, client_id: str) -> sa.RowMapping | None:
    return conn.execute(_GET_CLIENT, {"client_id": client_id}).mappings().first()


def insert_grant(conn: sa.Connection, row: Mapping[str, Any]) -> None:
    conn.execute(sa.insert(oauth_grants).values(**row))


def use_grant(conn: sa.Connection, code_hash: str, client_id: str, now: datetime) -> sa.RowMapping | None:
    """Mark an unused, unexpired grant used and return it; single use even under races,
    because the UPDATE's WHERE decides."""
    row = (
        conn.execute(
            sa.select(oauth_grants).where(oauth_grants.c.code_hash == code_hash, oauth_grants.c.client_id == client_id)
        )
        .mappings()
        .first()
    )
    if row is None or row["used"] or row["expires_at"] <= now:
        return None
    done = conn.execute(
        sa.update(oauth_grants)
        .where(oauth_grants.c.code_hash == code_hash, oauth_grants.c.used.is_(False))
        .values(used=True)
    )
    return row if done.rowcount == 1 else None


def insert_refresh(conn: sa.Connection, row: Mapping[str, Any]) -> None:
    conn.execute(sa.insert(oauth_refresh_tokens).values(**row))


def get_refresh(conn: sa.Connection, token_hash: str) -> sa.RowMapping | None:
    return conn.execute(_GET_REFRESH, {"token_hash": token_hash}).mappings().first()


def insert_access(conn: sa.Connection, row: Mapping[str, Any]) -> None:
    conn.execute(sa.insert(oauth_access_tokens).values(**row))


def get_access(conn: sa.Connection, token_hash: str) -> sa.RowMapping | None:
    return conn.execute(_GET_ACCESS, {"token_hash": token_hash}).mappings().first()


def revoke_refresh(conn: sa.Connection, token_hash: str) -> bool:
    """Delete a refresh token and every access token minted from it."""
    conn.execute(sa.delete(oauth_access_tokens).where(oauth_access_tokens.c.refresh_hash == token_hash))
    done = conn.execute(sa.delete(oauth_refresh_tokens).where(oauth_refresh_tokens.c.token_hash == token_hash))
    return done.rowcount == 1


# Who is calling, in one statement: the access token joined to its org and its user (with the
# same role/profile columns as ``orgs.get_user``). Columns are labelled by prefix, since the
# three tables share names (id, org_id, time_zone, created_time…).
_TOKEN_COLS = ("scopes", "expires_at")
_PRINCIPAL = (
    USER_SELECT.add_columns(
        *(oauth_access_tokens.c[name].label(f"tok__{name}") for name in _TOKEN_COLS),
        *(column.label(f"org__{column.name}") for column in orgs.c),
    )
    .join(oauth_access_tokens, sa.and_(oauth_access_tokens.c.org_id == users.c.org_id,
                                       oauth_access_tokens.c.user_id == users.c.id))
    .join(orgs, orgs.c.id == users.c.org_id)
    .where(oauth_access_tokens.c.token_hash == sa.bindparam("token_hash"))
)
_USER_KEYS = tuple(column.key for column in USER_SELECT.selected_columns)
_ORG_KEYS = tuple((column.name, f"org__{column.name}") for column in orgs.c)


class PrincipalRows(NamedTuple):
    token: dict[str, Any]  # scopes, expires_at
    org: dict[str, Any]  # the org row
    user: dict[str, Any]  # the user row as ``orgs.get_user`` returns it


def principal_rows(conn: sa.Connection, token_hash: str) -> PrincipalRows | None:
    """The access token with its org and user, or None when any of the three is missing."""
    row = conn.execute(_PRINCIPAL, {"token_hash": token_hash}).mappings().first()
    if row is None:
        return None
    return PrincipalRows(
        token={name: row[f"tok__{name}"] for name in _TOKEN_COLS},
        org={name: row[label] for name, label in _ORG_KEYS},
        user={key: row[key] for key in _USER_KEYS},
    )

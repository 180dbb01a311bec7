"""OAuth clients, grants and tokens. Only digests are stored (see domain/oauth.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from zcrm_local.store.tables import oauth_access_tokens, oauth_clients, oauth_grants, oauth_refresh_tokens


def insert_client(conn: sa.Connection, row: Mapping[str, Any]) -> None:
    conn.execute(sa.insert(oauth_clients).values(**row))


def get_client(conn: sa.Connection, client_id: str) -> sa.RowMapping | None:
    return conn.execute(sa.select(oauth_clients).where(oauth_clients.c.client_id == client_id)).mappings().first()


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
    return (
        conn.execute(sa.select(oauth_refresh_tokens).where(oauth_refresh_tokens.c.token_hash == token_hash))
        .mappings()
        .first()
    )


def insert_access(conn: sa.Connection, row: Mapping[str, Any]) -> None:
    conn.execute(sa.insert(oauth_access_tokens).values(**row))


def get_access(conn: sa.Connection, token_hash: str) -> sa.RowMapping | None:
    return (
        conn.execute(sa.select(oauth_access_tokens).where(oauth_access_tokens.c.token_hash == token_hash))
        .mappings()
        .first()
    )


def revoke_refresh(conn: sa.Connection, token_hash: str) -> bool:
    """Delete a refresh token and every access token minted from it."""
    conn.execute(sa.delete(oauth_access_tokens).where(oauth_access_tokens.c.refresh_hash == token_hash))
    done = conn.execute(sa.delete(oauth_refresh_tokens).where(oauth_refresh_tokens.c.token_hash == token_hash))
    return done.rowcount == 1

"""An org's OAuth clients as an operator sees them: ids and counts, never secrets."""

from __future__ import annotations

import sqlalchemy as sa

from zcrm_local.store.tables import oauth_access_tokens, oauth_clients, oauth_grants, oauth_refresh_tokens


def list_clients(conn: sa.Connection, org_id: int) -> list[sa.RowMapping]:
    refresh = (sa.select(sa.func.count()).select_from(oauth_refresh_tokens)
               .where(oauth_refresh_tokens.c.client_id == oauth_clients.c.client_id).scalar_subquery())
    access = (sa.select(sa.func.count()).select_from(oauth_access_tokens)
              .where(oauth_access_tokens.c.client_id == oauth_clients.c.client_id).scalar_subquery())
    query = (sa.select(oauth_clients.c.client_id, oauth_clients.c.user_id, oauth_clients.c.client_type,
                       oauth_clients.c.created_time, refresh.label("refresh_tokens"), access.label("access_tokens"))
             .where(oauth_clients.c.org_id == org_id).order_by(oauth_clients.c.created_time, oauth_clients.c.client_id))
    return list(conn.execute(query).mappings())


def delete_client(conn: sa.Connection, org_id: int, client_id: str) -> bool:
    """The client with its grants and tokens."""
    owned = sa.and_(oauth_clients.c.org_id == org_id, oauth_clients.c.client_id == client_id)
    if conn.execute(sa.select(oauth_clients.c.client_id).where(owned)).first() is None:
        return False
    conn.execute(sa.delete(oauth_access_tokens).where(oauth_access_tokens.c.client_id == client_id))
    conn.execute(sa.delete(oauth_refresh_tokens).where(oauth_refresh_tokens.c.client_id == client_id))
    conn.execute(sa.delete(oauth_grants).where(oauth_grants.c.client_id == client_id))
    conn.execute(sa.delete(oauth_clients).where(owned))
    return True

"""Issued credentials of an org, listed without secrets, and revoked whole."""

from __future__ import annotations

from typing import Any

from zcrm_local.service.backend import Backend
from zcrm_local.store.oauth import clients as store


def list_clients(backend: Backend, org_id: int) -> list[dict[str, Any]]:
    with backend.db.read() as conn:
        rows = store.list_clients(conn, org_id)
    return [dict(row) for row in rows]


def revoke_client(backend: Backend, org_id: int, client_id: str) -> bool:
    """Delete the client, its grants, refresh and access tokens: its calls fail at once."""
    with backend.db.write() as conn:
        return store.delete_client(conn, org_id, client_id)

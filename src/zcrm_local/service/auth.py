"""Who is calling: an access token resolved to its org, user, scopes and profile."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zcrm_local.domain import oauth as rules
from zcrm_local.domain import scopes as scope_rules
from zcrm_local.domain.errors import MSG_INVALID_TOKEN, ZohoError
from zcrm_local.service.backend import Backend
from zcrm_local.store import oauth as store
from zcrm_local.store import orgs as org_store


@dataclass(frozen=True)
class Principal:
    org: Any  # the org row
    user: Any  # the user row with role/profile columns
    scopes: frozenset[str]

    @property
    def org_id(self) -> int:
        return int(self.org["id"])

    @property
    def user_id(self) -> int:
        return int(self.user["id"])

    @property
    def is_admin(self) -> bool:
        return bool(self.user["is_admin"])

    @property
    def permissions(self) -> list[str]:
        return list(self.user["permissions"] or [])

    @property
    def time_zone(self) -> str:
        return str(self.user["time_zone"] or self.org["time_zone"])


def authenticate(backend: Backend, token: str) -> Principal:
    """INVALID_TOKEN for unknown, expired (by the org's clock) or revoked tokens."""
    with backend.db.read() as conn:
        row = store.get_access(conn, rules.digest(token))
        if row is None:
            raise ZohoError("INVALID_TOKEN", MSG_INVALID_TOKEN)
        org = org_store.get_org(conn, row["org_id"])
        user = org_store.get_user(conn, row["org_id"], row["user_id"]) if org is not None else None
    if org is None or user is None or row["expires_at"] <= backend.org_now(org):
        raise ZohoError("INVALID_TOKEN", MSG_INVALID_TOKEN)
    return Principal(org=org, user=user, scopes=scope_rules.normalize(row["scopes"].split()))

"""Who is calling: an access token resolved to its org, user, scopes and profile."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zcrm_local.domain import scopes as scope_rules
from zcrm_local.domain.errors import MSG_INVALID_TOKEN, ErrorCode, ZohoError
from zcrm_local.domain.oauth import rules as rules
from zcrm_local.service.backend import Backend
from zcrm_local.store.oauth import tokens as store


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
    # One statement (token ⋈ org ⋈ user): no row when the token, its org or its user is gone.
    with backend.db.read() as conn:
        rows = store.principal_rows(conn, rules.digest(token))
    if rows is None or rows.token["expires_at"] <= backend.org_now(rows.org):
        raise ZohoError(ErrorCode.INVALID_TOKEN, MSG_INVALID_TOKEN)
    # A deactivated or deleted user's tokens stop working at once (D-541).
    if rows.user["status"] != "active":
        raise ZohoError(ErrorCode.INVALID_TOKEN, MSG_INVALID_TOKEN)
    return Principal(org=rows.org, user=rows.user, scopes=scope_rules.normalize(rows.token["scopes"].split()))

"""The accounts server's use cases: token grants, revocation, and minting credentials."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from zcrm_local.domain import scopes as scope_rules
from zcrm_local.domain.oauth import rules as rules
from zcrm_local.service.backend import Backend
from zcrm_local.store.oauth import tokens as store
from zcrm_local.store.org import orgs as org_store


class InactiveUser(LookupError):
    """Credentials asked for a user who is deactivated or deleted (D-542)."""

    def __init__(self, user_id: int, status: str) -> None:
        super().__init__(f"user {user_id} is deactivated: it gets no new tokens until it is active again"
                         if status == "disabled" else f"user {user_id} is {status}: it gets no new tokens")
        self.user_id = user_id
        self.status = status


def _active_user(conn: Any, org_id: int, user_id: int) -> bool:
    """Only active users get tokens (issue 12 item 8; D-540)."""
    row = org_store.get_user(conn, org_id, user_id)
    return row is not None and row["status"] == "active"


class TokenError(Exception):
    """A token-endpoint refusal: answered as {"error": code} (spec 01 §4)."""

    def __init__(self, error: str, status: int = 200) -> None:
        super().__init__(error)
        self.error = error
        self.status = status


def exchange(backend: Backend, form: Mapping[str, str]) -> dict[str, Any]:
    """POST /oauth/v2/token for the three grant types."""
    grant_type = form.get("grant_type", "")
    if grant_type not in rules.GRANT_TYPES:
        raise TokenError(rules.UNSUPPORTED_GRANT_TYPE)
    client_id = form.get("client_id", "")
    with backend.db.write() as conn:
        client = store.get_client(conn, client_id)
        if client is None:
            raise TokenError(rules.INVALID_CLIENT)
        if not rules.secret_matches(form.get("client_secret", ""), client["secret_hash"]):
            raise TokenError(rules.INVALID_CLIENT_SECRET)
        now = backend.clock.now()
        if grant_type == "authorization_code":
            return _from_grant(backend, conn, client, form, now)
        if grant_type == "refresh_token":
            refresh = store.get_refresh(conn, rules.digest(form.get("refresh_token", "")))
            if refresh is None or refresh["client_id"] != client_id:
                raise TokenError(rules.INVALID_CODE)
            if not _active_user(conn, refresh["org_id"], refresh["user_id"]):
                raise TokenError(rules.INVALID_CODE)
            access = _mint_access(backend, conn, client, refresh["user_id"], refresh["scopes"], refresh["token_hash"])
            return rules.token_answer(access, backend.settings.base_url, backend.settings.access_token_seconds)
        return _client_credentials(backend, conn, client, form)


def _from_grant(backend: Backend, conn: Any, client: Any, form: Mapping[str, str], now: Any) -> dict[str, Any]:
    if client["client_type"] == "web" and form.get("redirect_uri") != client["redirect_uri"]:
        raise TokenError(rules.INVALID_REDIRECT_URI)
    grant = store.use_grant(conn, rules.digest(form.get("code", "")), client["client_id"], now)
    if grant is None or not _active_user(conn, grant["org_id"], grant["user_id"]):
        raise TokenError(rules.INVALID_CODE)
    refresh = rules.new_token()
    store.insert_refresh(
        conn,
        {"token_hash": rules.digest(refresh), "client_id": client["client_id"], "org_id": grant["org_id"],
         "user_id": grant["user_id"], "scopes": grant["scopes"], "created_time": now},
    )
    access = _mint_access(backend, conn, client, grant["user_id"], grant["scopes"], rules.digest(refresh))
    return rules.token_answer(access, backend.settings.base_url, backend.settings.access_token_seconds, refresh)


def _client_credentials(backend: Backend, conn: Any, client: Any, form: Mapping[str, str]) -> dict[str, Any]:
    soid = form.get("soid", "")
    if not soid:
        raise TokenError(rules.MISSING_ORG_INFO)
    # soid is ZohoCRM.<org id>; a self client only reaches its own org.
    if soid.split(".", 1)[-1] != str(client["org_id"]):
        raise TokenError(rules.INVALID_CLIENT)
    # A self client acts as its user: a deactivated or deleted user's client is refused.
    if not _active_user(conn, client["org_id"], client["user_id"]):
        raise TokenError(rules.INVALID_CLIENT)
    granted = " ".join(scope_rules.parse_scope_param(form.get("scope", "")))
    access = _mint_access(backend, conn, client, client["user_id"], granted, None)
    return rules.token_answer(access, backend.settings.base_url, backend.settings.access_token_seconds, scope=granted)


def _mint_access(backend: Backend, conn: Any, client: Any, user_id: int, scopes: str, refresh_hash: str | None) -> str:
    token = rules.new_token()
    # Expiry follows the org's clock, so tests that move an org's time expire its tokens.
    org = org_store.get_org(conn, client["org_id"])
    store.insert_access(
        conn,
        {"token_hash": rules.digest(token), "refresh_hash": refresh_hash, "client_id": client["client_id"],
         "org_id": client["org_id"], "user_id": user_id, "scopes": scopes,
         "expires_at": backend.org_now(org) + timedelta(seconds=backend.settings.access_token_seconds)},
    )
    return token


def revoke(backend: Backend, token: str) -> bool:
    with backend.db.write() as conn:
        return store.revoke_refresh(conn, rules.digest(token))


@dataclass(frozen=True)
class Credentials:
    client_id: str
    client_secret: str
    refresh_token: str
    access_token: str
    org_id: int
    scopes: tuple[str, ...]


def mint_credentials(backend: Backend, org_id: int, scopes: list[str] | None = None,
                     user_id: int | None = None) -> Credentials:
    """A new self client with a refresh and an access token, for the org's administrator
    unless another user of the org is named."""
    granted = tuple(scopes or scope_rules.ALL_SCOPES)
    now = backend.clock.now()
    client_id, secret, refresh = rules.new_client_id(), rules.new_client_secret(), rules.new_token()
    with backend.db.write() as conn:
        admin = org_store.org_admin(conn, org_id) if user_id is None else org_store.get_user(conn, org_id, user_id)
        if admin is None:
            raise LookupError(f"org {org_id} has no such user")
        if admin["status"] != "active":
            raise InactiveUser(int(admin["id"]), str(admin["status"]))
        client = {"client_id": client_id, "org_id": org_id, "user_id": admin["id"],
                  "secret_hash": rules.digest(secret), "client_type": "self", "redirect_uri": None,
                  "created_time": now}
        store.insert_client(conn, client)
        scope_text = " ".join(granted)
        store.insert_refresh(
            conn,
            {"token_hash": rules.digest(refresh), "client_id": client_id, "org_id": org_id,
             "user_id": admin["id"], "scopes": scope_text, "created_time": now},
        )
        access = _mint_access(backend, conn, client, admin["id"], scope_text, rules.digest(refresh))
    return Credentials(client_id, secret, refresh, access, org_id, granted)


@dataclass(frozen=True)
class Grant:
    client_id: str
    client_secret: str
    code: str
    expires_in: int


def mint_grant(backend: Backend, org_id: int, scopes: list[str] | None = None, seconds: int | None = None) -> Grant:
    """A self client and a one-time grant token for it (what Zoho's developer console makes)."""
    granted = " ".join(scopes or scope_rules.ALL_SCOPES)
    lifetime = seconds or backend.settings.grant_token_seconds
    now = backend.clock.now()
    client_id, secret, code = rules.new_client_id(), rules.new_client_secret(), rules.new_token()
    with backend.db.write() as conn:
        admin = org_store.org_admin(conn, org_id)
        if admin is None:
            raise LookupError(f"org {org_id} has no active administrator")
        store.insert_client(
            conn,
            {"client_id": client_id, "org_id": org_id, "user_id": admin["id"], "secret_hash": rules.digest(secret),
             "client_type": "self", "redirect_uri": None, "created_time": now},
        )
        store.insert_grant(
            conn,
            {"code_hash": rules.digest(code), "client_id": client_id, "org_id": org_id, "user_id": admin["id"],
             "scopes": granted, "expires_at": now + timedelta(seconds=lifetime), "used": False},
        )
    return Grant(client_id, secret, code, lifetime)

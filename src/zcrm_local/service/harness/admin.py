"""The admin API's use cases for orgs and keys: list, create, delete, fidelity profile,
territory switch, and the keys that open the admin API.

Admin refusals are ``AdminError``: they live outside Zoho's namespace and are never shaped
like a Zoho error (see docs/decisions.md, "Admin API and testing tools").
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from datetime import datetime
from typing import Any

from zcrm_local.config import PROFILES
from zcrm_local.service.backend import Backend
from zcrm_local.service.oauth import tokens as oauth
from zcrm_local.service.org.orgs import create_org
from zcrm_local.service.territories import feature as territory_feature
from zcrm_local.store.harness import snapshots as snapshot_store
from zcrm_local.store.harness import state as harness_store
from zcrm_local.store.org import orgs as org_store

KEY_BYTES = 24
TERRITORY_STATES = ("never_enabled", "enabled", "disabled")


class AdminError(Exception):
    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message
        self.status = status


def not_found(what: str) -> AdminError:
    return AdminError("NOT_FOUND", f"no such {what}", 404)


def invalid(message: str) -> AdminError:
    return AdminError("INVALID_INPUT", message, 400)


def iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat(timespec="microseconds")


# ---- admin keys ------------------------------------------------------------------------------


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def mint_admin_key(backend: Backend) -> str:
    """A new admin key; only its digest is stored, earlier keys stay valid."""
    key = "zcrm_admin_" + secrets.token_hex(KEY_BYTES)
    install_admin_key(backend, key)
    return key


def install_admin_key(backend: Backend, key: str) -> None:
    if not key:
        raise invalid("an admin key must not be empty")
    with backend.db.write() as conn:
        harness_store.insert_admin_key(conn, _digest(key), backend.clock.now())


def revoke_admin_keys(backend: Backend) -> int:
    with backend.db.write() as conn:
        return harness_store.delete_admin_keys(conn)


class AdminKeys:
    """Checks keys against the stored digests. A known digest is remembered for a few seconds;
    an unknown one is looked up again at once, so a key minted by another process works
    immediately, and a revoked key stops working within ``ttl``."""

    def __init__(self, backend: Backend, ttl: float = 5.0) -> None:
        self._backend = backend
        self._ttl = ttl
        self._lock = threading.Lock()
        self._hashes: set[str] = set()
        self._read_at = float("-inf")

    def valid(self, key: str | None) -> bool:
        if not key:
            return False
        digest = _digest(key)
        with self._lock:
            fresh = time.monotonic() - self._read_at < self._ttl
            if fresh and digest in self._hashes:
                return True
        with self._backend.db.read() as conn:
            hashes = harness_store.admin_key_hashes(conn)
        with self._lock:
            self._hashes, self._read_at = hashes, time.monotonic()
        return digest in hashes


# ---- orgs ----------------------------------------------------------------------------------------


def org_row(backend: Backend, org_id: int) -> Any:
    with backend.db.read() as conn:
        row = org_store.get_org(conn, org_id)
    if row is None:
        raise not_found("org")
    return row


def org_info(backend: Backend, org: Any) -> dict[str, Any]:
    return {
        "id": str(org["id"]),
        "name": org["company_name"],
        "prefix": org["prefix"],
        "is_default": bool(org["is_default"]),
        "profile": org["profile"],
        "effective_profile": backend.profile_of(org),
        "territory_state": org["territory_state"],
        "clock": clock_info(backend, org),
        "created_time": iso(org["created_time"]),
    }


def clock_info(backend: Backend, org: Any) -> dict[str, Any]:
    frozen = org["clock_frozen_at"]
    return {
        "now": iso(backend.org_now(org)),
        "frozen": frozen is not None,
        "offset_seconds": org["clock_offset_us"] / 1_000_000,
    }


def list_orgs(backend: Backend) -> list[dict[str, Any]]:
    with backend.db.read() as conn:
        rows = org_store.list_orgs(conn)
    return [org_info(backend, row) for row in rows]


def get_org(backend: Backend, org_id: int) -> dict[str, Any]:
    return org_info(backend, org_row(backend, org_id))


def credentials_info(backend: Backend, creds: oauth.Credentials) -> dict[str, str]:
    base = backend.settings.base_url
    return {
        "client_id": creds.client_id,
        "client_secret": creds.client_secret,
        "refresh_token": creds.refresh_token,
        "access_token": creds.access_token,
        "api_domain": base,
        "accounts_url": f"{base}/oauth/v2/token",
        "org_id": str(creds.org_id),
    }


def create(backend: Backend, name: str, *, territories: bool = True, profile: str | None = None,
           journal_size: int = 0) -> dict[str, Any]:
    """A fresh org from the fixture, and administrator credentials for it."""
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise invalid("name: 1 to 200 characters")
    _check_profile(profile)
    made = create_org(backend, name.strip(), territories=territories)
    if profile is not None or journal_size:
        with backend.db.write() as conn:
            if profile is not None:
                org_store.update_org(conn, made.org_id, profile=profile)
            if journal_size:
                harness_store.put_harness(conn, made.org_id, journal_size=journal_size)
    creds = oauth.mint_credentials(backend, made.org_id)
    return {"org": get_org(backend, made.org_id), "credentials": credentials_info(backend, creds),
            "users": {key: str(uid) for key, uid in made.user_ids.items()}}


def new_credentials(backend: Backend, org_id: int, scopes: list[str] | None = None,
                    user_id: int | None = None) -> dict[str, str]:
    org_row(backend, org_id)
    try:
        creds = oauth.mint_credentials(backend, org_id, scopes, user_id=user_id)
    except oauth.InactiveUser as refusal:
        raise AdminError("USER_NOT_ACTIVE", str(refusal), 400) from None
    except LookupError:
        raise not_found("user") from None
    return credentials_info(backend, creds)


def delete(backend: Backend, org_id: int) -> None:
    with backend.db.write() as conn:
        if not snapshot_store.delete_org(conn, org_id):
            raise not_found("org")
    backend.ids.forget(org_id)


def _check_profile(profile: str | None) -> None:
    if profile is not None and profile not in PROFILES:
        raise invalid(f"profile: one of {', '.join(PROFILES)}, or null for the server's default")


def set_profile(backend: Backend, org_id: int, profile: str | None) -> dict[str, Any]:
    """The org's fidelity profile; null falls back to the server's default."""
    _check_profile(profile)
    with backend.db.write() as conn:
        if org_store.get_org(conn, org_id) is None:
            raise not_found("org")
        org_store.update_org(conn, org_id, profile=profile)
    return get_org(backend, org_id)


def set_territory_state(backend: Backend, org_id: int, state: str) -> dict[str, Any]:
    """Switch the territory feature on or off; it cannot go back to never enabled. The first
    enabling creates the root territory (the territories feature's ``enable`` does)."""
    if state not in ("enabled", "disabled"):
        raise invalid("state: enabled or disabled")
    current = org_row(backend, org_id)["territory_state"]
    if state == "disabled" and current == "never_enabled":
        raise AdminError("NOT_ENABLED", "the territory feature was never enabled in this org", 409)
    if state == "enabled":
        territory_feature.enable(backend, org_id)
    else:
        territory_feature.disable(backend, org_id)
    return get_org(backend, org_id)

"""Sessions of the web console: opened with an admin key, kept in the database so every server
process knows them, ended by logout, by expiry, or when the admin keys are revoked."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from zcrm_local.service.backend import Backend
from zcrm_local.service.harness.admin import AdminKeys
from zcrm_local.store.console import sessions as store

LIFETIME = timedelta(hours=12)


@dataclass(frozen=True)
class Session:
    csrf_token: str


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def open_session(backend: Backend, keys: AdminKeys, admin_key: str) -> str | None:
    """A new session id for a valid admin key, else None. Only the id's digest is stored."""
    if not keys.valid(admin_key):
        return None
    session_id = secrets.token_urlsafe(32)
    now = backend.clock.now()
    with backend.db.write() as conn:
        store.prune(conn, now)
        store.insert(conn, _digest(session_id), _digest(admin_key), secrets.token_urlsafe(32), now, now + LIFETIME)
    return session_id


def find(backend: Backend, session_id: str | None) -> Session | None:
    if not session_id or len(session_id) > 128:
        return None
    with backend.db.read() as conn:
        row = store.get_live(conn, _digest(session_id), backend.clock.now())
    return Session(row["csrf_token"]) if row is not None else None


def close(backend: Backend, session_id: str) -> None:
    with backend.db.write() as conn:
        store.delete(conn, _digest(session_id))


def csrf_ok(session: Session, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(session.csrf_token.encode(), str(given).encode())

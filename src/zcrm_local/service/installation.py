"""The per-installation secret: made once per database, shared by every process on it (D-455)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from zcrm_local.service.backend import Backend
from zcrm_local.store import installation as secret_store

_KEY = "installation_secret"


def installation_secret(backend: Backend) -> bytes:
    cached = backend.cache.get(_KEY)
    if cached is None:
        with backend.db.write() as conn:
            stored = secret_store.claim_info(conn, _KEY, secrets.token_hex(32), backend.clock.now())
        cached = backend.cache[_KEY] = bytes.fromhex(stored)
    return cached


def derived_key(backend: Backend, purpose: str) -> bytes:
    """A key for one purpose (``page-token:<org id>``), from the installation secret."""
    return hmac.new(installation_secret(backend), purpose.encode(), hashlib.sha256).digest()

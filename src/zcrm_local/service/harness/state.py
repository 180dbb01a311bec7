"""What the harness middleware asks per request: whose org is this, and what does the org
want done to it (faults, limits, journal)?

Per process, an org's harness settings are kept for ``ttl`` seconds and a token's org for a
minute (see docs/architecture.md, "Caches"); changes made through this process's admin API are
seen at once, changes made by another process within ``ttl``.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from zcrm_local.domain.oauth import rules as oauth_rules
from zcrm_local.service.backend import Backend
from zcrm_local.store.harness import state as store
from zcrm_local.store.oauth import tokens as oauth_store
from zcrm_local.store.org import orgs as org_store

_TOKEN_TTL = 60.0
_MAX_CACHED = 10_000


@dataclass(frozen=True)
class FaultRule:
    id: int
    method: str
    path: str
    action: dict[str, Any]
    probability: float
    remaining: int | None


@dataclass(frozen=True)
class OrgHarness:
    journal_size: int
    limits: dict[str, Any] | None
    faults: tuple[FaultRule, ...]

    @property
    def idle(self) -> bool:
        return not (self.journal_size or self.limits or self.faults)


_NOTHING = OrgHarness(0, None, ())


class Harness:
    def __init__(self, backend: Backend, ttl: float = 1.0) -> None:
        self.backend = backend
        self.ttl = ttl
        self._lock = threading.Lock()
        self._orgs: dict[int, tuple[float, OrgHarness]] = {}
        self._tokens: dict[str, tuple[float, int | None]] = {}

    # ---- whose request -------------------------------------------------------------------

    def org_for_token(self, token: str) -> int | None:
        digest = oauth_rules.digest(token)
        return self._cached_org(("t:" + digest), lambda conn: oauth_store.get_access(conn, digest))

    def org_for_client(self, client_id: str) -> int | None:
        return self._cached_org(("c:" + client_id), lambda conn: oauth_store.get_client(conn, client_id))

    def org_for_refresh(self, token: str) -> int | None:
        digest = oauth_rules.digest(token)
        return self._cached_org(("r:" + digest), lambda conn: oauth_store.get_refresh(conn, digest))

    def _cached_org(self, key: str, load: Any) -> int | None:
        now = time.monotonic()
        with self._lock:
            hit = self._tokens.get(key)
            if hit is not None and now - hit[0] < _TOKEN_TTL:
                return hit[1]
        with self.backend.db.read() as conn:
            row = load(conn)
        org_id = int(row["org_id"]) if row is not None else None
        with self._lock:
            if len(self._tokens) > _MAX_CACHED:
                self._tokens.clear()
            # Unknown tokens are not remembered: one may be minted a moment later.
            if org_id is not None:
                self._tokens[key] = (now, org_id)
        return org_id

    # ---- what the org wants --------------------------------------------------------------

    def settings(self, org_id: int) -> OrgHarness:
        now = time.monotonic()
        with self._lock:
            hit = self._orgs.get(org_id)
            if hit is not None and now - hit[0] < self.ttl:
                return hit[1]
        with self.backend.db.read() as conn:
            switches = store.get_harness(conn, org_id)
            rules = store.list_faults(conn, org_id)
        value = OrgHarness(
            journal_size=int(switches["journal_size"]) if switches else 0,
            limits=switches["limits"] if switches else None,
            faults=tuple(FaultRule(r["id"], r["method"], r["path"], r["action"], r["probability"], r["remaining"])
                         for r in rules),
        )
        value = _NOTHING if value.idle else value
        with self._lock:
            if len(self._orgs) > _MAX_CACHED:
                self._orgs.clear()
            self._orgs[org_id] = (now, value)
        return value

    def invalidate(self, org_id: int | None = None) -> None:
        with self._lock:
            if org_id is None:
                self._orgs.clear()
                self._tokens.clear()
            else:
                self._orgs.pop(org_id, None)

    def org_now(self, org_id: int) -> datetime:
        with self.backend.db.read() as conn:
            org = org_store.get_org(conn, org_id)
        return self.backend.org_now(org) if org is not None else self.backend.clock.now()

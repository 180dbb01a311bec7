"""A small client of the admin API (/_zcrm/…), standard library only.

``AdminClient`` talks to a server (over HTTP, or in-process through the mock); ``OrgAdmin`` is
one org's handle: reset, snapshots, clock, faults, limits, journal.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

KEY_HEADER = "X-ZCRM-Admin-Key"
# (method, path with query, headers, body) -> (status, body)
Transport = Callable[[str, str, dict[str, str], bytes], tuple[int, bytes]]


class AdminApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message


def http_transport(base_url: str, timeout: float = 60.0) -> Transport:
    # No proxies: the server is local, and HTTP(S)_PROXY must not swallow loopback calls.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    base = base_url.rstrip("/")

    def send(method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
        request = urllib.request.Request(base + path, data=body or None, method=method, headers=headers)
        try:
            with opener.open(request, timeout=timeout) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as refusal:
            return refusal.code, refusal.read()

    return send


def _instant(at: datetime | str) -> str:
    if isinstance(at, datetime):
        if at.tzinfo is None:
            raise ValueError("give an aware datetime (with tzinfo)")
        return at.isoformat()
    return at


class AdminClient:
    def __init__(self, transport: Transport, admin_key: str) -> None:
        self._transport = transport
        self.admin_key = admin_key

    @classmethod
    def over_http(cls, base_url: str, admin_key: str) -> AdminClient:
        return cls(http_transport(base_url), admin_key)

    def request(self, method: str, path: str, body: Any = None, query: dict[str, Any] | None = None) -> Any:
        if query:
            clean = {k: v for k, v in query.items() if v is not None}
            if clean:
                path += "?" + urllib.parse.urlencode(clean)
        headers = {KEY_HEADER: self.admin_key}
        data = b""
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        status, raw = self._transport(method, "/_zcrm" + path, headers, data)
        doc = json.loads(raw) if raw else None
        if status >= 400:
            error = (doc or {}).get("error", {}) if isinstance(doc, dict) else {}
            raise AdminApiError(status, error.get("code", "UNKNOWN"), error.get("message", raw.decode(errors="replace")))
        return doc

    def orgs(self) -> list[dict[str, Any]]:
        return self.request("GET", "/orgs")["orgs"]

    def create_org(self, name: str, *, territories: bool = True, profile: str | None = None,
                   journal_size: int = 0) -> dict[str, Any]:
        """The new org, its administrator credentials and user ids."""
        body: dict[str, Any] = {"name": name, "territories": territories, "journal_size": journal_size}
        if profile is not None:
            body["profile"] = profile
        return self.request("POST", "/orgs", body)

    def org(self, org_id: int | str) -> OrgAdmin:
        return OrgAdmin(self, str(org_id))

    def openapi(self) -> dict[str, Any]:
        return self.request("GET", "/openapi.json")


class OrgAdmin:
    """One org's admin actions."""

    def __init__(self, client: AdminClient, org_id: str) -> None:
        self.admin = client
        self.org_id = org_id

    def _call(self, method: str, path: str = "", body: Any = None, query: dict[str, Any] | None = None) -> Any:
        return self.admin.request(method, f"/orgs/{self.org_id}{path}", body, query)

    # ---- the org ---------------------------------------------------------------------------
    def info(self) -> dict[str, Any]:
        return self._call("GET")["org"]

    def delete(self) -> None:
        self._call("DELETE")

    def reset(self) -> dict[str, Any]:
        """Back to the fixture (same id and credentials); faults, limits and journal stay."""
        return self._call("POST", "/reset")["org"]

    def export(self) -> dict[str, Any]:
        return self._call("GET", "/snapshot")

    def import_(self, snapshot: dict[str, Any]) -> dict[str, Any]:
        return self._call("PUT", "/snapshot", snapshot)["org"]

    def new_credentials(self, scopes: list[str] | None = None, user_id: str | None = None) -> dict[str, str]:
        body: dict[str, Any] = {}
        if scopes is not None:
            body["scopes"] = scopes
        if user_id is not None:
            body["user_id"] = str(user_id)
        return self._call("POST", "/credentials", body)["credentials"]

    def outbox(self) -> list[dict[str, Any]]:
        """Every mail the org sent (never over SMTP), oldest first."""
        return list(self._call("GET", "/outbox")["messages"])

    def clear_outbox(self) -> int:
        return int(self._call("DELETE", "/outbox")["deleted"])

    def email_fixture(self, kind: str, key: str, doc: dict[str, Any]) -> dict[str, Any]:
        """Load an email fixture: email_template, inventory_template, from_address, bounce, cadence."""
        return dict(self._call("PUT", f"/email_fixtures/{kind}/{key}", doc))

    def set_profile(self, profile: str | None) -> dict[str, Any]:
        return self._call("PUT", "/profile", {"profile": profile})

    def set_territories(self, state: str) -> str:
        return self._call("PUT", "/territories", {"state": state})["territory_state"]

    # ---- record test hooks -----------------------------------------------------------------
    def lock_record(self, module: str, record_id: str) -> dict[str, Any]:
        """Territory assign/remove then answer ``RECORD_LOCKED`` for the record."""
        return self._call("PUT", f"/record_locks/{module}/{record_id}")["record_lock"]

    def unlock_record(self, module: str, record_id: str) -> None:
        self._call("DELETE", f"/record_locks/{module}/{record_id}")

    def record_locks(self) -> list[dict[str, Any]]:
        return self._call("GET", "/record_locks")["record_locks"]

    def hold_territory_jobs(self, held: bool = True) -> dict[str, Any]:
        """While held, a record's territory job stays pending (``ALREADY_SCHEDULED`` on the next
        change); ``hold_territory_jobs(False)`` completes them all."""
        return self._call("PUT", "/territory_jobs", {"held": held})["territory_jobs"]

    def territory_jobs(self) -> dict[str, Any]:
        return self._call("GET", "/territory_jobs")["territory_jobs"]

    # ---- the clock -------------------------------------------------------------------------
    def clock(self) -> dict[str, Any]:
        return self._call("GET", "/clock")["clock"]

    def now(self) -> datetime:
        return datetime.fromisoformat(self.clock()["now"])

    def freeze(self, at: datetime | str | None = None) -> dict[str, Any]:
        return self._call("POST", "/clock/freeze", {"at": _instant(at)} if at is not None else {})["clock"]

    def set_time(self, at: datetime | str) -> dict[str, Any]:
        return self._call("POST", "/clock/set", {"at": _instant(at)})["clock"]

    def advance(self, delta: timedelta | float = 0, **units: float) -> dict[str, Any]:
        """``advance(timedelta(hours=2))``, ``advance(90)`` (seconds) or ``advance(days=1)``."""
        seconds = delta.total_seconds() if isinstance(delta, timedelta) else float(delta)
        seconds += timedelta(**units).total_seconds()
        return self._call("POST", "/clock/advance", {"seconds": seconds})["clock"]

    def resume(self) -> dict[str, Any]:
        return self._call("POST", "/clock/resume")["clock"]

    def reset_clock(self) -> dict[str, Any]:
        return self._call("DELETE", "/clock")["clock"]

    # ---- faults ----------------------------------------------------------------------------
    def add_fault(self, path: str = "*", method: str = "*", **action: Any) -> dict[str, Any]:
        """E.g. ``add_fault("/crm/v7/org", error="INTERNAL_ERROR", count=1)``,
        ``add_fault(status=503)``, ``add_fault(latency_ms=300, probability=0.5)``."""
        return self._call("POST", "/faults", {"path": path, "method": method, **action})["fault"]

    def faults(self) -> list[dict[str, Any]]:
        return self._call("GET", "/faults")["faults"]

    def delete_fault(self, fault_id: str) -> None:
        self._call("DELETE", f"/faults/{fault_id}")

    def clear_faults(self) -> int:
        return self._call("DELETE", "/faults")["deleted"]

    # ---- limits ----------------------------------------------------------------------------
    def set_limits(self, **limits: Any) -> dict[str, Any]:
        """``set_limits(edition="free")``, ``set_limits(credits=10)``, ``set_limits(concurrency=1)``."""
        return self._call("PUT", "/limits", limits)["limits"]

    def limits(self) -> dict[str, Any]:
        return self._call("GET", "/limits")["limits"]

    def clear_limits(self) -> dict[str, Any]:
        return self._call("DELETE", "/limits")["limits"]

    # ---- journal ---------------------------------------------------------------------------
    def set_journal_size(self, size: int) -> None:
        self._call("PUT", "/journal", {"size": size})

    def journal(self, *, limit: int = 100, method: str | None = None, path: str | None = None,
                status: int | None = None, code: str | None = None) -> list[dict[str, Any]]:
        """Newest first; ``path`` is a glob."""
        query = {"limit": limit, "method": method, "path": path, "status": status, "code": code}
        return self._call("GET", "/journal", query=query)["entries"]

    def clear_journal(self) -> int:
        return self._call("DELETE", "/journal")["deleted"]

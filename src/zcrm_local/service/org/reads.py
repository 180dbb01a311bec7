"""Read of the org (spec 12 §3)."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.org.render import render_org
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.store.org import orgs as org_store


def get_org(backend: Backend, principal: Principal) -> dict[str, Any]:
    with backend.db.read() as conn:
        admin = org_store.org_admin(conn, principal.org_id)
        # Licences cover active users; POST /users and re-activation stop at the licence count.
        count = sum(1 for u in org_store.list_users(conn, principal.org_id) if u["status"] == "active")
    return render_org(principal.org, admin, count, tz=principal.time_zone)

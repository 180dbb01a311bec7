"""T1/T2 (spec 70 §5): the org's template fixtures."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.email import templates as rules
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.store.email import rows as store


def _all(backend: Backend, principal: Principal, inventory: bool) -> dict[str, Any]:
    with backend.db.read() as conn:
        return store.settings_of(conn, principal.org_id, "inventory_template" if inventory else "email_template")


def listing(backend: Backend, principal: Principal, query: Any, inventory: bool
            ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    return rules.page(_all(backend, principal, inventory), query, inventory)


def one(backend: Backend, principal: Principal, template_id: str, inventory: bool) -> dict[str, Any] | None:
    found = _all(backend, principal, inventory).get(template_id)
    return None if found is None else dict(found, id=template_id)

"""The console reads an org as the org's administrator would through the API."""

from __future__ import annotations

from zcrm_local.domain import scopes as scope_rules
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.harness.admin import not_found
from zcrm_local.store.org import orgs as org_store


def admin_principal(backend: Backend, org_id: int) -> Principal:
    with backend.db.read() as conn:
        org = org_store.get_org(conn, org_id)
        user = org_store.org_admin(conn, org_id) if org is not None else None
    if org is None or user is None:
        raise not_found("org")
    return Principal(org=dict(org), user=dict(user), scopes=frozenset(scope_rules.ALL_SCOPES))

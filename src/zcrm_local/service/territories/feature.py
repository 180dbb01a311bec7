"""The territory feature switch and per-org territory settings (spec 20 §2, OQ-1, OQ-6, OQ-31).

v7 has no API for these: the admin control, the CLI and tests call them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain import territories as t
from zcrm_local.service.backend import Backend
from zcrm_local.service.territories.context import SETTINGS_KEY
from zcrm_local.store.org import orgs as org_store
from zcrm_local.store.settings import rows as settings_store
from zcrm_local.store.territories import rows as store

_SETTING_NAMES = ("max_territories", "max_users_per_territory", "lead_rule_enabled", "deal_rule_enabled")


def create_root_territory(conn: sa.Connection, org_id: int, next_id: Callable[[], int], now: datetime) -> int | None:
    """The root territory of an org being created with the feature on, inside its creating
    transaction; ``next_id`` is the org fixture's own id source. Orgs created with the feature
    off get none (enabling creates it later). Returns the root's id, if one was made."""
    org = org_store.get_org(conn, org_id)
    if org is None or org["territory_state"] != "enabled" or store.has_root(conn, org_id):
        return None
    return _insert_root(conn, org, next_id(), now)


def _insert_root(conn: sa.Connection, org: Any, ident: int, now: datetime) -> int:
    admin = org_store.org_admin(conn, int(org["id"]))
    if admin is None:
        raise LookupError(f"org {org['id']} has no active administrator to manage its root territory")
    store.insert(conn, int(org["id"]), ident, t.root_territory(org["company_name"], str(admin["id"]), now))
    return ident


def enable(backend: Backend, org_id: int) -> None:
    """Switch the feature on. The first time, the root territory is created; after a disable the
    hierarchy comes back unchanged."""
    ident = backend.ids.lease(org_id, 1)[0]
    with backend.db.write() as conn:
        org_store.lock_org(conn, org_id)
        org = _org(conn, org_id)
        if not store.has_root(conn, org_id):
            _insert_root(conn, org, ident, backend.org_now(org))
        org_store.update_org(conn, org_id, territory_state="enabled")


def disable(backend: Backend, org_id: int) -> None:
    """Switch the feature off; an org that never had it on stays ``never_enabled``."""
    with backend.db.write() as conn:
        org_store.lock_org(conn, org_id)
        if _org(conn, org_id)["territory_state"] == "enabled":
            org_store.update_org(conn, org_id, territory_state="disabled")


def state(backend: Backend, org_id: int) -> str:
    with backend.db.read() as conn:
        return str(_org(conn, org_id)["territory_state"])


def configure(backend: Backend, org_id: int, **values: Any) -> dict[str, Any]:
    """Set any of max_territories, max_users_per_territory, lead_rule_enabled,
    deal_rule_enabled (None leaves a value as it is); returns the stored settings."""
    unknown = set(values) - set(_SETTING_NAMES)
    if unknown:
        raise ValueError(f"unknown territory settings: {sorted(unknown)}")
    with backend.db.write() as conn:
        org_store.lock_org(conn, org_id)
        _org(conn, org_id)
        current: dict[str, Any] = dict(settings_store.get_setting(conn, org_id, SETTINGS_KEY) or {})
        current.update({k: v for k, v in values.items() if v is not None})
        settings_store.put_setting(conn, org_id, SETTINGS_KEY, current)
    return current


def _org(conn: sa.Connection, org_id: int) -> Any:
    org = org_store.get_org(conn, org_id)
    if org is None:
        raise LookupError(f"no org {org_id}")
    return org

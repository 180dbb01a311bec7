"""Duplicate check preference (spec 40 §17): one per org, for Leads, kept among org settings."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.outcomes import Success
from zcrm_local.domain.records import dup_preference as rules
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.store.settings import rows as settings_store

_KEY = "duplicate_check_preference.Leads"
# No default field is unique (spec 40 §2.10), so no mapping can name one yet.
_UNIQUE_FIELDS: frozenset[str] = frozenset()


def get(backend: Backend, principal: Principal) -> dict[str, Any] | None:
    with backend.db.read() as conn:
        value = settings_store.get_setting(conn, principal.org_id, _KEY)
    return rules.stored_form(value) if value else None


def write(backend: Backend, principal: Principal, method: str, body: Any) -> Success:
    spec = registry.get(rules.SUPPORTED_MODULE)
    assert spec is not None

    def run(conn: sa.Connection) -> Success:
        current = settings_store.get_setting(conn, principal.org_id, _KEY)
        if method == "DELETE":
            if not current:
                raise rules.not_enabled("mapped_module_records")
            settings_store.delete_setting(conn, principal.org_id, _KEY)
            return rules.success(rules.disabled_message(current["type"]))
        pref = rules.parse(body, spec, _UNIQUE_FIELDS)
        if method == "POST":
            if current:
                raise rules.already_configured()
            settings_store.put_setting(conn, principal.org_id, _KEY, pref)
            return rules.success(rules.enabled_message(pref["type"]))
        if not current:
            raise rules.not_enabled(pref["type"])
        settings_store.put_setting(conn, principal.org_id, _KEY, pref)
        return rules.success(rules.updated_message(pref["type"]))

    return backend.db.write_retrying(run)

"""Settings the Services module depends on: preferences, business hours, holidays, taxes,
field and module metadata."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.metadata import scoped_id
from zcrm_local.domain.outcomes import Success
from zcrm_local.domain.records.fields_json import fields_json, modules_json
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.services.rules import services_fields_json
from zcrm_local.domain.settings import business_hours as hours_rules
from zcrm_local.domain.settings import service_preferences as prefs
from zcrm_local.domain.settings.holidays import list_holidays
from zcrm_local.domain.settings.taxes import Tax, render_taxes, tax_picklist
from zcrm_local.domain.territories.field_meta import territory_field_json
from zcrm_local.domain.times import local_today
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.org.data import BUSINESS_HOURS, JOB_SHEET_SECTIONS, holidays, taxes
from zcrm_local.store.org import orgs as org_store
from zcrm_local.store.settings import rows as settings_store


def get_preferences(backend: Backend, principal: Principal) -> dict[str, Any]:
    return prefs.render(bool(principal.org["job_sheet_enabled"]))


def update_preferences(backend: Backend, principal: Principal, body: Any) -> Success:
    enabled = prefs.parse_update(body)
    with backend.db.write() as conn:
        org_store.update_org(conn, principal.org_id, job_sheet_enabled=enabled)
    return prefs.updated()


def get_business_hours(backend: Backend, principal: Principal) -> dict[str, Any] | None:
    with backend.db.read() as conn:
        stored = settings_store.get_setting(conn, principal.org_id, BUSINESS_HOURS)
    return hours_rules.render_business_hours(stored)


def save_business_hours(backend: Backend, principal: Principal, body: Any, *, creating: bool) -> Success:
    (new_id,) = backend.ids.lease(principal.org_id, 1)
    with backend.db.write() as conn:
        existing = settings_store.get_setting(conn, principal.org_id, BUSINESS_HOURS)
        stored = hours_rules.validate_business_hours(body, existing=existing, creating=creating,
                                                     new_id=lambda: new_id)
        settings_store.put_setting(conn, principal.org_id, BUSINESS_HOURS, stored)
    return hours_rules.business_hours_saved(stored)


def get_holidays(backend: Backend, principal: Principal, *, year: str | None, type_: str | None, page: int,
                 per_page: int) -> dict[str, Any] | None:
    with backend.db.read() as conn:
        every = holidays(conn, principal.org_id)
    today = local_today(backend.org_now(principal.org), principal.org["time_zone"])
    return list_holidays(every, today=today, year=year, type_=type_, page=page, per_page=per_page)


def get_taxes(backend: Backend, principal: Principal, tax_id: int | None = None) -> dict[str, Any] | None:
    with backend.db.read() as conn:
        found: list[Tax] = taxes(conn, principal.org_id)
    if tax_id is not None:
        found = [t for t in found if t.id == tax_id]
        if not found:
            return None
    return render_taxes(found)


def get_fields(backend: Backend, principal: Principal, module: str) -> dict[str, Any]:
    prefix = int(principal.org["prefix"])
    spec = registry.get(module)
    assert spec is not None

    def module_id(name: str) -> str | None:
        target = registry.get(name)
        return scoped_id(prefix, target.id_suffix) if target else None

    if spec.api_name == "Services__s":
        with backend.db.read() as conn:
            org_taxes = taxes(conn, principal.org_id)
            sections = settings_store.get_setting(conn, principal.org_id, JOB_SHEET_SECTIONS) or []
        return services_fields_json(prefix, profile=backend.profile_of(principal.org),
                                    tax_values=tax_picklist(org_taxes), job_sheet_sections=sections,
                                    module_id=module_id)
    body = fields_json(prefix, spec, module_id=module_id)
    territory_field = territory_field_json(prefix, spec)
    if territory_field is not None and principal.org["territory_state"] == "enabled":
        body["fields"].append(territory_field)
    return body


def get_modules(principal: Principal) -> dict[str, Any]:
    return modules_json(int(principal.org["prefix"]), registry.all_modules())

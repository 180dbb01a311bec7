"""What the console's pages show, composed from the API's own reads and renderers: records as
``GET /{module}`` renders them, territories as ``GET /settings/territories`` does, users as
``GET /users`` does. Nothing here decides a rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.errors import ZohoError
from zcrm_local.domain.records import capabilities, timeline
from zcrm_local.domain.records.listing import ListParams
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.records.render import RenderContext, render_record, render_records
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.console.principal import admin_principal
from zcrm_local.service.harness import journal, limits
from zcrm_local.service.harness.admin import not_found
from zcrm_local.service.query import search as search_service
from zcrm_local.service.records import history as record_history
from zcrm_local.service.records import reads as record_reads
from zcrm_local.service.territories import crud as territory_crud
from zcrm_local.service.territories import members as territory_members
from zcrm_local.service.territories import records as territory_records
from zcrm_local.service.users import reads as user_reads
from zcrm_local.service.users import roles_profiles
from zcrm_local.store.console import views as store

COUNT_CAP = 1000
CHART_HOURS = 24


def modules() -> list[ModuleSpec]:
    return sorted((m for m in registry.all_modules() if m.api_supported), key=lambda m: m.api_name)


def module(api_name: str) -> ModuleSpec:
    spec = registry.get(api_name)
    if spec is None or not spec.api_supported:
        raise not_found("module")
    return spec


def _ctx(principal: Principal, module: str, users: Any, related: Any = None) -> RenderContext:
    return record_reads.render_context(principal, module, users, related)


@dataclass(frozen=True)
class RecordPage:
    spec: ModuleSpec
    rows: list[dict[str, Any]]
    more: bool


def record_page(backend: Backend, org_id: int, api_name: str, page: int, per_page: int,
                fields: list[str] | None) -> RecordPage:
    spec = module(api_name)
    principal = admin_principal(backend, org_id)
    params = ListParams(fields, None, "id", True, page, per_page, (page - 1) * per_page, False)
    found = record_reads.list_page(backend, principal, api_name, params)
    rows = render_records(spec, found.records, _ctx(principal, api_name, found.users, found.related), fields)
    territory_records.territory_field(backend, principal, api_name, rows, fields)
    return RecordPage(spec, rows, found.more)


def record_detail(backend: Backend, org_id: int, api_name: str, record_id: int) -> dict[str, Any] | None:
    """The record exactly as ``GET /{module}/{id}`` renders it."""
    spec = module(api_name)
    principal = admin_principal(backend, org_id)
    found = record_reads.get_full(backend, principal, api_name, record_id)
    if not found.records:
        return None
    data = [render_record(spec, found.records[0], _ctx(principal, api_name, found.users, found.related))]
    territory_records.territory_field(backend, principal, api_name, data)
    return data[0]


# The timeline as the console asks for it: the API's defaults plus each field's label.
TIMELINE_QUERY = {"include_inner_details": "field_history.field_label"}


def record_timeline(backend: Backend, org_id: int, api_name: str, record_id: int) -> list[dict[str, Any]] | None:
    """The record's change log as ``GET /{module}/{id}/__timeline`` renders its first page (newest
    first); None when the module has no timeline in the API."""
    module(api_name)
    if not capabilities.support(api_name).timeline:
        return None
    params = timeline.parse(TIMELINE_QUERY)
    entries = record_history.timeline_page(backend, admin_principal(backend, org_id), api_name, record_id, params)
    return (entries or [])[:params.per_page]


@dataclass(frozen=True)
class SearchPage:
    rows: list[dict[str, Any]]
    more: bool
    error: dict[str, Any] | None


def search_page(backend: Backend, org_id: int, api_name: str, criteria: str, page: int, per_page: int,
                fields: list[str]) -> SearchPage:
    """``GET /{module}/search?criteria=`` through the endpoint's own service function; a refusal
    comes back as the API's error body."""
    spec = module(api_name)
    principal = admin_principal(backend, org_id)
    query = {"criteria": criteria, "page": str(page), "per_page": str(per_page), "fields": ",".join(fields)}
    try:
        found = search_service.run(backend, principal, spec, query)
    except ZohoError as refusal:
        return SearchPage([], False, {"http_status": refusal.status, **refusal.body()})
    return SearchPage(found.data, found.more, None)


def roles(backend: Backend, org_id: int) -> list[dict[str, Any]]:
    return roles_profiles.list_roles(backend, admin_principal(backend, org_id))


def profiles(backend: Backend, org_id: int) -> list[dict[str, Any]]:
    return roles_profiles.list_profiles(backend, admin_principal(backend, org_id))


def territory_tree(backend: Backend, org_id: int) -> list[dict[str, Any]]:
    """Territories in pre-order, each with its depth, members and record counts per module."""
    principal = admin_principal(backend, org_id)
    if principal.org["territory_state"] != "enabled":
        return []
    territories = territory_crud.list_territories(backend, principal)
    by_id = {t["id"]: t for t in territories}
    counted = [m.api_name for m in modules() if m.territory_field]
    out = []
    for territory in territories:
        depth, parent = 0, (territory.get("reporting_to") or {}).get("id")
        while parent in by_id and depth < 50:
            depth += 1
            parent = (by_id[parent].get("reporting_to") or {}).get("id")
        users = territory_members.territory_users(backend, principal, territory["id"])
        counts = {}
        for name in counted:
            params = ListParams(["id"], None, "id", True, 1, COUNT_CAP, 0, False)
            page = record_reads.list_page(backend, principal, name, params, territory_ids=[territory["id"]])
            counts[name] = f"{COUNT_CAP}+" if page.more else str(len(page.records))
        out.append({"territory": territory, "depth": depth, "users": users, "counts": counts})
    return out


def users(backend: Backend, org_id: int) -> list[dict[str, Any]]:
    return user_reads.list_users(backend, admin_principal(backend, org_id), "AllUsers", None)


def journal_entry(backend: Backend, org_id: int, entry_id: int) -> dict[str, Any] | None:
    with backend.db.read() as conn:
        row = store.journal_entry(conn, org_id, entry_id)
    return journal.entry_info(row) if row is not None else None


def credits_by_hour(backend: Backend, org_id: int) -> dict[str, Any]:
    """Credits spent in each of the last 24 hours of the org's clock, and the limits now."""
    shown = limits.show(backend, org_id)
    principal = admin_principal(backend, org_id)
    now = backend.org_now(principal.org)
    start = now - timedelta(hours=CHART_HOURS)
    buckets = [0] * CHART_HOURS
    with backend.db.read() as conn:
        spent = store.usage_times(conn, org_id, start)
    for at, credits in spent:
        index = min(int((at - start) / timedelta(hours=1)), CHART_HOURS - 1)
        buckets[index] += credits
    return {"limits": shown, "buckets": buckets, "start": start, "now": now}

"""The module catalogue of an org (spec 40 §1.2–§1.6): modules, one module, a field by id,
layouts and related lists. ``/settings/fields`` itself stays in ``service/settings.py``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from zcrm_local.domain import errors as e
from zcrm_local.domain.metadata import ModuleSpec, scoped_id
from zcrm_local.domain.records.modules import registry
from zcrm_local.domain.settings import catalogue
from zcrm_local.domain.settings.catalogue import OrgView
from zcrm_local.domain.times import format_datetime
from zcrm_local.service.auth import Principal
from zcrm_local.service.backend import Backend
from zcrm_local.service.settings.reads import get_fields
from zcrm_local.store.settings import catalogue as catalogue_store

# Modules ``/settings/related_lists`` serves (file 41 §2); others → NOT_SUPPORTED.
RELATED_LIST_MODULES = frozenset({
    "Leads", "Accounts", "Contacts", "Deals", "Campaigns", "Tasks", "Cases", "Events", "Calls", "Solutions",
    "Products", "Vendors", "Price_Books", "Quotes", "Sales_Orders", "Purchase_Orders", "Invoices",
    "Appointments__s", "Services__s",
})
MSG_NOT_FOR_THIS_API = "the given module is not supported for this api"


def org_view(backend: Backend, principal: Principal) -> OrgView:
    with backend.db.read() as conn:
        found = catalogue_store.profile_names(conn, principal.org_id)
    created = principal.org["created_time"]
    return OrgView(prefix=int(principal.org["prefix"]),
                   profiles=[(name, str(pid)) for name, pid in found],
                   modified_time=format_datetime(created, principal.time_zone),
                   territories_on=principal.org["territory_state"] == "enabled")


def module_ids(prefix: int) -> Callable[[str], str | None]:
    def of(name: str) -> str | None:
        target = registry.get(name)
        return scoped_id(prefix, target.id_suffix) if target else None
    return of


def metadata_changed_since(principal: Principal, since: datetime | None) -> bool:
    """Standard metadata is as old as the org: ``If-Modified-Since`` after that → nothing new."""
    return since is None or principal.org["created_time"] > since


def list_modules(backend: Backend, principal: Principal, statuses: list[str] | None) -> dict[str, Any]:
    modules = [m for m in registry.all_modules() if statuses is None or m.status in statuses]
    return catalogue.modules_json(org_view(backend, principal), modules)


def find_module(segment: str, prefix: int) -> ModuleSpec | None:
    """A module named by API name (case-insensitively) or, for a digit segment, by its id."""
    if segment.isascii() and segment.isdigit():
        if len(segment) > 12 and segment[:-12] == str(prefix):
            return registry.by_id_suffix(int(segment[-12:]))
        return None
    return registry.known_path_module(segment)


def get_module(backend: Backend, principal: Principal, segment: str) -> dict[str, Any]:
    prefix = int(principal.org["prefix"])
    module = find_module(segment, prefix)
    if module is None:
        raise e.ZohoError(e.ErrorCode.INVALID_MODULE, e.MSG_INVALID_MODULE, {"resource_path_index": 2})
    if not module.api_supported:
        raise e.ZohoError(e.ErrorCode.NOT_SUPPORTED, e.MSG_INVALID_MODULE, {"resource_path_index": 2})
    return {"modules": [catalogue.module_detail(org_view(backend, principal), module)]}


def _field_objects(backend: Backend, principal: Principal, module: ModuleSpec) -> list[dict[str, Any]]:
    # The same objects /settings/fields answers (org picklists, territory field included).
    fields: list[dict[str, Any]] = get_fields(backend, principal, module.api_name)["fields"]
    return fields


def get_field(backend: Backend, principal: Principal, module: ModuleSpec, field_id: str) -> dict[str, Any]:
    for field in _field_objects(backend, principal, module):
        if field["id"] == field_id:
            return {"fields": [field]}
    raise e.invalid_path_id(2)


def layouts(backend: Backend, principal: Principal, module: ModuleSpec, layout_id: str | None) -> dict[str, Any]:
    view = org_view(backend, principal)
    if layout_id is not None and layout_id != catalogue.layout_id(view, module):
        raise e.invalid_path_id(2)
    return {"layouts": [catalogue.layout_json(view, module, _field_objects(backend, principal, module))]}


def related_lists(backend: Backend, principal: Principal, module: ModuleSpec, list_id: str | None
                  ) -> dict[str, Any] | None:
    if module.api_name not in RELATED_LIST_MODULES:
        raise e.ZohoError(e.ErrorCode.NOT_SUPPORTED, MSG_NOT_FOR_THIS_API, {"param_name": "module"})
    view = org_view(backend, principal)
    ids = module_ids(view.prefix)
    entries = [catalogue.related_list_json(view, module, position, spec, ids)
               for position, spec in enumerate(catalogue.related_lists(module, registry.all_modules()), start=1)]
    if list_id is not None:
        entries = [entry for entry in entries if entry["id"] == list_id]
        if not entries:
            return None
    return {"related_lists": entries}

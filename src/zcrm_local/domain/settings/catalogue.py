"""``GET /settings/modules``, ``/settings/layouts`` and ``/settings/related_lists`` JSON
(spec 40 §1.2–§1.6). Pure: the org's prefix, profiles and creation time come in as arguments.

Metadata of a standard module never changes, so every module reads as modified when the org
was created.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from zcrm_local.domain.metadata import ModuleSpec, scoped_id
from zcrm_local.domain.records.fields_json import field_json
from zcrm_local.domain.records.layouts import (
    LAYOUT_OFFSET,
    RELATED_LIST_OFFSET,
    SECTION_OFFSET,
    RelatedListSpec,
    standard_layout_id,
)

MODULE_STATUSES = ["visible", "user_hidden", "system_hidden", "scheduled_for_deletion"]
# ``$`` keys records may carry (spec 40 §4), what ``$properties`` lists.
RECORD_PROPERTIES = ["$approval_state", "$currency_symbol", "$review", "$review_process", "$approval",
                     "$in_merge", "$process_flow", "$orchestration", "$editable", "$sharing_permission", "$state"]


@dataclass(frozen=True)
class OrgView:
    """What the catalogue needs of the org: id prefix, profiles ``(name, id)``, metadata time."""

    prefix: int
    profiles: Sequence[tuple[str, str]]
    modified_time: str
    territories_on: bool = False


def module_id(view: OrgView, module: ModuleSpec) -> str:
    return scoped_id(view.prefix, module.id_suffix)


def module_entry(view: OrgView, module: ModuleSpec) -> dict[str, Any]:
    """One entry of ``GET /settings/modules`` (§1.2 keys, v7 sample order)."""
    api = module.api_supported
    return {
        "has_more_profiles": False,
        "access_type": "org_based",
        "private_profile": None,
        "deletable": False,
        "description": None,
        "creatable": api and module.record_writes,
        "recycle_bin_on_delete": api and module.deleted_api,
        "modified_time": view.modified_time,
        "plural_label": module.plural_label,
        "presence_sub_menu": api,
        "actual_plural_label": module.plural_label,
        "id": module_id(view, module),
        "visibility": 1,
        "convertable": module.convertable,
        "sub_menu_available": api,
        "editable": api and module.record_writes,
        "actual_singular_label": module.singular_label,
        "profiles": [{"name": name, "id": pid} for name, pid in view.profiles],
        "show_as_tab": module.show_as_tab,
        "web_link": None,
        "sequence_number": module.sequence_number,
        "singular_label": module.singular_label,
        "viewable": True,
        "api_supported": api,
        "api_name": module.api_name,
        "quick_create": api and module.record_writes,
        "modified_by": None,
        "generated_type": module.generated_type,
        "feeds_required": False,
        "arguments": [],
        "module_name": module.module_name,
        "profile_count": len(view.profiles),
        "business_card_field_limit": 5,
        "parent_module": {},
        "status": module.status,
    }


def module_detail(view: OrgView, module: ModuleSpec) -> dict[str, Any]:
    """``GET /settings/modules/{api_name}``: the list keys plus the §1.3 detail keys."""
    body = module_entry(view, module)
    display = module.display_field or next((f.api_name for f in module.fields if f.mandatory), None)
    shown = [name for name in (display, "Owner") if name and module.field(name)]
    lookup_fields = [{"sequence_number": n, "api_name": name, "id": scoped_id(view.prefix, spec.id_suffix)}
                     for n, (name, spec) in enumerate(((s, module.field(s)) for s in shown), start=1) if spec]
    body.update({
        "display_field": display,
        "search_layout_fields": shown,
        "lookup_field_properties": {"fields": lookup_fields},
        "related_list_properties": {"sort_by": None, "fields": shown, "sort_order": None},
        "$properties": RECORD_PROPERTIES,
        "per_page": 50,
        "custom_view": {"display_value": f"All {module.plural_label}", "name": f"All {module.plural_label}",
                        "id": scoped_id(view.prefix, module.id_suffix + LAYOUT_OFFSET + 1)},
        "activity_badge": "Enabled" if module.timeline else "Disabled",
        "isBlueprintSupported": module.api_supported,
        "kanban_view": False,
        "filter_status": True,
    })
    if view.territories_on and module.api_name in ("Accounts", "Contacts", "Deals"):
        body["territory"] = {"name": "All Territories", "id": "0", "subordinates": False}
    return body


def modules_json(view: OrgView, modules: Iterable[ModuleSpec]) -> dict[str, Any]:
    return {"modules": [module_entry(view, module) for module in modules]}


def layout_id(view: OrgView, module: ModuleSpec) -> str:
    return standard_layout_id(view.prefix, module)


def layout_json(view: OrgView, module: ModuleSpec, fields: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The module's one layout, ``Standard``; ``fields`` are the module's field objects (§1.4)."""
    lid = layout_id(view, module)
    label = module.section_label or f"{module.singular_label} Information"
    admin = [(name, pid) for name, pid in view.profiles]
    body: dict[str, Any] = {
        "has_more_profiles": False,
        "created_time": None,
        "modified_time": None,
        "visible": True,
        "created_for": None,
        "name": "Standard",
        "api_name": "Standard__s",
        "id": lid,
        "status": "active",
        "source": "crm",
        "generated_type": "default",
        "profiles": [{"default": True, "name": name, "id": pid,
                      "_default_view": {"name": "Standard", "id": lid, "type": "layout"}} for name, pid in admin],
        "created_by": None,
        "modified_by": None,
        "display_type": -1,
        "mode": None,
        "sections": [{
            "display_label": label,
            "sequence_number": 1,
            "isSubformSection": False,
            "tab_traversal": "left_to_right",
            "api_name": label,
            "column_count": 2,
            "name": label,
            "generated_type": "default",
            "type": "used",
            "id": scoped_id(view.prefix, module.id_suffix + SECTION_OFFSET),
            "fields": [{**field, "required": bool(field.get("system_mandatory"))} for field in fields],
        }],
    }
    if module.convertable and module.api_name == "Leads":
        body["convert_mapping"] = {"Contacts": None, "Deals": None, "Accounts": None}
    return body


def related_lists(module: ModuleSpec, every: Iterable[ModuleSpec]) -> tuple[RelatedListSpec, ...]:
    """The module's own lists; modules without a fixed table (§1.6 "other modules") add one list
    per module that looks them up."""
    own = module.related_lists
    if module.api_name in ("Leads", "Contacts", "Accounts", "Deals"):
        return own
    names = {spec.api_name for spec in own}
    derived = []
    for other in every:
        if not other.api_supported or other.api_name in names or other.api_name == module.api_name:
            continue
        if any(f.lookup_module == module.api_name for f in other.fields):
            derived.append(RelatedListSpec(other.api_name, other.plural_label, other.api_name))
            names.add(other.api_name)
    return (*own, *derived)


def related_list_json(view: OrgView, module: ModuleSpec, position: int, spec: RelatedListSpec,
                      module_ids: Callable[[str], str | None]) -> dict[str, Any]:
    return {
        "id": scoped_id(view.prefix, module.id_suffix + RELATED_LIST_OFFSET + position),
        "sequence_number": str(position),
        "display_label": spec.display_label,
        "api_name": spec.api_name,
        "module": {"api_name": spec.module, "id": module_ids(spec.module)} if spec.module else None,
        "name": spec.name or spec.api_name,
        "type": spec.type,
        "href": f"{module.api_name}/{{ENTITYID}}/{spec.api_name}" if spec.href else None,
        "action": None,
        "customize_sort": False,
        "customize_fields": False,
        "customize_display_label": False,
        "status": "visible",
    }


def fields_of(view: OrgView, module: ModuleSpec, module_ids: Callable[[str], str | None]) -> list[dict[str, Any]]:
    return [field_json(view.prefix, spec, module_id=module_ids) for spec in module.fields]

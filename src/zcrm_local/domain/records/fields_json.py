"""Field metadata → ``GET /settings/fields`` JSON (modules: ``catalogue.py``).

Keys follow ``12-platform.md`` §6.2 (what the SDK reads). Pick-list values normally come from
the ``FieldSpec``; values that depend on the org (taxes, job-sheet sections) or on the fidelity
profile are passed in ``picklists``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..metadata import DataType, FieldSpec, ModuleSpec, scoped_id

# Pick-list value ids are org-scoped ids in their own range, derived from the field's suffix,
# so they are stable across restarts without being stored.
PICKLIST_ID_BASE = 900_000_000_000


@dataclass(frozen=True)
class PicklistValue:
    display_value: str
    actual_value: str
    id: str | None = None  # ``None``: derived from the field id and the position


def _picklist_json(org_prefix: int, spec: FieldSpec, values: Sequence[PicklistValue]) -> list[dict[str, Any]]:
    rendered = []
    for position, value in enumerate(values, start=1):
        value_id = value.id or scoped_id(org_prefix, PICKLIST_ID_BASE + spec.id_suffix * 1000 + position)
        rendered.append(
            {
                "display_value": value.display_value,
                "actual_value": value.actual_value,
                "id": value_id,
                "sequence_number": position,
                "type": "used",
            }
        )
    return rendered


def default_picklist(spec: FieldSpec) -> list[PicklistValue]:
    return [PicklistValue(value, value) for value in spec.picklist]


def field_json(
    org_prefix: int,
    spec: FieldSpec,
    *,
    picklist: Sequence[PicklistValue] | None = None,
    module_id: Callable[[str], str | None] = lambda name: None,
    overrides: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """One field object. ``module_id`` resolves a module API name to its id (lookups)."""
    writable = not spec.read_only
    body: dict[str, Any] = {
        "api_name": spec.api_name,
        "id": scoped_id(org_prefix, spec.id_suffix),
        "field_label": spec.label,
        "display_label": spec.label,
        "data_type": spec.data_type.value,
        "json_type": spec.json_type,
        "system_mandatory": spec.mandatory,
        "read_only": spec.read_only,
        "field_read_only": spec.read_only,
        "custom_field": spec.custom,
        "visible": True,
        "length": spec.length,
        "decimal_place": spec.decimal_place,
        "pick_list_values": [],
        "lookup": {},
        "operation_type": {
            "web_create": writable,
            "web_update": writable,
            "api_create": writable,
            "api_update": writable,
        },
        "created_source": "default",
        # Catalogue keys (spec 40 §1.4): empty unless the field's type uses them.
        "unique": {},
        "external": None,
        "multiselectlookup": {},
        "formula": {},
        "auto_number": {},
        "rollup_summary": {},
        "textarea": None,
    }
    if spec.data_type == DataType.TEXTAREA:
        body["textarea"] = {"type": spec.textarea_type or "large"}
    if spec.data_type == DataType.SUBFORM and spec.associated_module:
        body["associated_module"] = {"module": spec.associated_module, "id": module_id(spec.associated_module)}
    if spec.data_type in (DataType.FORMULA, DataType.ROLLUP_SUMMARY):
        body[spec.data_type.value] = {"return_type": spec.return_type or "double"}
    if spec.data_type == DataType.AUTONUMBER:
        body["auto_number"] = {"prefix": "", "suffix": "", "start_number": 1}
    if spec.data_type in (DataType.PICKLIST, DataType.MULTISELECTPICKLIST):
        values = picklist if picklist is not None else default_picklist(spec)
        body["pick_list_values"] = _picklist_json(org_prefix, spec, values)
    if spec.data_type == DataType.LOOKUP and spec.lookup_module:
        body["lookup"] = {
            "display_label": spec.label,
            "api_name": spec.api_name,
            "module": {"api_name": spec.lookup_module, "id": module_id(spec.lookup_module)},
            "id": scoped_id(org_prefix, spec.id_suffix),
        }
    if spec.data_type == DataType.MULTIUSERLOOKUP and spec.linking_module:
        body["multiuserlookup"] = {
            "linking_module": {"api_name": spec.linking_module, "id": module_id(spec.linking_module)},
            "connected_module": {"api_name": "Users"},
        }
    if overrides:
        body.update(overrides)
    return body


def fields_json(
    org_prefix: int,
    module: ModuleSpec,
    *,
    picklists: Mapping[str, Sequence[PicklistValue]] | None = None,
    module_id: Callable[[str], str | None] = lambda name: None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """``{"fields":[…]}`` for a module, fields in spec order."""
    picklists = picklists or {}
    overrides = overrides or {}
    return {
        "fields": [
            field_json(
                org_prefix,
                spec,
                picklist=picklists.get(spec.api_name),
                module_id=module_id,
                overrides=overrides.get(spec.api_name),
            )
            for spec in module.fields
        ]
    }


def module_json(org_prefix: int, module: ModuleSpec) -> dict[str, Any]:
    """The minimal module entry (api name, labels, type, id); the full §1.2 entry is in ``catalogue.py``."""
    return {
        "api_name": module.api_name,
        "module_name": module.module_name,
        "singular_label": module.singular_label,
        "plural_label": module.plural_label,
        "generated_type": module.generated_type,
        "api_supported": module.api_supported,
        "id": scoped_id(org_prefix, module.id_suffix),
    }


def modules_json(org_prefix: int, modules: Iterable[ModuleSpec]) -> dict[str, Any]:
    return {"modules": [module_json(org_prefix, module) for module in modules]}

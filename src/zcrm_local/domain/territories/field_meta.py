"""The territory field of records in field metadata (OQ-21): listed for Accounts, Contacts,
Deals and Leads while the feature is on, read-only, never a custom field (the SDK parses the
field as territory entries only then)."""

from __future__ import annotations

from typing import Any

from ..metadata import DataType, FieldSpec, ModuleSpec
from ..records.fields_json import field_json
from .records import RECORD_TERRITORY_FIELD

# Above every field suffix of the module's own spec (a module's fields use module suffix × 1000 + n).
_SUFFIX_OFFSET = 999


def territory_field_json(org_prefix: int, module: ModuleSpec) -> dict[str, Any] | None:
    key = RECORD_TERRITORY_FIELD.get(module.api_name)
    if key is None:
        return None
    spec = FieldSpec(key, DataType.MULTISELECTPICKLIST, key, module.id_suffix * 1000 + _SUFFIX_OFFSET,
                     read_only=True)
    return field_json(org_prefix, spec, overrides={"data_type": "territories", "json_type": "jsonarray",
                                                   "pick_list_values": []})

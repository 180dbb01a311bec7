"""What a module supports beyond list/get/insert/update/delete (spec 40 §1.1 U/C/TL/CO), its
duplicate-check fields (§2.10) and its display field (§13): read from its ``ModuleSpec``.

A module the registry does not know supports nothing extra and has no duplicate-check field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .modules import registry

# /{module}/deleted (§13) is served for every module but these.
_NO_DELETED = frozenset({"Notes", "Attachments"})

# Activities a change of owner may carry along (§15 related_modules).
RELATED_ACTIVITY_MODULES = ("Tasks", "Events", "Calls")


@dataclass(frozen=True)
class Support:
    upsert: bool
    clone: bool
    timeline: bool
    change_owner: bool
    deleted: bool


def support(module: str) -> Support:
    spec = registry.get(module)
    if spec is None:
        return Support(False, False, False, False, deleted=False)
    return Support(spec.upsert, spec.clone, spec.timeline, spec.change_owner, deleted=module not in _NO_DELETED)


def duplicate_check_field(module: str) -> str | None:
    """The system-defined field upsert matches on (custom modules: Name)."""
    spec = registry.get(module)
    if spec is None:
        return None
    if spec.generated_type == "custom":
        return "Name"
    return spec.duplicate_check_fields[0] if spec.duplicate_check_fields else None


def display_name(module: str, record: Mapping[str, Any] | None) -> str | None:
    """The record's display value; a full name is built when the module stores none (D-512)."""
    if record is None:
        return None
    spec = registry.get(module)
    field = spec.name_field if spec is not None else "Name"
    value = record.get(field)
    if value in (None, "") and field == "Full_Name":
        parts = [record.get("First_Name"), record.get("Last_Name")]
        value = " ".join(str(p) for p in parts if p not in (None, "")) or None
    return None if value in (None, "") else str(value)

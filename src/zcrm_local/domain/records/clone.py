"""Clone (spec 40 §11): which keys of a record a clone copies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..metadata import DataType, ModuleSpec
from ..outcomes import Success
from .engine import SYSTEM_KEYS

# Module keys the clone leaves behind besides ids, system, read-only and `$` keys (§11).
NOT_CLONED: Mapping[str, frozenset[str]] = {
    "Services__s": frozenset({"Status", "Unavailable_From", "Unavailable_Till"}),
    "Events": frozenset({"Recurring_Activity", "Remind_At"}),
    "Appointments__s": frozenset({"Status", "Reschedule_Count", "Job_Sheet_Created__s", "Job_Sheet_Section__s"}),
}
# By type value: upload types join the catalogue later.
_NEVER_TYPES = frozenset({"autonumber", "fileupload", "imageupload", "profileimage"})


def clone_item(module: ModuleSpec, source: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The insert item a clone of ``source`` (its read-back form) writes: copied keys, then
    the body's overrides over them."""
    skip = NOT_CLONED.get(module.api_name, frozenset())
    item: dict[str, Any] = {}
    for spec in module.fields:
        name = spec.api_name
        if (name in SYSTEM_KEYS or name in skip or spec.read_only or spec.data_type.value in _NEVER_TYPES
                or name not in source):
            continue
        value = source[name]
        if spec.data_type == DataType.MULTIUSERLOOKUP and isinstance(value, list):
            # New link rows for the clone: keep the users, drop the source's link ids.
            value = [{k: v for k, v in entry.items() if k != "id"} for entry in value if isinstance(entry, dict)]
        item[name] = value
    item.update({k: v for k, v in overrides.items() if k != "id"})
    return item


def success(written: Success) -> Success:
    """A clone answers the insert's success item with the record's approval state (§11)."""
    return Success(written.message, {**written.details, "$approval_state": "approved"}, written.code)

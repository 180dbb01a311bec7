"""Writes of modules that have no rules of their own (Accounts, Contacts, Deals, Leads…):
the metadata alone decides — types and lengths, mandatory keys, picklist values, owner."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..errors import MSG_INVALID_ID, invalid_data
from ..metadata import DataType, FieldSpec, ModuleSpec, per_module
from .engine import check_allowed, check_mandatory, item_path, merge, read_item, require_object
from .refs import UserRef
from .values import parse_id, store_datetime

_PICKLISTS = frozenset({DataType.PICKLIST, DataType.MULTISELECTPICKLIST})


@dataclass(frozen=True)
class RecordContext:
    now: datetime
    users: Mapping[int, UserRef]
    caller: UserRef | None


def write_record(
    module: ModuleSpec,
    item: Any,
    index: int,
    stored: Mapping[str, Any] | None,
    ctx: RecordContext,
    new_id: Callable[[], int],
) -> dict[str, Any]:
    """Validate item ``index`` (a create when ``stored`` is None, else a partial update of
    ``stored``) and return the complete stored record; raises the item's ``ZohoError``."""
    source = require_object(item, index)
    base = item_path(index)
    given = read_item(module, source, base)
    merged = merge(stored, given)
    check_mandatory(merged, [f.api_name for f in module.fields if f.mandatory], base)
    for spec in module.fields:
        if spec.data_type in _PICKLISTS and spec.picklist:
            check_allowed(given, spec.api_name, spec.picklist, base)
    if given.given("Owner") and given.get("Owner") is not None:
        owner = ctx.users.get(parse_id(given.get("Owner")) or 0)
        if owner is None or not owner.active:
            raise invalid_data("Owner", f"{base}.Owner", MSG_INVALID_ID)
    caller = str(ctx.caller.id) if ctx.caller else None
    now = store_datetime(ctx.now)
    if stored is None:
        _apply_defaults(module, merged)
        merged.update(id=str(new_id()), Created_By=caller, Created_Time=now)
    for spec in _computed(module):
        assert spec.compute is not None
        merged[spec.api_name] = spec.compute(merged)
    merged.update(Modified_By=caller, Modified_Time=now)
    if merged.get("Owner") is None:
        merged["Owner"] = caller
    return merged


@per_module
def _defaulted(module: ModuleSpec) -> tuple[FieldSpec, ...]:
    return tuple(spec for spec in module.fields if spec.default is not None)


@per_module
def _computed(module: ModuleSpec) -> tuple[FieldSpec, ...]:
    return tuple(spec for spec in module.fields if spec.compute is not None)


def _apply_defaults(module: ModuleSpec, merged: dict[str, Any]) -> None:
    """A new record's empty fields take their metadata default (``Tag`` ``[]``, status flags)."""
    for spec in _defaulted(module):
        if merged.get(spec.api_name) is None:
            merged[spec.api_name] = list(spec.default) if isinstance(spec.default, tuple) else spec.default

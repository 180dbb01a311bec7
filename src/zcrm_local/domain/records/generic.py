"""Writes of modules that have no rules of their own (Accounts, Contacts, Deals, Leads…):
the metadata alone decides, in the order of spec 40 §7.2 — types and lengths, mandatory keys,
allowed values and formats, then references (users, lookups)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..errors import MSG_INVALID_ID, MSG_INVALID_RELATED_ID, invalid_data
from ..metadata import DataType, FieldSpec, ModuleSpec, per_module
from .engine import GivenItem, check_allowed, check_mandatory, item_path, merge, read_item, require_object
from .lookups import Related
from .refs import UserRef
from .values import parse_id, store_datetime

_PICKLISTS = frozenset({DataType.PICKLIST, DataType.MULTISELECTPICKLIST})
_USER_TYPES = frozenset({DataType.OWNERLOOKUP, DataType.USERLOOKUP})
# local@domain.tld: no spaces, one @, a dotted domain whose last label has 2+ characters and a
# letter (``com``, ``xn--p1ai``) (D-492).
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)*\.(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9-]{2,}")


@dataclass(frozen=True)
class RecordContext:
    """``related``: the live records of the org that this write's lookups name (loaded once
    per write batch)."""

    now: datetime
    users: Mapping[int, UserRef]
    caller: UserRef | None
    related: Related = field(default_factory=dict)


@per_module
def _mandatory(module: ModuleSpec) -> tuple[str, ...]:
    return tuple(f.api_name for f in module.fields if f.mandatory)


@per_module
def _checked(module: ModuleSpec) -> tuple[FieldSpec, ...]:
    """Fields with a step-4 or step-5 check, in field order."""
    kinds = _PICKLISTS | _USER_TYPES | {DataType.EMAIL, DataType.LOOKUP}
    return tuple(f for f in module.fields if f.data_type in kinds and not f.read_only)


def is_email(value: str) -> bool:
    return _EMAIL.fullmatch(value) is not None


def check_values(module: ModuleSpec, given: GivenItem, base: str) -> None:
    """Step 4: picklist values and email format of the given keys, in field order."""
    for spec in _checked(module):
        if spec.data_type in _PICKLISTS and spec.picklist:
            check_allowed(given, spec.api_name, spec.picklist, base)
        elif spec.data_type == DataType.EMAIL:
            value = given.get(spec.api_name)
            if isinstance(value, str) and value and not is_email(value):
                raise invalid_data(spec.api_name, f"{base}.{spec.api_name}")


def check_references(module: ModuleSpec, given: GivenItem, ctx: RecordContext, base: str) -> None:
    """Step 5: users must be active users of the org; lookups live records of the target
    module in the org (RQ-9: ``the id…`` for users, ``the related id…`` for records)."""
    for spec in _checked(module):
        value = given.get(spec.api_name)
        if value is None:
            continue
        path = f"{base}.{spec.api_name}"
        if spec.data_type in _USER_TYPES:
            user = ctx.users.get(parse_id(value) or 0)
            if user is None or not user.active:
                raise invalid_data(spec.api_name, path, MSG_INVALID_ID)
        elif spec.data_type == DataType.LOOKUP:
            target = ctx.related.get(parse_id(value) or 0)
            if target is None or (spec.lookup_module is not None and target.module != spec.lookup_module):
                raise invalid_data(spec.api_name, path, MSG_INVALID_RELATED_ID)


def append_values(module: ModuleSpec, source: Mapping[str, Any], given: GivenItem,
                  stored: Mapping[str, Any] | None) -> None:
    """Update with ``$append_values`` ``{"<multiselectpicklist>": true}``: the given entries are
    added after the stored ones instead of replacing them (spec 40 §8; D-499)."""
    flags = source.get("$append_values")
    if stored is None or not isinstance(flags, dict):
        return
    for spec in module.fields:
        if spec.data_type != DataType.MULTISELECTPICKLIST or flags.get(spec.api_name) is not True:
            continue
        added = given.values.get(spec.api_name)
        kept = stored.get(spec.api_name)
        if isinstance(added, list) and isinstance(kept, list):
            given.values[spec.api_name] = kept + [entry for entry in added if entry not in kept]


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
    append_values(module, source, given, stored)
    merged = merge(stored, given)
    check_mandatory(merged, _mandatory(module), base)
    check_values(module, given, base)
    check_references(module, given, ctx, base)
    caller = str(ctx.caller.id) if ctx.caller else None
    now = store_datetime(ctx.now)
    if stored is None:
        merged.update(id=str(new_id()), Created_By=caller, Created_Time=now)
    merged.update(Modified_By=caller, Modified_Time=now)
    if merged.get("Owner") is None:
        merged["Owner"] = caller
    return merged

"""Metadata-driven steps shared by every module's record writes.

A module's write is: read the given keys (types, lengths), merge them over the stored record,
then check mandatory keys and allowed values; module rules run on the merged view after that.
Adding a module is a ``ModuleSpec`` plus, if it has any, its own rule table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import invalid_data, mandatory_not_found, wrong_type
from ..metadata import FieldSpec, ModuleSpec, per_module
from .coerce import READ_ONLY_TYPES, Coercer, coercers_for
from .values import holds_nul

# Keys the emulator computes itself; never taken from a request.
SYSTEM_KEYS = frozenset({"id", "Created_By", "Modified_By", "Created_Time", "Modified_Time"})


@dataclass(frozen=True)
class GivenItem:
    """The keys an item carried, in storage form; ``None`` = sent as ``null`` (or empty)."""

    values: dict[str, Any]
    raw: Mapping[str, Any] = field(default_factory=dict)

    def given(self, key: str) -> bool:
        return key in self.values

    def get(self, key: str) -> Any:
        return self.values.get(key)


def item_path(index: int) -> str:
    return f"$.data[{index}]"


def require_object(item: Any, index: int) -> Mapping[str, Any]:
    """An item that is not a JSON object is refused on its own (Services §4.1)."""
    if not isinstance(item, dict):
        raise wrong_type("data", item_path(index), "jsonobject")
    return item


@per_module
def _writable(module: ModuleSpec) -> tuple[tuple[str, FieldSpec, Coercer | None], ...]:
    """The keys a request may write, in field order, each with its type's coercer: worked out
    once per module instead of per item."""
    coercers = coercers_for(module.api_name)
    return tuple(
        (spec.api_name, spec, coercers.get(spec.data_type))
        for spec in module.fields
        if not spec.read_only and spec.api_name not in SYSTEM_KEYS and spec.data_type not in READ_ONLY_TYPES
    )


def read_item(
    module: ModuleSpec,
    item: Mapping[str, Any],
    base: str,
    overrides: Mapping[str, Coercer] | None = None,
) -> GivenItem:
    """Step 1: type and length of every present writable key, in the module's field order.

    Unknown keys and read-only keys are ignored (Q-53). ``null`` is kept as ``None`` so that
    an update can clear a value; a create treats it as "not given" through the defaults.
    """
    values: dict[str, Any] = {}
    for name, spec, coercer in _writable(module):
        if name not in item:
            continue
        raw = item[name]
        if raw is None:
            values[name] = None
            continue
        if overrides and name in overrides:
            coercer = overrides[name]
        path = f"{base}.{name}"
        # Types without an input form (profile images, auto numbers) are read-only.
        value = coercer(spec, raw, path) if coercer else raw
        if holds_nul(value):
            raise invalid_data(name, path)  # right type, unstorable text (D-8)
        values[name] = value
    return GivenItem(values, item)


def is_empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, (list, tuple)) and not value)


def check_mandatory(merged: Mapping[str, Any], order: Iterable[str], base: str) -> None:
    """Step 2: the first mandatory key that is missing, ``null`` or empty."""
    for key in order:
        if is_empty(merged.get(key)):
            raise mandatory_not_found(key, f"{base}.{key}")


def check_allowed(
    given: GivenItem,
    key: str,
    allowed: Iterable[str],
    base: str,
    message: str | None = None,
) -> None:
    """Step 3 for one key: a picklist (or each multi-select entry) must be an allowed value."""
    if not given.given(key) or given.get(key) is None:
        return
    value = given.get(key)
    entries = value if isinstance(value, list) else [value]
    allowed_set = set(allowed)
    if any(entry not in allowed_set for entry in entries):
        if message is None:
            raise invalid_data(key, f"{base}.{key}")
        raise invalid_data(key, f"{base}.{key}", message)


def merge(stored: Mapping[str, Any] | None, given: GivenItem) -> dict[str, Any]:
    """Partial update: given keys (``null`` included) over the stored record (Q-30)."""
    merged = dict(stored or {})
    merged.update(given.values)
    return merged


def apply_defaults(merged: dict[str, Any], defaults: Mapping[str, Any]) -> None:
    """Fill keys that are absent or ``null`` with the module's default values."""
    for key, value in defaults.items():
        if merged.get(key) is None:
            merged[key] = value() if callable(value) else value


__all__ = [
    "GivenItem",
    "SYSTEM_KEYS",
    "apply_defaults",
    "check_allowed",
    "check_mandatory",
    "is_empty",
    "item_path",
    "merge",
    "read_item",
    "require_object",
]

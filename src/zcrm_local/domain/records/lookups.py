"""Lookups between records: which ids a write or a page names, and a record's display name.

The store loads the named records of one write batch (or one page) in one query; the rules
here check against that map (D-494) and rendering reads names from it (spec 40 §3).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..metadata import DataType, ModuleSpec, per_module
from . import values as v

# The field that names a record of a module in lookups (spec 40 §2.10 names the same fields
# as duplicate-check fields); Leads and Contacts show ``Full_Name`` (built from the names).
NAME_FIELDS: dict[str, str] = {
    "Accounts": "Account_Name",
    "Deals": "Deal_Name",
    "Campaigns": "Campaign_Name",
    "Cases": "Subject",
    "Quotes": "Subject",
    "Sales_Orders": "Subject",
    "Purchase_Orders": "Subject",
    "Invoices": "Subject",
    "Tasks": "Subject",
    "Events": "Event_Title",
    "Calls": "Subject",
    "Solutions": "Solution_Title",
    "Products": "Product_Name",
    "Vendors": "Vendor_Name",
    "Price_Books": "Price_Book_Name",
    "Services__s": "Service_Name",
}
_PERSON_MODULES = frozenset({"Leads", "Contacts"})


@dataclass(frozen=True)
class RelatedRef:
    """A live record a lookup may point at: its module and display name."""

    id: int
    module: str
    name: str | None


Related = Mapping[int, RelatedRef]


def full_name(data: Mapping[str, Any]) -> str | None:
    """``First_Name Last_Name`` (either part may be missing), as Zoho builds ``Full_Name``."""
    parts = [data.get("First_Name"), data.get("Last_Name")]
    words = [part for part in parts if isinstance(part, str) and part]
    return " ".join(words) or None


def record_name(module: str, data: Mapping[str, Any]) -> str | None:
    if module in _PERSON_MODULES:
        return full_name(data)
    value = data.get(NAME_FIELDS.get(module, "Name"))
    return value if isinstance(value, str) else None


@per_module
def lookup_fields(module: ModuleSpec) -> tuple[str, ...]:
    return tuple(f.api_name for f in module.fields if f.data_type == DataType.LOOKUP)


def _raw_id(value: Any) -> int | None:
    if isinstance(value, dict):
        value = value.get("id")
    return v.parse_id(value)


def ids_in_items(module: ModuleSpec, items: Iterable[Any]) -> set[int]:
    """Every record id the lookup fields of these request items name (malformed ones are left
    to the item's own checks)."""
    names = lookup_fields(module)
    ids: set[int] = set()
    if not names:
        return ids
    for item in items:
        if not isinstance(item, dict):
            continue
        for name in names:
            ident = _raw_id(item.get(name))
            if ident is not None:
                ids.add(ident)
    return ids


def ids_in_records(module: ModuleSpec, records: Iterable[Mapping[str, Any]]) -> set[int]:
    """Every record id the lookup fields of these stored records name (what a read renders)."""
    names = lookup_fields(module)
    ids: set[int] = set()
    if not names:
        return ids
    for record in records:
        for name in names:
            ident = _raw_id(record.get(name))
            if ident is not None:
                ids.add(ident)
    return ids

"""What each module supports beyond list/get/insert/update/delete (spec 40 §1.1 U/C/TL/CO
columns), its system-defined duplicate-check field (§2.10) and its display field (§13).

Kept as tables here until these become fields of ``ModuleSpec``; a module missing from a table
supports nothing extra and has no duplicate-check field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Support:
    upsert: bool
    clone: bool
    timeline: bool
    change_owner: bool
    deleted: bool = True  # /{module}/deleted (§13): every module but Notes and Attachments


_Y, _N = True, False
SUPPORT: Mapping[str, Support] = {
    #                           U   C   TL  CO
    "Leads": Support(_Y, _Y, _Y, _Y),
    "Contacts": Support(_Y, _Y, _Y, _Y),
    "Accounts": Support(_Y, _Y, _Y, _Y),
    "Deals": Support(_Y, _Y, _Y, _Y),
    "Tasks": Support(_N, _Y, _Y, _Y),
    "Events": Support(_N, _Y, _Y, _Y),
    "Calls": Support(_N, _Y, _Y, _Y),
    "Products": Support(_Y, _Y, _Y, _Y),
    "Vendors": Support(_Y, _Y, _N, _Y),
    "Price_Books": Support(_Y, _Y, _N, _Y),
    "Quotes": Support(_Y, _Y, _Y, _Y),
    "Sales_Orders": Support(_Y, _Y, _Y, _Y),
    "Purchase_Orders": Support(_Y, _Y, _Y, _Y),
    "Invoices": Support(_Y, _Y, _Y, _Y),
    "Campaigns": Support(_Y, _Y, _N, _Y),
    "Cases": Support(_Y, _Y, _N, _Y),
    "Solutions": Support(_Y, _Y, _N, _Y),
    "Notes": Support(_N, _N, _Y, _N, deleted=False),
    "Attachments": Support(_N, _N, _N, _N, deleted=False),
    "Appointments__s": Support(_Y, _Y, _Y, _N),
    "Appointments_Rescheduled_History__s": Support(_Y, _Y, _N, _N),
    "Services__s": Support(_Y, _Y, _Y, _N),
}
_NONE = Support(_N, _N, _N, _N, deleted=False)

# §2.10: the system-defined field upsert matches on (custom modules: Name).
DUPLICATE_CHECK_FIELD: Mapping[str, str] = {
    "Leads": "Email", "Contacts": "Email", "Accounts": "Account_Name", "Deals": "Deal_Name",
    "Campaigns": "Campaign_Name", "Cases": "Subject", "Quotes": "Subject", "Sales_Orders": "Subject",
    "Purchase_Orders": "Subject", "Invoices": "Subject", "Solutions": "Solution_Title",
    "Products": "Product_Name", "Vendors": "Vendor_Name", "Price_Books": "Price_Book_Name",
}

# §13: the field whose value names a record in /deleted, the recycle bin and the timeline.
DISPLAY_FIELD: Mapping[str, str] = {
    "Leads": "Full_Name", "Contacts": "Full_Name", "Accounts": "Account_Name", "Deals": "Deal_Name",
    "Services__s": "Service_Name", "Tasks": "Subject", "Events": "Event_Title", "Calls": "Subject",
    "Products": "Product_Name", "Vendors": "Vendor_Name", "Price_Books": "Price_Book_Name",
    "Quotes": "Subject", "Sales_Orders": "Subject", "Purchase_Orders": "Subject", "Invoices": "Subject",
    "Campaigns": "Campaign_Name", "Cases": "Subject", "Solutions": "Solution_Title",
}

# Activities a change of owner may carry along (§15 related_modules).
RELATED_ACTIVITY_MODULES = ("Tasks", "Events", "Calls")


def support(module: str) -> Support:
    return SUPPORT.get(module, _NONE)


def duplicate_check_field(module: str, generated_type: str = "default") -> str | None:
    if generated_type == "custom":
        return "Name"
    return DUPLICATE_CHECK_FIELD.get(module)


def display_name(module: str, record: Mapping[str, Any] | None) -> str | None:
    """The record's display value; a full name is built when the module stores none (D-512)."""
    if record is None:
        return None
    field = DISPLAY_FIELD.get(module, "Name")
    value = record.get(field)
    if value in (None, "") and field == "Full_Name":
        parts = [record.get("First_Name"), record.get("Last_Name")]
        value = " ".join(str(p) for p in parts if p not in (None, "")) or None
    return None if value in (None, "") else str(value)

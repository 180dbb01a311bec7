"""What Quotes, Sales Orders, Purchase Orders and Invoices share (spec 40 §2.7): their line-item
subform modules, the fields every inventory module starts and ends with, and their capabilities.
Sub totals, grand totals and the auto numbers are read-only here; computing them is the
inventory rules' job."""

from __future__ import annotations

from typing import Any

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import FieldSpec, ModuleSpec
from zcrm_local.domain.records.layouts import ACTIVITY_LISTS, NOTES_ATTACHMENTS

from zcrm_local.domain.records.modules.common import Fields

QUOTE_STAGES = ("Draft", "Negotiation", "Delivered", "On Hold", "Confirmed", "Closed Won", "Closed Lost")
CARRIERS = ("FedEX", "UPS", "USPS", "DHL", "BlueDart")
ORDER_STATUSES = ("Created", "Approved", "Delivered", "Cancelled")

_LINE_ITEMS = {"Quoted_Items": 12_500_000, "Ordered_Items": 12_600_000, "Purchase_Items": 12_700_000,
               "Invoiced_Items": 12_800_000}


def _line_item_module(api_name: str, label: str) -> ModuleSpec:
    base = _LINE_ITEMS[api_name]
    return ModuleSpec(
        api_name=api_name, module_name=api_name, singular_label=label, plural_label=label, id_suffix=base,
        fields=Fields(base)
        .lookup("Product_Name", "Products", "Product Name", mandatory=True)
        .add("Quantity", T.DOUBLE, length=16, decimal_place=2, default=1)
        .currency("List_Price", "List Price")
        .currency("Discount")
        .currency("Tax")
        .text("Description", 2000)
        .currency("Total", read_only=True)
        .currency("Net_Total", "Net Total", read_only=True)
        .currency("Total_After_Discount", "Total After Discount", read_only=True)
        .build(),
        api_supported=False, generated_type="subform", show_as_tab=False, status="system_hidden",
        record_writes=False,
    )


QUOTED_ITEMS = _line_item_module("Quoted_Items", "Quoted Items")
ORDERED_ITEMS = _line_item_module("Ordered_Items", "Ordered Items")
PURCHASE_ITEMS = _line_item_module("Purchase_Items", "Purchase Items")
INVOICED_ITEMS = _line_item_module("Invoiced_Items", "Invoiced Items")


def inventory_head(fields: Fields, *, account_mandatory: bool) -> Fields:
    """Subject, account and contact come first in every inventory layout."""
    return (fields.text("Subject", 255, mandatory=True)
            .lookup("Account_Name", "Accounts", "Account Name", mandatory=account_mandatory)
            .lookup("Contact_Name", "Contacts", "Contact Name"))


def inventory_tail(fields: Fields, items_key: str, owner_label: str) -> tuple[FieldSpec, ...]:
    """Addresses, totals, terms and the line items, then owner and system fields."""
    for prefix in ("Billing", "Shipping"):
        fields.text(f"{prefix}_Street", 250).text(f"{prefix}_City", 100).text(f"{prefix}_State", 100)
        fields.text(f"{prefix}_Code", 30).text(f"{prefix}_Country", 100)
    (fields.currency("Sub_Total", "Sub Total", read_only=True)
     .currency("Discount").currency("Tax").currency("Adjustment")
     .currency("Grand_Total", "Grand Total", read_only=True)
     .add("Terms_and_Conditions", T.TEXTAREA, "Terms and Conditions", length=32000, textarea_type="large")
     .add(items_key, T.SUBFORM, items_key.replace("_", " "), mandatory=True, associated_module=items_key))
    return fields.owner_fields(owner_label).system_fields(description=True).build()


INVENTORY_FLAGS: dict[str, Any] = {"upsert": True, "clone": True, "timeline": True, "change_owner": True,
                                   "duplicate_check_fields": ("Subject",), "display_field": "Subject",
                                   "related_lists": (*NOTES_ATTACHMENTS, *ACTIVITY_LISTS)}

"""Invoices (spec 40 §2.7); line items in ``Invoiced_Items``."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec

from zcrm_local.domain.records.modules.common import Fields
from zcrm_local.domain.records.modules.inventory import INVENTORY_FLAGS, ORDER_STATUSES, inventory_head, inventory_tail

_B = 11_000_000

SPEC = ModuleSpec(
    api_name="Invoices", module_name="Invoices", singular_label="Invoice", plural_label="Invoices",
    id_suffix=_B,
    fields=inventory_tail(
        inventory_head(Fields(_B), account_mandatory=True)
        .add("Invoice_Number", T.AUTONUMBER, "Invoice Number", read_only=True)
        .lookup("Sales_Order", "Sales_Orders", "Sales Order")
        .add("Invoice_Date", T.DATE, "Invoice Date")
        .add("Due_Date", T.DATE, "Due Date")
        .text("Purchase_Order", 100, "Purchase Order")
        .currency("Excise_Duty", "Excise Duty")
        .currency("Sales_Commission", "Sales Commission")
        .picklist("Status", ORDER_STATUSES),
        "Invoiced_Items", "Invoice Owner"),
    scope_word="invoices", sequence_number=12, section_label="Invoice Information", **INVENTORY_FLAGS,
)

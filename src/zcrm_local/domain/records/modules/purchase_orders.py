"""Purchase Orders (spec 40 §2.7); line items in ``Purchase_Items`` (RQ-6)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec

from zcrm_local.domain.records.modules.common import Fields
from zcrm_local.domain.records.modules.inventory import (
    CARRIERS,
    INVENTORY_FLAGS,
    ORDER_STATUSES,
    inventory_head,
    inventory_tail,
)

_B = 10_900_000

SPEC = ModuleSpec(
    api_name="Purchase_Orders", module_name="PurchaseOrders", singular_label="Purchase Order",
    plural_label="Purchase Orders", id_suffix=_B,
    fields=inventory_tail(
        inventory_head(Fields(_B), account_mandatory=False)
        .text("PO_Number", 100, "PO Number")
        .lookup("Vendor_Name", "Vendors", "Vendor Name", mandatory=True)
        .add("PO_Date", T.DATE, "PO Date")
        .add("Due_Date", T.DATE, "Due Date")
        .text("Requisition_No", 100, "Requisition No")
        .text("Tracking_Number", 100, "Tracking Number")
        .currency("Excise_Duty", "Excise Duty")
        .currency("Sales_Commission", "Sales Commission")
        .picklist("Carrier", CARRIERS)
        .picklist("Status", ORDER_STATUSES),
        "Purchase_Items", "Purchase Order Owner"),
    scope_word="purchaseorders", sequence_number=11, section_label="Purchase Order Information", **INVENTORY_FLAGS,
)

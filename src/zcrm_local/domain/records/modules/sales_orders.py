"""Sales Orders (spec 40 §2.7); line items in ``Ordered_Items``."""

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

_B = 10_800_000

SPEC = ModuleSpec(
    api_name="Sales_Orders", module_name="SalesOrders", singular_label="Sales Order", plural_label="Sales Orders",
    id_suffix=_B,
    fields=inventory_tail(
        inventory_head(Fields(_B), account_mandatory=True)
        .add("SO_Number", T.AUTONUMBER, "SO Number", read_only=True)
        .lookup("Deal_Name", "Deals", "Deal Name")
        .lookup("Quote_Name", "Quotes", "Quote Name")
        .add("Due_Date", T.DATE, "Due Date")
        .text("Customer_No", 100, "Customer No")
        .text("Purchase_Order", 100, "Purchase Order")
        .text("Pending", 100)
        .currency("Excise_Duty", "Excise Duty")
        .currency("Sales_Commission", "Sales Commission")
        .picklist("Carrier", CARRIERS)
        .picklist("Status", ORDER_STATUSES),
        "Ordered_Items", "Sales Order Owner"),
    scope_word="salesorders", sequence_number=10, convertable=True, section_label="Sales Order Information",
    **INVENTORY_FLAGS,
)

"""Quotes, Sales Orders, Purchase Orders, Invoices and their line-item subform modules
(spec 40 §2.7). Sub totals, grand totals and the auto numbers are read-only here; computing
them is the inventory rules' job."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import FieldSpec, ModuleSpec
from zcrm_local.domain.records.layouts import ACTIVITY_LISTS, NOTES_ATTACHMENTS

from .common import Fields

QUOTE_STAGES = ("Draft", "Negotiation", "Delivered", "On Hold", "Confirmed", "Closed Won", "Closed Lost")
CARRIERS = ("FedEX", "UPS", "USPS", "DHL", "BlueDart")
ORDER_STATUSES = ("Created", "Approved", "Delivered", "Cancelled")

_QUOTES = 10_700_000
_SALES_ORDERS = 10_800_000
_PURCHASE_ORDERS = 10_900_000
_INVOICES = 11_000_000
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


def _shared(fields: Fields, *, account_mandatory: bool) -> Fields:
    """Subject, account and contact come first in every inventory layout."""
    return (fields.text("Subject", 255, mandatory=True)
            .lookup("Account_Name", "Accounts", "Account Name", mandatory=account_mandatory)
            .lookup("Contact_Name", "Contacts", "Contact Name"))


def _tail(fields: Fields, items_key: str, owner_label: str) -> tuple[FieldSpec, ...]:
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


_LISTS = (*NOTES_ATTACHMENTS, *ACTIVITY_LISTS)
_FLAGS = {"upsert": True, "clone": True, "timeline": True, "change_owner": True,
          "duplicate_check_fields": ("Subject",), "display_field": "Subject", "related_lists": _LISTS}

QUOTES = ModuleSpec(
    api_name="Quotes", module_name="Quotes", singular_label="Quote", plural_label="Quotes", id_suffix=_QUOTES,
    fields=_tail(
        _shared(Fields(_QUOTES), account_mandatory=True)
        .add("Quote_Number", T.AUTONUMBER, "Quote Number", read_only=True)
        .lookup("Deal_Name", "Deals", "Deal Name")
        .picklist("Quote_Stage", QUOTE_STAGES, "Quote Stage")
        .add("Valid_Till", T.DATE, "Valid Till")
        .text("Team", 100)
        .picklist("Carrier", CARRIERS),
        "Quoted_Items", "Quote Owner"),
    scope_word="quotes", sequence_number=9, convertable=True, section_label="Quote Information", **_FLAGS,
)

SALES_ORDERS = ModuleSpec(
    api_name="Sales_Orders", module_name="SalesOrders", singular_label="Sales Order", plural_label="Sales Orders",
    id_suffix=_SALES_ORDERS,
    fields=_tail(
        _shared(Fields(_SALES_ORDERS), account_mandatory=True)
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
    **_FLAGS,
)

PURCHASE_ORDERS = ModuleSpec(
    api_name="Purchase_Orders", module_name="PurchaseOrders", singular_label="Purchase Order",
    plural_label="Purchase Orders", id_suffix=_PURCHASE_ORDERS,
    fields=_tail(
        _shared(Fields(_PURCHASE_ORDERS), account_mandatory=False)
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
    scope_word="purchaseorders", sequence_number=11, section_label="Purchase Order Information", **_FLAGS,
)

INVOICES = ModuleSpec(
    api_name="Invoices", module_name="Invoices", singular_label="Invoice", plural_label="Invoices",
    id_suffix=_INVOICES,
    fields=_tail(
        _shared(Fields(_INVOICES), account_mandatory=True)
        .add("Invoice_Number", T.AUTONUMBER, "Invoice Number", read_only=True)
        .lookup("Sales_Order", "Sales_Orders", "Sales Order")
        .add("Invoice_Date", T.DATE, "Invoice Date")
        .add("Due_Date", T.DATE, "Due Date")
        .text("Purchase_Order", 100, "Purchase Order")
        .currency("Excise_Duty", "Excise Duty")
        .currency("Sales_Commission", "Sales Commission")
        .picklist("Status", ORDER_STATUSES),
        "Invoiced_Items", "Invoice Owner"),
    scope_word="invoices", sequence_number=12, section_label="Invoice Information", **_FLAGS,
)

"""Products (spec 40 §2.6)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import ACTIVITY_LISTS, NOTES_ATTACHMENTS, related

from zcrm_local.domain.records.modules.common import Fields, with_none

CATEGORIES = with_none("Hardware", "Software", "CRM Applications")
MANUFACTURERS = with_none("AltvetPet Inc.", "LexPro Corp.", "MetBeat Corp.")
USAGE_UNITS = with_none("Box", "Carton", "Dozen", "Each", "Hour(s)", "Impressions", "Lb", "M", "Pack", "Pages",
                        "Pieces", "Quantity", "Reams", "Sheet", "Spiral Binder", "Sq Ft", "License")

_PRODUCTS = 10_400_000


SPEC = ModuleSpec(
    api_name="Products", module_name="Products", singular_label="Product", plural_label="Products",
    id_suffix=_PRODUCTS,
    fields=Fields(_PRODUCTS)
    .text("Product_Name", 200, "Product Name", mandatory=True)
    .text("Product_Code", 40, "Product Code")
    .add("Product_Active", T.BOOLEAN, "Product Active", default=True)
    .picklist("Product_Category", CATEGORIES, "Product Category")
    .picklist("Manufacturer", MANUFACTURERS)
    .lookup("Vendor_Name", "Vendors", "Vendor Name")
    .add("Handler", T.USERLOOKUP, "Handler")
    .currency("Unit_Price", "Unit Price")
    .currency("Commission_Rate", "Commission Rate")
    .add("Tax", T.MULTISELECTPICKLIST, "Tax", length=2000)
    .add("Taxable", T.BOOLEAN, "Taxable")
    .picklist("Usage_Unit", USAGE_UNITS, "Usage Unit")
    .add("Qty_Ordered", T.DOUBLE, "Qty Ordered", length=16, decimal_place=2)
    .add("Qty_in_Stock", T.DOUBLE, "Qty in Stock", length=16, decimal_place=2)
    .add("Qty_in_Demand", T.DOUBLE, "Qty in Demand", length=16, decimal_place=2)
    .add("Reorder_Level", T.DOUBLE, "Reorder Level", length=16, decimal_place=2)
    .add("Sales_Start_Date", T.DATE, "Sales Start Date")
    .add("Sales_End_Date", T.DATE, "Sales End Date")
    .add("Support_Start_Date", T.DATE, "Support Start Date")
    .add("Support_Expiry_Date", T.DATE, "Support Expiry Date")
    .owner_fields("Product Owner").system_fields(description=True, image=True).build(),
    scope_word="products", sequence_number=6, upsert=True, clone=True, timeline=True, change_owner=True,
    duplicate_check_fields=("Product_Name",), display_field="Product_Name", section_label="Product Information",
    related_lists=(*NOTES_ATTACHMENTS, related("Leads"), related("Accounts"), related("Contacts"), related("Deals"),
                   related("Price_Books", "Price Books"), *ACTIVITY_LISTS),
)

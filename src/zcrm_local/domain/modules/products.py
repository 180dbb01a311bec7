"""Products, Vendors and Price Books (spec 40 §2.6)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import ACTIVITY_LISTS, NOTES_ATTACHMENTS, related

from .common import Fields, with_none

CATEGORIES = with_none("Hardware", "Software", "CRM Applications")
MANUFACTURERS = with_none("AltvetPet Inc.", "LexPro Corp.", "MetBeat Corp.")
USAGE_UNITS = with_none("Box", "Carton", "Dozen", "Each", "Hour(s)", "Impressions", "Lb", "M", "Pack", "Pages",
                        "Pieces", "Quantity", "Reams", "Sheet", "Spiral Binder", "Sq Ft", "License")
GL_ACCOUNTS = with_none("Sales-Hardware", "Sales-Software", "Rental-Income", "Interest-Income",
                        "Sales-Software-Support", "Sales Other", "Interest Sales", "Service-Hardware Labor")
PRICING_MODELS = with_none("Flat", "Differential")

_PRODUCTS = 10_400_000
_VENDORS = 10_500_000
_PRICE_BOOKS = 10_600_000

PRODUCTS = ModuleSpec(
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

VENDORS = ModuleSpec(
    api_name="Vendors", module_name="Vendors", singular_label="Vendor", plural_label="Vendors", id_suffix=_VENDORS,
    fields=Fields(_VENDORS)
    .text("Vendor_Name", 100, "Vendor Name", mandatory=True)
    .add("Email", T.EMAIL, length=100)
    .add("Phone", T.PHONE, length=30)
    .add("Website", T.WEBSITE, length=255)
    .text("Category", 100)
    .picklist("GL_Account", GL_ACCOUNTS, "GL Account")
    .text("Street", 250).text("City", 100).text("State", 100).text("Zip_Code", 30, "Zip Code").text("Country", 100)
    .owner_fields("Vendor Owner").system_fields(description=True, image=True).build(),
    scope_word="vendors", sequence_number=7, upsert=True, clone=True, change_owner=True,
    duplicate_check_fields=("Vendor_Name",), display_field="Vendor_Name", section_label="Vendor Information",
    related_lists=NOTES_ATTACHMENTS,
)

PRICE_BOOKS = ModuleSpec(
    api_name="Price_Books", module_name="PriceBooks", singular_label="Price Book", plural_label="Price Books",
    id_suffix=_PRICE_BOOKS,
    fields=Fields(_PRICE_BOOKS)
    .text("Price_Book_Name", 120, "Price Book Name", mandatory=True)
    .add("Active", T.BOOLEAN)
    .picklist("Pricing_Model", PRICING_MODELS, "Pricing Model")
    .add("Pricing_Details", T.PRICING_DETAILS, "Pricing Details")
    .owner_fields("Price Book Owner").system_fields(description=True).build(),
    scope_word="pricebooks", sequence_number=8, upsert=True, clone=True, change_owner=True,
    duplicate_check_fields=("Price_Book_Name",), display_field="Price_Book_Name",
    section_label="Price Book Information", related_lists=(*NOTES_ATTACHMENTS, related("Products")),
)

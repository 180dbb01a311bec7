"""Contacts (spec 40 §2.2): the fields of spec 21 §15 first (their ids are fixed; territories come
from the contact's Account), then the rest of the standard list."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType, FieldSpec, ModuleSpec
from zcrm_local.domain.records.layouts import ACTIVITY_LISTS, NOTES_ATTACHMENTS, related

from zcrm_local.domain.records.modules.common import Fields, full_name
from zcrm_local.domain.records.modules.leads import LEAD_SOURCES, SALUTATIONS

_B = 3_000_000
_LISTS = (*NOTES_ATTACHMENTS, related("Deals"), *ACTIVITY_LISTS, related("Products"), related("Cases"),
          related("Quotes"), related("Sales_Orders", "Sales Orders"), related("Purchase_Orders", "Purchase Orders"),
          related("Invoices"), related("Campaigns"))

_MORE = (
    Fields(_B, start=14)
    .picklist("Salutation", SALUTATIONS)
    .text("Full_Name", 120, "Full Name", read_only=True, compute=full_name)
    .lookup("Vendor_Name", "Vendors", "Vendor Name")
    .lookup("Reporting_To", "Contacts", "Reporting To")
    .add("Secondary_Email", DataType.EMAIL, "Secondary Email", length=100)
    .add("Phone", DataType.PHONE, length=30)
    .add("Home_Phone", DataType.PHONE, "Home Phone", length=30)
    .add("Other_Phone", DataType.PHONE, "Other Phone", length=30)
    .add("Mobile", DataType.PHONE, length=30)
    .add("Fax", DataType.PHONE, length=30)
    .add("Asst_Phone", DataType.PHONE, "Asst Phone", length=30)
    .text("Title", 100)
    .text("Department", 100)
    .text("Assistant", 100)
    .picklist("Lead_Source", LEAD_SOURCES, "Lead Source")
    .text("Skype_ID", 50, "Skype ID")
    .text("Twitter", 50)
    .text("Mailing_Street", 250, "Mailing Street")
    .text("Mailing_Zip", 30, "Mailing Zip")
    .text("Other_Street", 250, "Other Street")
    .text("Other_City", 100, "Other City")
    .text("Other_State", 100, "Other State")
    .text("Other_Zip", 30, "Other Zip")
    .text("Other_Country", 100, "Other Country")
    .add("Description", DataType.TEXTAREA, length=32000, textarea_type="large")
    .system_fields(image=True, last_activity=True)
    .build()
)

SPEC = ModuleSpec(
    api_name="Contacts",
    module_name="Contacts",
    singular_label="Contact",
    plural_label="Contacts",
    id_suffix=3000,
    fields=(
        FieldSpec("Last_Name", DataType.TEXT, "Last Name", _B + 1, length=80, mandatory=True),
        FieldSpec("First_Name", DataType.TEXT, "First Name", _B + 2, length=40),
        FieldSpec("Email", DataType.EMAIL, "Email", _B + 3, length=100),
        FieldSpec("Account_Name", DataType.LOOKUP, "Account Name", _B + 4, lookup_module="Accounts"),
        FieldSpec("Mailing_City", DataType.TEXT, "Mailing City", _B + 5, length=30),
        FieldSpec("Mailing_State", DataType.TEXT, "Mailing State", _B + 6, length=30),
        FieldSpec("Mailing_Country", DataType.TEXT, "Mailing Country", _B + 7, length=30),
        FieldSpec("Date_of_Birth", DataType.DATE, "Date of Birth", _B + 8),
        FieldSpec("Email_Opt_Out", DataType.BOOLEAN, "Email Opt Out", _B + 9),
        FieldSpec("Owner", DataType.OWNERLOOKUP, "Contact Owner", _B + 10),
        FieldSpec("Created_By", DataType.OWNERLOOKUP, "Created By", _B + 11, read_only=True),
        FieldSpec("Modified_By", DataType.OWNERLOOKUP, "Modified By", _B + 12, read_only=True),
        FieldSpec("Created_Time", DataType.DATETIME, "Created Time", _B + 13, read_only=True),
        FieldSpec("Modified_Time", DataType.DATETIME, "Modified Time", _B + 14, read_only=True),
        *_MORE,
    ),
    scope_word="contacts", sequence_number=2, upsert=True, clone=True, timeline=True, change_owner=True,
    duplicate_check_fields=("Email",), display_field="Full_Name", section_label="Contact Information",
    related_lists=_LISTS,
    territory_field="Territories",
    territory_limit=10,
)

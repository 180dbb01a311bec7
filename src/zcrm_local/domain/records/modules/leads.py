"""Leads (spec 40 §2.1): the fields of spec 21 §15 first (their ids are fixed), then the rest of
the standard list."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType, FieldSpec, ModuleSpec
from zcrm_local.domain.records.layouts import ACTIVITY_LISTS, NOTES_ATTACHMENTS, related

from zcrm_local.domain.records.modules.accounts import INDUSTRY_VALUES
from zcrm_local.domain.records.modules.common import Fields, full_name, with_none

LEAD_SOURCES: tuple[str, ...] = (
    "-None-", "Advertisement", "Cold Call", "Employee Referral", "External Referral", "Online Store",
    "Partner", "Public Relations", "Sales Email Alias", "Seminar Partner", "Internal Seminar",
    "Trade Show", "Web Download", "Web Research", "Chat", "Twitter", "Facebook",
)
LEAD_STATUSES: tuple[str, ...] = (
    "-None-", "Attempted to Contact", "Contact in Future", "Contacted", "Junk Lead", "Lost Lead",
    "Not Contacted", "Pre-Qualified", "Not Qualified",
)

_B = 5_000_000
LEADS_LISTS = (*NOTES_ATTACHMENTS, related("Products"), *ACTIVITY_LISTS, related("Campaigns"))
SALUTATIONS = with_none("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.")
RATINGS = with_none("Acquired", "Active", "Market Failed", "Project Cancelled", "Shut Down")

_MORE = (
    Fields(_B, start=18)
    .picklist("Salutation", SALUTATIONS)
    .text("Full_Name", 120, "Full Name", read_only=True, compute=full_name)
    .text("Designation", 100, "Title")
    .add("Secondary_Email", DataType.EMAIL, "Secondary Email", length=100)
    .add("Phone", DataType.PHONE, length=30)
    .add("Mobile", DataType.PHONE, length=30)
    .add("Fax", DataType.PHONE, length=30)
    .add("Website", DataType.WEBSITE, length=255)
    .text("Skype_ID", 50, "Skype ID")
    .text("Twitter", 50)
    .picklist("Rating", RATINGS)
    .text("Street", 250)
    .text("Zip_Code", 30, "Zip Code")
    .add("Converted__s", DataType.BOOLEAN, "Converted", read_only=True, default=False)
    .add("Converted_Date_Time", DataType.DATETIME, "Converted Date Time", read_only=True)
    .lookup("Converted_Account", "Accounts", "Converted Account", read_only=True)
    .lookup("Converted_Contact", "Contacts", "Converted Contact", read_only=True)
    .lookup("Converted_Deal", "Deals", "Converted Deal", read_only=True)
    .add("Lead_Conversion_Time", DataType.INTEGER, "Lead Conversion Time", length=9, read_only=True)
    .add("Days_Visited", DataType.INTEGER, "Days Visited", length=9, read_only=True)
    .add("Number_Of_Chats", DataType.INTEGER, "Number Of Chats", length=9, read_only=True)
    .add("Visitor_Score", DataType.BIGINT, "Visitor Score", length=18, read_only=True)
    .add("Average_Time_Spent_Minutes", DataType.DOUBLE, "Average Time Spent (Minutes)", length=16,
         decimal_place=2, read_only=True)
    .add("Data_Source", DataType.PICKLIST, "Data Source", length=120, read_only=True, picklist=("API",),
         default="API")
    .add("Description", DataType.TEXTAREA, length=32000, textarea_type="large")
    .system_fields(last_activity=True)
    .build()
)

SPEC = ModuleSpec(
    api_name="Leads",
    module_name="Leads",
    singular_label="Lead",
    plural_label="Leads",
    id_suffix=5000,
    fields=(
        FieldSpec("Last_Name", DataType.TEXT, "Last Name", _B + 1, length=80, mandatory=True),
        FieldSpec("First_Name", DataType.TEXT, "First Name", _B + 2, length=40),
        FieldSpec("Company", DataType.TEXT, "Company", _B + 3, length=200),
        FieldSpec("Email", DataType.EMAIL, "Email", _B + 4, length=100),
        FieldSpec("Annual_Revenue", DataType.CURRENCY, "Annual Revenue", _B + 5, length=16, decimal_place=2),
        FieldSpec("Industry", DataType.PICKLIST, "Industry", _B + 6, length=120, picklist=INDUSTRY_VALUES),
        FieldSpec("Lead_Source", DataType.PICKLIST, "Lead Source", _B + 7, length=120, picklist=LEAD_SOURCES),
        FieldSpec("Lead_Status", DataType.PICKLIST, "Lead Status", _B + 8, length=120, picklist=LEAD_STATUSES),
        FieldSpec("No_of_Employees", DataType.INTEGER, "No. of Employees", _B + 9, length=9),
        FieldSpec("City", DataType.TEXT, "City", _B + 10, length=30),
        FieldSpec("State", DataType.TEXT, "State", _B + 11, length=30),
        FieldSpec("Country", DataType.TEXT, "Country", _B + 12, length=30),
        FieldSpec("Email_Opt_Out", DataType.BOOLEAN, "Email Opt Out", _B + 13),
        FieldSpec("Owner", DataType.OWNERLOOKUP, "Lead Owner", _B + 14),
        FieldSpec("Created_By", DataType.OWNERLOOKUP, "Created By", _B + 15, read_only=True),
        FieldSpec("Modified_By", DataType.OWNERLOOKUP, "Modified By", _B + 16, read_only=True),
        FieldSpec("Created_Time", DataType.DATETIME, "Created Time", _B + 17, read_only=True),
        FieldSpec("Modified_Time", DataType.DATETIME, "Modified Time", _B + 18, read_only=True),
        *_MORE,
    ),
    scope_word="leads", sequence_number=1, upsert=True, clone=True, timeline=True, change_owner=True,
    duplicate_check_fields=("Email",), convertable=True, display_field="Full_Name",
    section_label="Lead Information", related_lists=LEADS_LISTS,
    territory_field="Territories",
    territory_limit=10,
)

"""Leads: the minimal field set of spec 21 §15 (rules only; assignment by API is refused)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType, FieldSpec, ModuleSpec

from zcrm_local.domain.records.modules.accounts import INDUSTRY_VALUES

LEAD_SOURCES: tuple[str, ...] = (
    "-None-", "Advertisement", "Cold Call", "Employee Referral", "External Referral", "Online Store",
    "Partner", "Public Relations", "Sales Email Alias", "Seminar Partner", "Internal Seminar",
    "Trade Show", "Web Download", "Web Research", "Chat",
)
LEAD_STATUSES: tuple[str, ...] = (
    "-None-", "Attempted to Contact", "Contact in Future", "Contacted", "Junk Lead", "Lost Lead",
    "Not Contacted", "Pre-Qualified", "Not Qualified",
)

_B = 5_000_000

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
    ),
    upsert=True, clone=True, timeline=True, change_owner=True,
    duplicate_check_fields=("Email",),
    name_field="Full_Name",
    territory_field="Territories",
    territory_limit=10,
)

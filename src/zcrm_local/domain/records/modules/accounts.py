"""Accounts: the minimal field set territory rules and samples use (spec 21 §15, 12 §6.4)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType, FieldSpec, ModuleSpec

# Zoho's default Industry choices (shared with Leads).
INDUSTRY_VALUES: tuple[str, ...] = (
    "-None-",
    "ASP (Application Service Provider)",
    "Data/Telecom OEM",
    "ERP (Enterprise Resource Planning)",
    "Government/Military",
    "Large Enterprise",
    "ManagementISV",
    "MSP (Management Service Provider)",
    "Network Equipment Enterprise",
    "Non-management ISV",
    "Optical Networking",
    "Service Provider",
    "Small/Medium Enterprise",
    "Storage Equipment",
    "Storage Service Provider",
    "Systems Integrator",
    "Wireless Industry",
    "Communications",
    "Consulting",
    "Education",
    "Financial Services",
    "Healthcare",
    "Manufacturing",
    "Real Estate",
    "Technology",
)

ACCOUNT_TYPES: tuple[str, ...] = (
    "-None-", "Analyst", "Competitor", "Customer", "Distributor", "Integrator", "Investor",
    "Other", "Partner", "Press", "Prospect", "Reseller", "Supplier", "Vendor",
)

_B = 2_000_000

SPEC = ModuleSpec(
    api_name="Accounts",
    module_name="Accounts",
    singular_label="Account",
    plural_label="Accounts",
    id_suffix=2000,
    fields=(
        FieldSpec("Account_Name", DataType.TEXT, "Account Name", _B + 1, length=200, mandatory=True),
        FieldSpec("Annual_Revenue", DataType.CURRENCY, "Annual Revenue", _B + 2, length=16, decimal_place=2),
        FieldSpec("Industry", DataType.PICKLIST, "Industry", _B + 3, length=120, picklist=INDUSTRY_VALUES),
        FieldSpec("Account_Type", DataType.PICKLIST, "Account Type", _B + 4, length=120, picklist=ACCOUNT_TYPES),
        FieldSpec("Employees", DataType.INTEGER, "Employees", _B + 5, length=9),
        FieldSpec("Billing_City", DataType.TEXT, "Billing City", _B + 6, length=30),
        FieldSpec("Billing_State", DataType.TEXT, "Billing State", _B + 7, length=30),
        FieldSpec("Billing_Country", DataType.TEXT, "Billing Country", _B + 8, length=30),
        FieldSpec("Billing_Code", DataType.TEXT, "Billing Code", _B + 9, length=30),
        FieldSpec("Phone", DataType.PHONE, "Phone", _B + 10, length=30),
        FieldSpec("Website", DataType.WEBSITE, "Website", _B + 11, length=255),
        FieldSpec("Exchange_Rate", DataType.DOUBLE, "Exchange Rate", _B + 12, length=16, decimal_place=9),
        FieldSpec("Description", DataType.TEXTAREA, "Description", _B + 13, length=32000),
        FieldSpec("Owner", DataType.OWNERLOOKUP, "Account Owner", _B + 14),
        FieldSpec("Created_By", DataType.OWNERLOOKUP, "Created By", _B + 15, read_only=True),
        FieldSpec("Modified_By", DataType.OWNERLOOKUP, "Modified By", _B + 16, read_only=True),
        FieldSpec("Created_Time", DataType.DATETIME, "Created Time", _B + 17, read_only=True),
        FieldSpec("Modified_Time", DataType.DATETIME, "Modified Time", _B + 18, read_only=True),
    ),
    upsert=True, clone=True, timeline=True, change_owner=True,
    duplicate_check_fields=("Account_Name",),
    name_field="Account_Name",
    territory_field="Territories",
    territory_limit=10,
)

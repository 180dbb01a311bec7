"""``Services__s`` and its multi-user linking module as metadata (``12-platform.md`` §6.3)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import FieldSpec, ModuleSpec
from zcrm_local.domain.records.fields_json import PicklistValue, fields_json
from zcrm_local.domain.records.values import WEEKDAYS

# Id suffixes: Services module 5_100_000 (fields 5_100_001…), its linking module 5_200_000.
SERVICES_ID = 5_100_000
LINK_ID = 5_200_000

LOCATIONS = ("Client Address", "Business Address", "Business Address and Client Address")
AVAILABILITY_TYPES = ("Every Business Days", "Specific Date Range", "Specific Date(s)", "Specific Day(s)")
EVERY_BUSINESS_DAYS, DATE_RANGE, SPECIFIC_DATES, SPECIFIC_DAYS = AVAILABILITY_TYPES
AVAILABLE = "Available"
TEMPORARILY_UNAVAILABLE = "Temporarily Unavailable"
NOT_IN_USE = "Not in Use"
SCHEDULED = "Scheduled"
STATUSES_DOCUMENTED = (AVAILABLE, TEMPORARILY_UNAVAILABLE, NOT_IN_USE)
STATUSES_LIVE = (*STATUSES_DOCUMENTED, SCHEDULED)
YES_NO = ("Yes", "No")

LINK_MODULE = "Services_X_Users"


def _f(suffix: int, api_name: str, data_type: T, label: str, **kw: Any) -> FieldSpec:
    return FieldSpec(api_name, data_type, label, SERVICES_ID + suffix, **kw)


# Order = the order of the create keys (§4.2): step 1 reports the first bad key in this order.
SERVICE_FIELDS: tuple[FieldSpec, ...] = (
    _f(1, "Service_Name", T.TEXT, "Service Name", length=120, mandatory=True),
    _f(2, "Duration", T.INTEGER, "Duration", length=9, mandatory=True),
    _f(3, "Location", T.PICKLIST, "Location", length=100, mandatory=True, picklist=LOCATIONS),
    _f(4, "Members", T.MULTIUSERLOOKUP, "Members", mandatory=True, linking_module=LINK_MODULE),
    _f(5, "Availability_Type", T.PICKLIST, "Availability Type", length=100, mandatory=True,
       picklist=AVAILABILITY_TYPES),
    _f(6, "Available_From", T.DATE, "Available From"),
    _f(7, "Available_Till", T.DATE, "Available Till"),
    _f(8, "Available_Dates", T.MULTI_DATE, "Available Dates"),
    _f(9, "Available_Days", T.MULTISELECTPICKLIST, "Available Days", picklist=WEEKDAYS),
    _f(10, "Price", T.CURRENCY, "Price", length=16, mandatory=True, decimal_place=2),
    _f(11, "Available_Timings", T.TIME_RANGE, "Available Timings"),
    _f(12, "Tax", T.MULTISELECTPICKLIST, "Tax"),
    _f(13, "Job_Sheet_Required", T.PICKLIST, "Job Sheet Required", length=3, picklist=YES_NO),
    _f(14, "Job_Sheet_Section__s", T.PICKLIST, "Job Sheet Section", length=120),
    _f(15, "Status", T.PICKLIST, "Status", length=120, picklist=STATUSES_LIVE),
    _f(16, "Unavailable_From", T.DATETIME, "Unavailable From"),
    _f(17, "Unavailable_Till", T.DATETIME, "Unavailable Till"),
    _f(18, "Description", T.TEXTAREA, "Description", length=32000),
    _f(19, "Owner", T.OWNERLOOKUP, "Service Owner"),
    _f(20, "Created_By", T.OWNERLOOKUP, "Created By", read_only=True),
    _f(21, "Modified_By", T.OWNERLOOKUP, "Modified By", read_only=True),
    _f(22, "Created_Time", T.DATETIME, "Created Time", read_only=True),
    _f(23, "Modified_Time", T.DATETIME, "Modified Time", read_only=True),
    _f(24, "Record_Image", T.PROFILEIMAGE, "Record Image", read_only=True),
    _f(25, "Record_Status__s", T.PICKLIST, "Record Status", read_only=True, picklist=(AVAILABLE,)),
    _f(26, "Tag", T.TEXT, "Tag", read_only=True),
)

SERVICES = ModuleSpec(
    api_name="Services__s",
    module_name="Services",
    singular_label="Service",
    plural_label="Services",
    id_suffix=SERVICES_ID,
    fields=SERVICE_FIELDS,
    writer="services",
    upsert=True, clone=True, timeline=True,
    name_field="Service_Name",
)

# The linking module only exists to type ``Members`` entries; the SDK fetches its fields.
SERVICES_X_USERS = ModuleSpec(
    api_name=LINK_MODULE,
    module_name=LINK_MODULE,
    singular_label="Services X Users",
    plural_label="Services X Users",
    id_suffix=LINK_ID,
    fields=(
        FieldSpec("Services", T.LOOKUP, "Services", LINK_ID + 1, lookup_module="Services__s"),
        FieldSpec("Members", T.USERLOOKUP, "Members", LINK_ID + 2),
    ),
    api_supported=False,
    generated_type="linking",
)

# Field-object keys that the data type alone does not give (§6.3).
_FIELD_OVERRIDES: dict[str, dict[str, Any]] = {
    "Tag": {"json_type": "jsonarray"},
}


def statuses(profile: str) -> tuple[str, ...]:
    """Status values accepted (and listed in metadata) under a fidelity profile (Q-21)."""
    return STATUSES_LIVE if profile == "live" else STATUSES_DOCUMENTED


def services_fields_json(
    org_prefix: int,
    *,
    profile: str,
    tax_values: Sequence[tuple[str, str]],
    job_sheet_sections: Iterable[str],
    module_id: Any = lambda name: None,
    available_dates_as_date: bool = False,
) -> dict[str, Any]:
    """``GET /settings/fields?module=Services__s``.

    ``tax_values``: ``(tax id, "<name> - <rate> %")`` per org tax (``taxes.tax_picklist``).
    ``available_dates_as_date``: type ``Available_Dates`` as ``date`` (the Java-SDK reading,
    Q-33); render records with ``RenderContext.null_when_empty={"Available_Dates"}`` then.
    """
    overrides = dict(_FIELD_OVERRIDES)
    if available_dates_as_date:
        overrides["Available_Dates"] = {"data_type": "date", "json_type": "string"}
    picklists = {
        "Status": [PicklistValue(value, value) for value in statuses(profile)],
        "Tax": [PicklistValue(label, label, tax_id) for tax_id, label in tax_values],
        "Job_Sheet_Section__s": [PicklistValue(name, name) for name in job_sheet_sections],
    }
    return fields_json(org_prefix, SERVICES, picklists=picklists, module_id=module_id, overrides=overrides)

"""Deals: the minimal field set of spec 21 §15 (``Amount`` is the seed sample's rule field)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType, FieldSpec, ModuleSpec

from zcrm_local.domain.records.modules.leads import LEAD_SOURCES

STAGES: tuple[str, ...] = (
    "Qualification",
    "Needs Analysis",
    "Value Proposition",
    "Id. Decision Makers",
    "Perception Analysis",
    "Proposal/Price Quote",
    "Negotiation/Review",
    "Closed Won",
    "Closed Lost",
    "Closed Lost to Competition",
)
DEAL_TYPES: tuple[str, ...] = ("-None-", "Existing Business", "New Business")

_B = 4_000_000

SPEC = ModuleSpec(
    api_name="Deals",
    module_name="Deals",
    singular_label="Deal",
    plural_label="Deals",
    id_suffix=4000,
    fields=(
        FieldSpec("Deal_Name", DataType.TEXT, "Deal Name", _B + 1, length=120, mandatory=True),
        FieldSpec("Amount", DataType.CURRENCY, "Amount", _B + 2, length=16, decimal_place=2),
        FieldSpec("Stage", DataType.PICKLIST, "Stage", _B + 3, length=120, mandatory=True, picklist=STAGES),
        FieldSpec("Closing_Date", DataType.DATE, "Closing Date", _B + 4, mandatory=True),
        FieldSpec("Account_Name", DataType.LOOKUP, "Account Name", _B + 5, lookup_module="Accounts"),
        FieldSpec("Contact_Name", DataType.LOOKUP, "Contact Name", _B + 6, lookup_module="Contacts"),
        FieldSpec("Probability", DataType.INTEGER, "Probability (%)", _B + 7, length=3),
        FieldSpec("Lead_Source", DataType.PICKLIST, "Lead Source", _B + 8, length=120, picklist=LEAD_SOURCES),
        FieldSpec("Type", DataType.PICKLIST, "Type", _B + 9, length=120, picklist=DEAL_TYPES),
        FieldSpec("Expected_Revenue", DataType.CURRENCY, "Expected Revenue", _B + 10, length=16,
                  decimal_place=2, read_only=True),
        FieldSpec("Description", DataType.TEXTAREA, "Description", _B + 11, length=32000),
        FieldSpec("Owner", DataType.OWNERLOOKUP, "Deal Owner", _B + 12),
        FieldSpec("Created_By", DataType.OWNERLOOKUP, "Created By", _B + 13, read_only=True),
        FieldSpec("Modified_By", DataType.OWNERLOOKUP, "Modified By", _B + 14, read_only=True),
        FieldSpec("Created_Time", DataType.DATETIME, "Created Time", _B + 15, read_only=True),
        FieldSpec("Modified_Time", DataType.DATETIME, "Modified Time", _B + 16, read_only=True),
    ),
    upsert=True, clone=True, timeline=True, change_owner=True,
    duplicate_check_fields=("Deal_Name",),
    name_field="Deal_Name",
    territory_field="Territory",
    territory_limit=1,
)

"""Deals (spec 40 §2.4): the fields of spec 21 §15 first (their ids are fixed; ``Amount`` is the seed
sample's rule field), then the rest of the standard list."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType, FieldSpec, ModuleSpec

from zcrm_local.domain.records.layouts import ACTIVITY_LISTS, NOTES_ATTACHMENTS, related
from zcrm_local.domain.records.modules.common import Fields, with_none
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
LOSS_REASONS = with_none("Price", "Competition", "Lost to Competitor", "No Budget", "No Decision", "Other")
_LISTS = (*NOTES_ATTACHMENTS, related("Contact_Roles", "Contact Roles", "Contacts"), *ACTIVITY_LISTS,
          related("Products"), related("Quotes"), related("Sales_Orders", "Sales Orders"),
          related("Stage_History", "Stage History", "Stage_History"))

_MORE = (
    Fields(_B, start=16)
    .lookup("Campaign_Source", "Campaigns", "Campaign Source")
    .text("Next_Step", 100, "Next Step")
    .picklist("Reason_For_Loss__s", LOSS_REASONS, "Reason For Loss")
    .add("Sales_Cycle_Duration", DataType.INTEGER, "Sales Cycle Duration", length=9, read_only=True)
    .add("Overall_Sales_Duration", DataType.INTEGER, "Overall Sales Duration", length=9, read_only=True)
    .add("Lead_Conversion_Time", DataType.INTEGER, "Lead Conversion Time", length=9, read_only=True)
    .system_fields(last_activity=True)
    .build()
)

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
        *_MORE,
    ),
    scope_word="deals", sequence_number=4, upsert=True, clone=True, timeline=True, change_owner=True,
    duplicate_check_fields=("Deal_Name",), display_field="Deal_Name", section_label="Deal Information",
    related_lists=_LISTS,
    territory_field="Territory",
    territory_limit=1,
)

"""Campaigns (spec 40 §2.8)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import ACTIVITY_LISTS, NOTES_ATTACHMENTS, related

from zcrm_local.domain.records.modules.common import Fields, with_none

CAMPAIGN_TYPES = with_none("Conference", "Webinar", "Trade Show", "Public Relations", "Partners",
                           "Referral Program", "Advertisement", "Banner Ads", "Direct mail", "Email",
                           "Telemarketing", "Others")
CAMPAIGN_STATUSES = with_none("Planning", "Active", "Inactive", "Complete", "In Progress")

_CAMPAIGNS = 11_100_000


SPEC = ModuleSpec(
    api_name="Campaigns", module_name="Campaigns", singular_label="Campaign", plural_label="Campaigns",
    id_suffix=_CAMPAIGNS,
    fields=Fields(_CAMPAIGNS)
    .text("Campaign_Name", 120, "Campaign Name", mandatory=True)
    .picklist("Type", CAMPAIGN_TYPES)
    .picklist("Status", CAMPAIGN_STATUSES)
    .add("Start_Date", T.DATE, "Start Date")
    .add("End_Date", T.DATE, "End Date")
    .currency("Expected_Revenue", "Expected Revenue")
    .currency("Budgeted_Cost", "Budgeted Cost")
    .currency("Actual_Cost", "Actual Cost")
    .add("Expected_Response", T.INTEGER, "Expected Response", length=9)
    .add("Num_sent", T.INTEGER, "Num sent", length=9)
    .lookup("Parent_Campaign", "Campaigns", "Parent Campaign")
    .owner_fields("Campaign Owner").system_fields(description=True).build(),
    scope_word="campaigns", sequence_number=13, upsert=True, clone=True, change_owner=True,
    duplicate_check_fields=("Campaign_Name",), display_field="Campaign_Name",
    section_label="Campaign Information",
    related_lists=(*NOTES_ATTACHMENTS, related("Leads"), related("Contacts"), *ACTIVITY_LISTS),
)

"""Campaigns, Cases and Solutions (spec 40 §2.8)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import ACTIVITY_LISTS, NOTES_ATTACHMENTS, related

from .common import Fields, with_none

CAMPAIGN_TYPES = with_none("Conference", "Webinar", "Trade Show", "Public Relations", "Partners",
                           "Referral Program", "Advertisement", "Banner Ads", "Direct mail", "Email",
                           "Telemarketing", "Others")
CAMPAIGN_STATUSES = with_none("Planning", "Active", "Inactive", "Complete", "In Progress")
CASE_STATUSES = ("New", "On Hold", "Escalated", "Closed", "In Progress")
CASE_ORIGINS = ("Email", "Phone", "Web")
CASE_PRIORITIES = with_none("High", "Medium", "Low")
CASE_TYPES = with_none("Problem", "Feature Request", "Question")
CASE_REASONS = with_none("User did not attend any training", "Complex functionality", "Existing problem",
                         "Instructions not clear", "New problem", "Product Defect")
SOLUTION_STATUSES = ("Draft", "Reviewed", "Duplicate")

_CAMPAIGNS = 11_100_000
_CASES = 11_200_000
_SOLUTIONS = 11_300_000

CAMPAIGNS = ModuleSpec(
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

CASES = ModuleSpec(
    api_name="Cases", module_name="Cases", singular_label="Case", plural_label="Cases", id_suffix=_CASES,
    fields=Fields(_CASES)
    .text("Subject", 255, mandatory=True)
    .add("Case_Number", T.AUTONUMBER, "Case Number", read_only=True)
    .picklist("Status", CASE_STATUSES, mandatory=True)
    .picklist("Case_Origin", CASE_ORIGINS, "Case Origin", mandatory=True)
    .picklist("Priority", CASE_PRIORITIES)
    .picklist("Type", CASE_TYPES)
    .picklist("Case_Reason", CASE_REASONS, "Case Reason")
    .lookup("Product_Name", "Products", "Product Name")
    .lookup("Account_Name", "Accounts", "Account Name")
    .lookup("Deal_Name", "Deals", "Deal Name")
    .lookup("Related_To", "Contacts", "Related To")
    .add("Email", T.EMAIL, length=100)
    .add("Phone", T.PHONE, length=30)
    .text("Reported_By", 120, "Reported By")
    .add("Internal_Comments", T.TEXTAREA, "Internal Comments", length=32000, textarea_type="large")
    .add("Solution", T.TEXTAREA, length=32000, textarea_type="large")
    .add("Comments", T.TEXTAREA, length=32000, textarea_type="large")
    .add("Add_Comment", T.TEXTAREA, "Add Comment", length=32000, read_only=True)
    .add("No_of_comments", T.INTEGER, "No of comments", length=9, read_only=True)
    .owner_fields("Case Owner").system_fields(description=True).build(),
    scope_word="cases", sequence_number=14, upsert=True, clone=True, change_owner=True,
    duplicate_check_fields=("Subject",), display_field="Subject", section_label="Case Information",
    related_lists=(*NOTES_ATTACHMENTS, *ACTIVITY_LISTS),
)

SOLUTIONS = ModuleSpec(
    api_name="Solutions", module_name="Solutions", singular_label="Solution", plural_label="Solutions",
    id_suffix=_SOLUTIONS,
    fields=Fields(_SOLUTIONS)
    .text("Solution_Title", 255, "Solution Title", mandatory=True)
    .add("Solution_Number", T.AUTONUMBER, "Solution Number", read_only=True)
    .picklist("Status", SOLUTION_STATUSES)
    .add("Question", T.TEXTAREA, length=32000, textarea_type="large")
    .add("Answer", T.TEXTAREA, length=32000, textarea_type="large")
    .add("Published", T.BOOLEAN)
    .lookup("Product_Name", "Products", "Product Name")
    .owner_fields("Solution Owner").system_fields(description=True).build(),
    scope_word="solutions", sequence_number=15, upsert=True, clone=True, change_owner=True,
    duplicate_check_fields=("Solution_Title",), display_field="Solution_Title",
    section_label="Solution Information", related_lists=NOTES_ATTACHMENTS,
)

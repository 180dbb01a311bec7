"""Cases (spec 40 §2.8)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import ACTIVITY_LISTS, NOTES_ATTACHMENTS

from zcrm_local.domain.records.modules.common import Fields, with_none

CASE_STATUSES = ("New", "On Hold", "Escalated", "Closed", "In Progress")
CASE_ORIGINS = ("Email", "Phone", "Web")
CASE_PRIORITIES = with_none("High", "Medium", "Low")
CASE_TYPES = with_none("Problem", "Feature Request", "Question")
CASE_REASONS = with_none("User did not attend any training", "Complex functionality", "Existing problem",
                         "Instructions not clear", "New problem", "Product Defect")

_CASES = 11_200_000


SPEC = ModuleSpec(
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

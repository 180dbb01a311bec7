"""Solutions (spec 40 §2.8)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import NOTES_ATTACHMENTS

from zcrm_local.domain.records.modules.common import Fields

SOLUTION_STATUSES = ("Draft", "Reviewed", "Duplicate")


_SOLUTIONS = 11_300_000


SPEC = ModuleSpec(
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

"""Notes (spec 40 §2.9): system-hidden, not a tab; ``Parent_Id`` names a record of any module."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec

from zcrm_local.domain.records.modules.common import Fields

_B = 11_400_000

SPEC = ModuleSpec(
    api_name="Notes", module_name="Notes", singular_label="Note", plural_label="Notes", id_suffix=_B,
    fields=Fields(_B)
    .text("Note_Title", 120, "Note Title")
    .add("Note_Content", T.TEXTAREA, "Note Content", length=65535, mandatory=True, textarea_type="large")
    .add("Parent_Id", T.MULTI_MODULE_LOOKUP, "Parent ID", mandatory=True)
    .text("Associated_Id__s", 255, "Associated Id", read_only=True)
    .owner_fields("Note Owner").system_fields().build(),
    scope_word="notes", sequence_number=16, timeline=True, deleted_api=False, status="system_hidden",
    show_as_tab=False, section_label="Note Information",
)

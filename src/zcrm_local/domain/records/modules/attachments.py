"""Attachments (spec 40 §2.9, RQ-1): metadata and related lists only; record writes through
``/Attachments`` are refused."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec

from zcrm_local.domain.records.modules.common import Fields

_B = 11_500_000

SPEC = ModuleSpec(
    api_name="Attachments", module_name="Attachments", singular_label="Attachment", plural_label="Attachments",
    id_suffix=_B,
    fields=Fields(_B)
    .text("File_Name", 255, "File Name", read_only=True)
    .text("Size", 100, read_only=True)
    .add("Parent_Id", T.MULTI_MODULE_LOOKUP, "Parent ID", read_only=True)
    .owner_fields("Attachment Owner").build(),
    scope_word="attachments", sequence_number=17, deleted_api=False, record_writes=False,
    status="system_hidden", show_as_tab=False, section_label="Attachment Information",
)

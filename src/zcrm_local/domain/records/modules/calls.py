"""Calls (spec 40 §2.5)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import NOTES_ATTACHMENTS

from zcrm_local.domain.records.modules.common import Fields, activity_links, with_none

CALL_TYPES = ("Inbound", "Outbound", "Missed")
CALL_PURPOSES = with_none("Prospecting", "Administrative", "Negotiation", "Demo", "Project", "Desk")

_CALLS = 10_300_000


SPEC = ModuleSpec(
    api_name="Calls", module_name="Calls", singular_label="Call", plural_label="Calls", id_suffix=_CALLS,
    fields=activity_links(
        Fields(_CALLS)
        .text("Subject", 255, mandatory=True)
        .picklist("Call_Type", CALL_TYPES, "Call Type", mandatory=True)
        .add("Call_Start_Time", T.DATETIME, "Call Start Time", mandatory=True)
        .text("Call_Duration", 10, "Call Duration")
        .add("Call_Duration_in_seconds", T.INTEGER, "Call Duration (in seconds)", length=9, read_only=True)
        .picklist("Call_Purpose", CALL_PURPOSES, "Call Purpose")
        .text("Call_Result", 255, "Call Result")
        .text("Call_Agenda", 255, "Call Agenda")
        .text("Caller_ID", 30, "Caller ID")
        .text("Dialled_Number", 30, "Dialled Number")
    ).owner_fields("Call Owner").system_fields(description=True).build(),
    scope_word="calls", sequence_number=5, clone=True, timeline=True, change_owner=True, display_field="Subject",
    section_label="Call Information", related_lists=NOTES_ATTACHMENTS,
)

"""Appointments_Rescheduled_History__s (spec 80 §3.2 keys)."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec

from zcrm_local.domain.records.modules.appointments import REASONS
from zcrm_local.domain.records.modules.common import Fields

_B = 11_700_000

SPEC = ModuleSpec(
    api_name="Appointments_Rescheduled_History__s", module_name="Appointments_Rescheduled_History",
    singular_label="Appointment Rescheduled History", plural_label="Appointments Rescheduled History",
    id_suffix=_B,
    fields=Fields(_B)
    .text("Name", 120)
    .lookup("Appointment_Name", "Appointments__s", "Appointment Name", mandatory=True)
    .add("Rescheduled_From", T.DATETIME, "Rescheduled From", mandatory=True)
    .add("Rescheduled_To", T.DATETIME, "Rescheduled To", mandatory=True)
    .add("Rescheduled_Time", T.DATETIME, "Rescheduled Time", mandatory=True)
    .add("Rescheduled_By", T.USERLOOKUP, "Rescheduled By", mandatory=True)
    .picklist("Reschedule_Reason", REASONS, "Reschedule Reason")
    .add("Reschedule_Note", T.TEXTAREA, "Reschedule Note", length=2000, textarea_type="small")
    .owner_fields("Owner").system_fields().build(),
    scope_word="appointments_rescheduled_history", sequence_number=19, upsert=True, clone=True,
    display_field="Name", section_label="Appointment Rescheduled History Information",
)

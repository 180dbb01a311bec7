"""Appointments__s (spec 40 §2.9, field metadata of spec 80 §1.3). Its own booking rules are
spec 80's; here the records engine applies the generic rules of its metadata."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import NOTES_ATTACHMENTS, related

from zcrm_local.domain.records.modules.common import Fields

LOCATIONS = ("Client Address", "Business Address")
STATUSES = ("Scheduled", "Overdue", "Completed", "Cancelled")
REASONS = ("By Customer", "By Team")

_B = 11_600_000

SPEC = ModuleSpec(
    api_name="Appointments__s", module_name="Appointments", singular_label="Appointment",
    plural_label="Appointments", id_suffix=_B,
    fields=Fields(_B)
    .text("Appointment_Name", 225, "Appointment Name", mandatory=True)
    .add("Appointment_For", T.MULTI_MODULE_LOOKUP, "Appointment For", mandatory=True)
    .lookup("Service_Name", "Services__s", "Service Name", mandatory=True)
    .add("Appointment_Start_Time", T.DATETIME, "Appointment Start Time", mandatory=True)
    .add("Appointment_End_Time", T.DATETIME, "Appointment End Time", read_only=True)
    .add("Duration", T.INTEGER, length=9, read_only=True)
    .picklist("Location", LOCATIONS)
    .text("Address", 255)
    .picklist("Status", STATUSES)
    .add("Remind_At", T.MULTIREMINDER, "Reminder")
    .add("Rescheduled_To", T.DATETIME, "Rescheduled To", read_only=True)
    .add("Rescheduled_Time", T.DATETIME, "Rescheduled Time", read_only=True)
    .add("Rescheduled_From", T.DATETIME, "Rescheduled From")
    .add("Cancelled_Time", T.DATETIME, "Cancelled Time", read_only=True)
    .add("Reschedule_Count", T.INTEGER, "Reschedule Count", length=9, read_only=True)
    .picklist("Reschedule_Reason", REASONS, "Reschedule Reason")
    .picklist("Cancellation_Reason", REASONS, "Cancellation Reason")
    .add("Additional_Information", T.TEXTAREA, "Additional Information", length=32000, textarea_type="large")
    .add("Reschedule_Note", T.TEXTAREA, "Reschedule Note", length=2000, textarea_type="small")
    .add("Cancellation_Note", T.TEXTAREA, "Cancellation Note", length=2000, textarea_type="small")
    .add("Rescheduled_By", T.USERLOOKUP, "Rescheduled By", read_only=True)
    .add("Cancelled_By", T.USERLOOKUP, "Cancelled By", read_only=True)
    .text("Job_Sheet_Name__s", 120, "Job Sheet Name")
    .add("Job_Sheet_Description__s", T.TEXTAREA, "Job Sheet Description", length=32000, textarea_type="large")
    .add("Job_Sheet_Created__s", T.BOOLEAN, "Job Sheet Created", read_only=True)
    .owner_fields("Appointment Owner").system_fields().build(),
    scope_word="appointments", sequence_number=18, upsert=True, clone=True, timeline=True,
    display_field="Appointment_Name", section_label="Appointment Information",
    related_lists=(*NOTES_ATTACHMENTS, related("Services__s", "Services")),
)

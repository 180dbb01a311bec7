"""Tasks, Events (module name Meetings) and Calls (spec 40 §2.5).

``What_Id`` points at a record of one of several modules named by ``$se_module``; its checks
belong to the field-value rules, here it is metadata only.
"""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import NOTES_ATTACHMENTS

from .common import Fields, with_none

TASK_STATUSES = ("Not Started", "Deferred", "In Progress", "Completed", "Waiting for input")
TASK_PRIORITIES = ("High", "Highest", "Low", "Lowest", "Normal")
CALL_TYPES = ("Inbound", "Outbound", "Missed")
CALL_PURPOSES = with_none("Prospecting", "Administrative", "Negotiation", "Demo", "Project", "Desk")

_TASKS = 10_100_000
_EVENTS = 10_200_000
_CALLS = 10_300_000


def _related(fields: Fields) -> Fields:
    return (fields.lookup("Who_Id", "Contacts", "Contact Name")
            .add("What_Id", T.MULTI_MODULE_LOOKUP, "Related To"))


TASKS = ModuleSpec(
    api_name="Tasks", module_name="Tasks", singular_label="Task", plural_label="Tasks", id_suffix=_TASKS,
    fields=_related(
        Fields(_TASKS)
        .text("Subject", 255, mandatory=True)
        .add("Due_Date", T.DATE, "Due Date")
        .picklist("Status", TASK_STATUSES)
        .picklist("Priority", TASK_PRIORITIES)
        .add("Closed_Time", T.DATETIME, "Closed Time", read_only=True)
        .add("Send_Notification_Email", T.BOOLEAN, "Send Notification Email")
        .add("Recurring_Activity", T.RRULE, "Repeat")
        .add("Remind_At", T.ALARM, "Reminder")
    ).owner_fields("Task Owner").system_fields(description=True).build(),
    scope_word="tasks", sequence_number=5, clone=True, timeline=True, change_owner=True,
    section_label="Task Information", related_lists=NOTES_ATTACHMENTS,
)

EVENTS = ModuleSpec(
    api_name="Events", module_name="Meetings", singular_label="Meeting", plural_label="Meetings", id_suffix=_EVENTS,
    fields=_related(
        Fields(_EVENTS)
        .text("Event_Title", 255, "Title", mandatory=True)
        .add("Start_DateTime", T.DATETIME, "From", mandatory=True)
        .add("End_DateTime", T.DATETIME, "To", mandatory=True)
        .add("All_day", T.BOOLEAN, "All day")
        .text("Venue", 255)
        .add("Participants", T.PARTICIPANTS, "Participants")
        .add("Remind_At", T.MULTIREMINDER, "Reminder")
        .add("Recurring_Activity", T.RRULE, "Repeat")
    ).owner_fields("Host").system_fields(description=True).build(),
    scope_word="events", sequence_number=5, clone=True, timeline=True, change_owner=True,
    section_label="Meeting Information", related_lists=NOTES_ATTACHMENTS,
)

CALLS = ModuleSpec(
    api_name="Calls", module_name="Calls", singular_label="Call", plural_label="Calls", id_suffix=_CALLS,
    fields=_related(
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
    scope_word="calls", sequence_number=5, clone=True, timeline=True, change_owner=True,
    section_label="Call Information", related_lists=NOTES_ATTACHMENTS,
)

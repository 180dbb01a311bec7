"""Tasks (spec 40 §2.5); ``What_Id`` is metadata here, its checks belong to the field-value rules."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import NOTES_ATTACHMENTS

from zcrm_local.domain.records.modules.common import Fields, activity_links

STATUSES = ("Not Started", "Deferred", "In Progress", "Completed", "Waiting for input")
PRIORITIES = ("High", "Highest", "Low", "Lowest", "Normal")

_TASKS = 10_100_000


SPEC = ModuleSpec(
    api_name="Tasks", module_name="Tasks", singular_label="Task", plural_label="Tasks", id_suffix=_TASKS,
    fields=activity_links(
        Fields(_TASKS)
        .text("Subject", 255, mandatory=True)
        .add("Due_Date", T.DATE, "Due Date")
        .picklist("Status", STATUSES)
        .picklist("Priority", PRIORITIES)
        .add("Closed_Time", T.DATETIME, "Closed Time", read_only=True)
        .add("Send_Notification_Email", T.BOOLEAN, "Send Notification Email")
        .add("Recurring_Activity", T.RRULE, "Repeat")
        .add("Remind_At", T.ALARM, "Reminder")
    ).owner_fields("Task Owner").system_fields(description=True).build(),
    scope_word="tasks", sequence_number=5, clone=True, timeline=True, change_owner=True, display_field="Subject",
    section_label="Task Information", related_lists=NOTES_ATTACHMENTS,
)

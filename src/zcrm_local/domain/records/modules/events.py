"""Events, module name Meetings (spec 40 §2.5): the API name stays ``Events``."""

from __future__ import annotations

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import ModuleSpec
from zcrm_local.domain.records.layouts import NOTES_ATTACHMENTS

from zcrm_local.domain.records.modules.common import Fields, activity_links

_EVENTS = 10_200_000


SPEC = ModuleSpec(
    api_name="Events", module_name="Meetings", singular_label="Meeting", plural_label="Meetings", id_suffix=_EVENTS,
    fields=activity_links(
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
    display_field="Event_Title",
    section_label="Meeting Information", related_lists=NOTES_ATTACHMENTS,
)

"""Layouts and related lists of a module (spec 40 §1.5–§1.6).

Every standard module has one layout, ``Standard`` (``Standard__s``), with one section that
holds every field in field order. Related lists are data on the ``ModuleSpec``. Ids are org
scoped and derived from the module's id suffix, so they are stable without being stored.
"""

from __future__ import annotations

from dataclasses import dataclass

# Offsets from a module's id suffix: fields use +1…, so these stay clear of them.
LAYOUT_OFFSET = 90_000
SECTION_OFFSET = 91_000
RELATED_LIST_OFFSET = 95_000


@dataclass(frozen=True)
class RelatedListSpec:
    """One related list: ``module`` names the records it shows (``None`` for grouped views)."""

    api_name: str
    display_label: str
    module: str | None = None
    type: str = "default"  # default | multiselectlookup | grouped
    href: bool = True  # ``"{Module}/{ENTITYID}/{api_name}"``; grouped views have none
    name: str | None = None  # defaults to api_name


def related(api_name: str, label: str | None = None, module: str | None = None, *, grouped: bool = False
            ) -> RelatedListSpec:
    """A related list whose records are of ``module`` (default: the list's own name)."""
    if grouped:
        return RelatedListSpec(api_name, label or api_name.replace("_", " "), None, "grouped", href=False)
    return RelatedListSpec(api_name, label or api_name.replace("_", " "), module or api_name)


ACTIVITY_LISTS: tuple[RelatedListSpec, ...] = (
    related("Activities_Chronological_View", "Open Activities", grouped=True),
    related("Activities_Chronological_View_History", "Closed Activities", grouped=True),
    related("Calls", "Open Calls"),
    related("Events", "Open Meetings"),
    related("Tasks", "Open Tasks"),
    related("Calls_History", "Closed Calls", "Calls"),
    related("Events_History", "Closed Meetings", "Events"),
    related("Tasks_History", "Closed Tasks", "Tasks"),
    related("Emails", "Emails", "Emails"),
)
NOTES_ATTACHMENTS: tuple[RelatedListSpec, ...] = (related("Notes"), related("Attachments"))

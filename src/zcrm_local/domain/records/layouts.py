"""Layouts and related lists of a module (spec 40 §1.5–§1.6).

Every standard module has one layout, ``Standard`` (``Standard__s``), with one section that
holds every field in field order. Related lists are data on the ``ModuleSpec``. Ids are org
scoped and derived from the module's id suffix, so they are stable without being stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from zcrm_local.domain.metadata import scoped_id

if TYPE_CHECKING:
    from zcrm_local.domain.metadata import ModuleSpec

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


def standard_layout_id(prefix: int, module: ModuleSpec) -> str:
    return scoped_id(prefix, module.id_suffix + LAYOUT_OFFSET)


def record_layout(prefix: int, module: ModuleSpec) -> dict[str, str] | None:
    """What a record of ``module`` reads under ``Layout`` (spec 40 §1.5), if it shows one."""
    if not module.layout_on_records:
        return None
    return {"name": "Standard", "id": standard_layout_id(prefix, module)}

"""Shared pieces of the standard-module specs (spec 40 §2.0): a field-list builder that hands
out stable id suffixes in order, and the fields every module carries.

Suffixes are positions: a field keeps its id only while the list before it is unchanged, so
new fields are always appended.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zcrm_local.domain.metadata import DataType as T
from zcrm_local.domain.metadata import FieldSpec

RECORD_STATUS = ("Available",)


class Fields:
    """``Fields(base).add(...).add(...).build()``; the n-th field gets suffix ``base + n``."""

    def __init__(self, base: int, start: int = 0) -> None:
        self.base = base
        self.count = start
        self.out: list[FieldSpec] = []

    def add(self, api_name: str, data_type: T, label: str | None = None, **kw: Any) -> Fields:
        self.count += 1
        self.out.append(FieldSpec(api_name, data_type, label or api_name.replace("_", " ").strip(),
                                  self.base + self.count, **kw))
        return self

    def text(self, api_name: str, length: int = 255, label: str | None = None, **kw: Any) -> Fields:
        return self.add(api_name, T.TEXT, label, length=length, **kw)

    def picklist(self, api_name: str, values: tuple[str, ...], label: str | None = None, **kw: Any) -> Fields:
        return self.add(api_name, T.PICKLIST, label, length=120, picklist=values, **kw)

    def currency(self, api_name: str, label: str | None = None, **kw: Any) -> Fields:
        return self.add(api_name, T.CURRENCY, label, length=16, decimal_place=2, **kw)

    def lookup(self, api_name: str, module: str, label: str | None = None, **kw: Any) -> Fields:
        return self.add(api_name, T.LOOKUP, label, lookup_module=module, **kw)

    def owner_fields(self, owner_label: str) -> Fields:
        """Owner and the four audit fields, in the order the existing modules use."""
        return (self.add("Owner", T.OWNERLOOKUP, owner_label)
                .add("Created_By", T.OWNERLOOKUP, "Created By", read_only=True)
                .add("Modified_By", T.OWNERLOOKUP, "Modified By", read_only=True)
                .add("Created_Time", T.DATETIME, "Created Time", read_only=True)
                .add("Modified_Time", T.DATETIME, "Modified Time", read_only=True))

    def system_fields(self, *, description: bool = False, image: bool = False,
                      last_activity: bool = False) -> Fields:
        """The §2.0 fields after the owner block: Tag, record status, lock flag and, where the
        module has them, description, record image and last activity time."""
        self.add("Tag", T.TEXT, "Tag", read_only=True, json="jsonarray", default=())
        self.add("Record_Status__s", T.PICKLIST, "Record Status", length=120, read_only=True,
                 picklist=RECORD_STATUS, default="Available")
        self.add("Locked__s", T.BOOLEAN, "Locked", read_only=True, default=False)
        if description:
            self.add("Description", T.TEXTAREA, "Description", length=32000, textarea_type="large")
        if image:
            self.add("Record_Image", T.PROFILEIMAGE, "Record Image", length=255, read_only=True)
        if last_activity:
            self.add("Last_Activity_Time", T.DATETIME, "Last Activity Time", read_only=True)
        return self

    def build(self) -> tuple[FieldSpec, ...]:
        return tuple(self.out)


def full_name(record: Mapping[str, Any]) -> str | None:
    """``First_Name + " " + Last_Name``, no salutation (spec 40 §2.1)."""
    parts = [record.get("First_Name"), record.get("Last_Name")]
    joined = " ".join(str(p) for p in parts if p)
    return joined or None


def with_none(*values: str) -> tuple[str, ...]:
    return ("-None-", *values)


def activity_links(fields: Fields) -> Fields:
    """``Who_Id`` (a contact) and ``What_Id`` (a record of one of several modules, named by
    ``$se_module``): the two links every activity carries (spec 40 §2.5)."""
    return fields.lookup("Who_Id", "Contacts", "Contact Name").add("What_Id", T.MULTI_MODULE_LOOKUP, "Related To")

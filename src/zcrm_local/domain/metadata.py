"""Field and module metadata: the vocabulary the records engine and the fields API share.

A module is data (a ``ModuleSpec``); validating, storing and rendering its records is generic.
Ids of fields and modules are per org: ``org prefix`` + a stable per-spec suffix.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    # Only named in an annotation: layouts.py builds its ids with ``scoped_id`` from here.
    from .records.layouts import RelatedListSpec

_T = TypeVar("_T")


class DataType(StrEnum):
    TEXT = "text"
    TEXTAREA = "textarea"
    EMAIL = "email"
    PHONE = "phone"
    WEBSITE = "website"
    INTEGER = "integer"
    BIGINT = "bigint"
    DOUBLE = "double"
    CURRENCY = "currency"
    PERCENT = "percent"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"
    PICKLIST = "picklist"
    MULTISELECTPICKLIST = "multiselectpicklist"
    LOOKUP = "lookup"
    OWNERLOOKUP = "ownerlookup"
    USERLOOKUP = "userlookup"
    MULTIUSERLOOKUP = "multiuserlookup"
    TIME_RANGE = "time_range"
    MULTI_DATE = "multi_date"
    PROFILEIMAGE = "profileimage"
    AUTONUMBER = "autonumber"
    MULTISELECTLOOKUP = "multiselectlookup"
    SUBFORM = "subform"
    FILEUPLOAD = "fileupload"
    IMAGEUPLOAD = "imageupload"
    FORMULA = "formula"
    ROLLUP_SUMMARY = "rollup_summary"
    # Types only the standard-module catalogue uses (spec 40 §2): stored as sent, rendered as stored.
    EVENT_REMINDER = "event_reminder"
    MULTIREMINDER = "multireminder"
    MULTI_MODULE_LOOKUP = "multi_module_lookup"
    RRULE = "RRULE"
    ALARM = "ALARM"
    PARTICIPANTS = "participants"
    PRICING_DETAILS = "pricing_details"


# JSON type Zoho reports for each data type (fields API ``json_type``).
JSON_TYPE: dict[DataType, str] = {
    DataType.TEXT: "string",
    DataType.TEXTAREA: "string",
    DataType.EMAIL: "string",
    DataType.PHONE: "string",
    DataType.WEBSITE: "string",
    DataType.INTEGER: "integer",
    DataType.BIGINT: "string",
    DataType.DOUBLE: "double",
    DataType.CURRENCY: "double",
    DataType.PERCENT: "double",
    DataType.BOOLEAN: "boolean",
    DataType.DATE: "string",
    DataType.DATETIME: "string",
    DataType.PICKLIST: "string",
    DataType.MULTISELECTPICKLIST: "jsonarray",
    DataType.LOOKUP: "jsonobject",
    DataType.OWNERLOOKUP: "jsonobject",
    DataType.USERLOOKUP: "jsonobject",
    DataType.MULTIUSERLOOKUP: "jsonarray",
    DataType.TIME_RANGE: "jsonarray",
    DataType.MULTI_DATE: "jsonarray",
    DataType.PROFILEIMAGE: "string",
    DataType.AUTONUMBER: "string",
    DataType.MULTISELECTLOOKUP: "jsonarray",
    DataType.SUBFORM: "jsonarray",
    DataType.FILEUPLOAD: "jsonarray",
    DataType.IMAGEUPLOAD: "jsonarray",
    DataType.FORMULA: "string",
    DataType.ROLLUP_SUMMARY: "double",
    DataType.EVENT_REMINDER: "string",
    DataType.MULTIREMINDER: "jsonarray",
    DataType.MULTI_MODULE_LOOKUP: "jsonobject",
    DataType.RRULE: "jsonobject",
    DataType.ALARM: "jsonobject",
    DataType.PARTICIPANTS: "jsonarray",
    DataType.PRICING_DETAILS: "jsonarray",
}


@dataclass(frozen=True)
class FieldSpec:
    api_name: str
    data_type: DataType
    label: str
    id_suffix: int
    length: int | None = None
    mandatory: bool = False
    read_only: bool = False
    picklist: tuple[str, ...] = ()
    decimal_place: int | None = None
    lookup_module: str | None = None
    linking_module: str | None = None
    custom: bool = False
    # Optional metadata of the catalogue (spec 40 §1.4); the defaults keep the old behaviour.
    associated_module: str | None = None  # subform rows' module
    return_type: str | None = None  # formula / rollup summary
    textarea_type: str | None = None  # "small" | "large" | "rich_text"
    json: str | None = None  # json_type when it differs from the data type's (Tag)
    # Stored on create when the item leaves the field empty (read-only system values included).
    default: Any = None
    # Read-only value derived from the merged record on every write (Full_Name).
    compute: Callable[[Mapping[str, Any]], Any] | None = None

    @property
    def json_type(self) -> str:
        if self.json is not None:
            return self.json
        return JSON_TYPE.get(self.data_type, "string")


@dataclass(frozen=True)
class ModuleSpec:
    api_name: str
    module_name: str
    singular_label: str
    plural_label: str
    id_suffix: int
    fields: tuple[FieldSpec, ...]
    # False for modules that only exist to describe another module's field (linking modules).
    api_supported: bool = True
    generated_type: str = "default"
    # ---- capabilities: what the write pipeline and the families do with the module ----
    # The record key of its territory field (OQ-20: Deals use ``Territory``) and how many
    # territories a record may hold; None: the module takes no territories (spec 21 §10).
    territory_field: str | None = None
    territory_limit: int = 0
    # The write hooks the service layer runs for its records: "generic" (metadata alone) or
    # "services" (the Services rule table and the active-services counter).
    writer: str = "generic"
    # Catalogue keys (spec 40 §1.1–§1.6); defaults keep the old behaviour.
    scope_word: str | None = None  # ZohoCRM.modules.{scope_word}.READ; None → derived from api_name
    sequence_number: int | None = None
    upsert: bool = False
    clone: bool = False
    timeline: bool = False
    change_owner: bool = False
    deleted_api: bool = True  # GET /{module}/deleted
    record_writes: bool = True  # False: POST/PUT/DELETE refused (Attachments, RQ-1)
    duplicate_check_fields: tuple[str, ...] = ()
    status: str = "visible"
    show_as_tab: bool = True
    convertable: bool = False
    # The field that names a record: /settings/modules display_field, lookups rendered with names.
    display_field: str | None = None
    section_label: str | None = None  # the Standard layout's one section
    related_lists: tuple[RelatedListSpec, ...] = ()
    layout_on_records: bool = True  # records read ``Layout`` (Services__s keeps its earlier shape)

    @property
    def name_field(self) -> str:
        """The field whose value names a record (lookups, /deleted, the recycle bin, the timeline)."""
        return self.display_field or "Name"

    def field(self, api_name: str) -> FieldSpec | None:
        for spec in self.fields:
            if spec.api_name == api_name:
                return spec
        return None


def per_module(fn: Callable[[ModuleSpec], _T]) -> Callable[[ModuleSpec], _T]:
    """Memoise a pure function of a module spec. Specs are built once and never change, so the
    answer is kept per spec object (by identity, so a test's own spec of the same name gets its
    own; bounded, whatever builds specs on the fly)."""
    memo: dict[int, tuple[ModuleSpec, _T]] = {}

    def of(module: ModuleSpec) -> _T:
        known = memo.get(id(module))
        if known is None or known[0] is not module:
            known = (module, fn(module))
            if len(memo) < 256:
                memo[id(module)] = known
        return known[1]

    return of


def scoped_id(org_prefix: int, suffix: int) -> str:
    """Org-scoped id for metadata (modules, fields, taxes…): 7-digit prefix + 12 digits."""
    return f"{org_prefix}{suffix:012d}"

"""Field and module metadata: the vocabulary the records engine and the fields API share.

A module is data (a ``ModuleSpec``); validating, storing and rendering its records is generic.
Ids of fields and modules are per org: ``org prefix`` + a stable per-spec suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

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

    @property
    def json_type(self) -> str:
        return JSON_TYPE[self.data_type]


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
    # Spec 40 §1.1 columns U/C/TL/CO: which record operations beyond list/get/insert/update/
    # delete the module serves (asking for one it lacks answers INVALID_MODULE, D-511).
    upsert: bool = False
    clone: bool = False
    timeline: bool = False
    change_owner: bool = False
    # §2.10: the system-defined fields upsert matches on, in order (custom modules: Name).
    duplicate_check_fields: tuple[str, ...] = ()
    # §13: the field whose value names a record in /deleted, the recycle bin and the timeline.
    name_field: str = "Name"

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

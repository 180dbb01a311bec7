"""Step 1 of every record write: JSON type and length of one present value, per ``DataType``.

A coercer takes a non-null wire value and returns its storage form, or raises the
``INVALID_DATA`` of ``00-conventions.md`` §4.5 (``expected_data_type`` / ``maximum_length``).
Formats that a module checks later in its own order (dates inside a ``multi_date`` list,
``HH:mm`` inside a ``time_range``) are only type-checked here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import (
    MSG_INVALID_ID,
    MSG_INVALID_RELATED_ID,
    ZohoError,
    invalid_data,
    mandatory_not_found,
    wrong_type,
)
from ..metadata import DataType, FieldSpec
from . import field_types as ft
from . import values as v

Coercer = Callable[[FieldSpec, Any, str], Any]

# ``expected_data_type`` reported per data type (captured: integer, text, date, boolean,
# jsonobject; ``long`` for bigint from spec 40 §3; the others by analogy, conventions §4.5).
EXPECTED: dict[DataType, str] = {
    DataType.TEXT: "text",
    DataType.TEXTAREA: "text",
    DataType.EMAIL: "text",
    DataType.PHONE: "text",
    DataType.WEBSITE: "text",
    DataType.PICKLIST: "text",
    DataType.AUTONUMBER: "text",
    DataType.PROFILEIMAGE: "text",
    DataType.INTEGER: "integer",
    DataType.BIGINT: "long",
    DataType.DOUBLE: "double",
    DataType.CURRENCY: "double",
    DataType.PERCENT: "double",
    DataType.BOOLEAN: "boolean",
    DataType.DATE: "date",
    DataType.DATETIME: "datetime",
    DataType.MULTISELECTPICKLIST: "jsonarray",
    DataType.MULTIUSERLOOKUP: "jsonarray",
    DataType.TIME_RANGE: "jsonarray",
    DataType.MULTI_DATE: "jsonarray",
    DataType.LOOKUP: "jsonobject",
    DataType.OWNERLOOKUP: "jsonobject",
    DataType.USERLOOKUP: "jsonobject",
    DataType.MULTISELECTLOOKUP: "jsonarray",
    DataType.SUBFORM: "jsonarray",
    DataType.FILEUPLOAD: "jsonarray",
    DataType.IMAGEUPLOAD: "jsonarray",
}

# Length a text type holds when its metadata gives none (spec 40 §3).
DEFAULT_LENGTH: dict[DataType, int] = {
    DataType.TEXT: 255,
    DataType.TEXTAREA: 32000,
    DataType.EMAIL: 100,
    DataType.PHONE: 30,
    DataType.WEBSITE: 255,
}

# Types with no input form: a value sent for them is ignored (spec 40 §3, §7.3).
READ_ONLY_TYPES = frozenset({
    DataType.AUTONUMBER, DataType.FORMULA, DataType.ROLLUP_SUMMARY, DataType.PROFILEIMAGE,
})


@dataclass(frozen=True)
class LinkEntry:
    """One entry of a multi-user-lookup list as sent.

    ``link_id`` is the association record's id (an existing link), ``user_id`` the user the
    entry adds. ``bad_link``/``bad_user`` mark ids present but unreadable: they are reported
    as unknown ids by the module's reference checks, in its own order.
    """

    index: int
    link_id: int | None = None
    user_id: int | None = None
    delete: bool = False
    bad_link: bool = False
    bad_user: bool = False


def _type_error(spec: FieldSpec, path: str) -> ZohoError:
    return wrong_type(spec.api_name, path, EXPECTED[spec.data_type])


def _text(spec: FieldSpec, value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise _type_error(spec, path)
    limit = spec.length if spec.length is not None else DEFAULT_LENGTH.get(spec.data_type)
    if limit is not None and len(value) > limit:
        raise invalid_data(spec.api_name, path, maximum_length=limit)
    return value


def _picklist(spec: FieldSpec, value: Any, path: str) -> str:
    # Length is not checked: a value not in the list is refused by the allowed-values step.
    if not isinstance(value, str):
        raise _type_error(spec, path)
    return value


def _refused(spec: FieldSpec, path: str, bad: ft.BadValue) -> ZohoError:
    if bad.maximum_length is not None:
        return invalid_data(spec.api_name, path, maximum_length=bad.maximum_length)
    return _type_error(spec, path)


def _integer(spec: FieldSpec, value: Any, path: str) -> int:
    try:
        return ft.read_integer(spec, value)
    except ft.BadValue as bad:
        raise _refused(spec, path, bad) from None


def _bigint(spec: FieldSpec, value: Any, path: str) -> str:
    # Stored and read back as a digit string (spec 40 §3: the wire form is a string).
    try:
        return str(ft.read_bigint(spec, value))
    except ft.BadValue as bad:
        raise _refused(spec, path, bad) from None


def _decimal(spec: FieldSpec, value: Any, path: str) -> str:
    try:
        return v.decimal_to_str(ft.read_decimal(spec, value))
    except ft.BadValue as bad:
        raise _refused(spec, path, bad) from None


def _boolean(spec: FieldSpec, value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise _type_error(spec, path)
    return value


def _boolean_or_word(spec: FieldSpec, value: Any, path: str) -> bool:
    # The strings "true"/"false" are read as the booleans (spec 40 §3, D-493).
    if value == "true" or value == "false":
        return bool(value == "true")
    return _boolean(spec, value, path)


def _date(spec: FieldSpec, value: Any, path: str) -> str:
    parsed = v.parse_date(value)
    if parsed is None:
        raise _type_error(spec, path)
    return parsed.isoformat()


def _datetime(spec: FieldSpec, value: Any, path: str) -> str:
    parsed = v.parse_datetime(value)
    if parsed is None:
        raise _type_error(spec, path)
    return v.store_datetime(parsed)


def _multiselect(spec: FieldSpec, value: Any, path: str) -> list[str]:
    if not isinstance(value, list):
        raise _type_error(spec, path)
    seen: list[str] = []
    for entry in value:
        if not isinstance(entry, str):
            raise wrong_type(spec.api_name, path, "text")
        if entry not in seen:
            seen.append(entry)
    return seen


def reference_id(spec: FieldSpec, value: Any, path: str) -> int:
    """``{"id"}`` or a digit string in its place (spec 40 §3); a malformed id is an unknown
    one: ``the related id…`` for record lookups, ``the id…`` for users (RQ-9)."""
    if isinstance(value, str):
        raw: Any = value
    elif isinstance(value, dict):
        raw = value.get("id")
    else:
        raise wrong_type(spec.api_name, path, "jsonobject")
    parsed = v.parse_id(raw)
    if parsed is None:
        message = MSG_INVALID_RELATED_ID if spec.data_type == DataType.LOOKUP else MSG_INVALID_ID
        raise invalid_data(spec.api_name, path, message)
    return parsed


def _lookup(spec: FieldSpec, value: Any, path: str) -> str:
    return str(reference_id(spec, value, path))


def _object_reference(spec: FieldSpec, value: Any, path: str) -> str:
    """Services' references: ``{"id"}`` only (spec 10 §4.2)."""
    if not isinstance(value, dict):
        raise _type_error(spec, path)
    return _lookup(spec, value, path)


def _multiuser(spec: FieldSpec, value: Any, path: str) -> tuple[LinkEntry, ...]:
    if not isinstance(value, list):
        raise _type_error(spec, path)
    entries: list[LinkEntry] = []
    for index, entry in enumerate(value):
        entry_path = f"{path}[{index}]"
        if not isinstance(entry, dict):
            raise wrong_type(spec.api_name, entry_path, "jsonobject")
        if entry.get("id") is not None:
            link = v.parse_id(entry["id"])
            entries.append(LinkEntry(index, link_id=link, delete="_delete" in entry, bad_link=link is None))
            continue
        inner = entry.get(spec.api_name)
        if inner is None:
            raise mandatory_not_found(spec.api_name, f"{entry_path}.{spec.api_name}")
        if not isinstance(inner, dict):
            raise wrong_type(spec.api_name, f"{entry_path}.{spec.api_name}", "jsonobject")
        user = v.parse_id(inner.get("id"))
        entries.append(LinkEntry(index, user_id=user, bad_user=user is None))
    return tuple(entries)


@dataclass(frozen=True)
class RecordLink:
    """One entry of a multi-select lookup as sent: an existing link (``link_id``, maybe with
    ``_delete``) or a new link to record ``target_id``."""

    index: int
    link_id: int | None = None
    target_id: int | None = None
    delete: bool = False


def _multilookup(spec: FieldSpec, value: Any, path: str) -> tuple[RecordLink, ...]:
    """``[{"<connected lookup>":{"id"}}]``; ``{"id":"<link id>","_delete":null}`` removes."""
    if not isinstance(value, list):
        raise _type_error(spec, path)
    entries: list[RecordLink] = []
    for index, entry in enumerate(value):
        entry_path = f"{path}[{index}]"
        if not isinstance(entry, dict):
            raise wrong_type(spec.api_name, entry_path, "jsonobject")
        if entry.get("id") is not None:
            link = v.parse_id(entry["id"])
            if link is None:
                raise invalid_data(spec.api_name, entry_path, MSG_INVALID_RELATED_ID)
            entries.append(RecordLink(index, link_id=link, delete="_delete" in entry))
            continue
        targets = [(key, inner) for key, inner in entry.items() if not key.startswith("_")]
        if len(targets) != 1:
            raise invalid_data(spec.api_name, entry_path)
        key, inner = targets[0]
        target = v.parse_id(inner.get("id") if isinstance(inner, dict) else inner)
        if target is None:
            raise invalid_data(spec.api_name, f"{entry_path}.{key}", MSG_INVALID_RELATED_ID)
        entries.append(RecordLink(index, target_id=target))
    return tuple(entries)


def _file_list(spec: FieldSpec, value: Any, path: str) -> list[dict[str, Any]]:
    """``[{"File_Id__s":"<id>"}]`` adds; ``{"id","_delete":null}`` removes (spec 40 §3)."""
    if not isinstance(value, list):
        raise _type_error(spec, path)
    rows: list[dict[str, Any]] = []
    for index, entry in enumerate(value):
        entry_path = f"{path}[{index}]"
        if not isinstance(entry, dict):
            raise wrong_type(spec.api_name, entry_path, "jsonobject")
        if entry.get("id") is not None and "_delete" in entry:
            if v.parse_id(entry["id"]) is None:
                raise invalid_data(spec.api_name, entry_path, MSG_INVALID_ID)
            rows.append({"id": str(v.parse_id(entry["id"])), "_delete": None})
            continue
        file_id = entry.get("File_Id__s")
        if not isinstance(file_id, str) or not file_id.strip():
            raise invalid_data(spec.api_name, entry_path)
        rows.append({"File_Id__s": file_id})
    return rows


def _object_list(spec: FieldSpec, value: Any, path: str) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise _type_error(spec, path)
    for index, entry in enumerate(value):
        if not isinstance(entry, dict):
            raise wrong_type(spec.api_name, f"{path}[{index}]", "jsonobject")
    return list(value)


def _any_list(spec: FieldSpec, value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise _type_error(spec, path)
    return list(value)


COERCERS: dict[DataType, Coercer] = {
    DataType.TEXT: _text,
    DataType.TEXTAREA: _text,
    DataType.EMAIL: _text,
    DataType.PHONE: _text,
    DataType.WEBSITE: _text,
    DataType.PICKLIST: _picklist,
    DataType.INTEGER: _integer,
    DataType.BIGINT: _bigint,
    DataType.DOUBLE: _decimal,
    DataType.CURRENCY: _decimal,
    DataType.PERCENT: _decimal,
    DataType.BOOLEAN: _boolean,
    DataType.DATE: _date,
    DataType.DATETIME: _datetime,
    DataType.MULTISELECTPICKLIST: _multiselect,
    DataType.LOOKUP: _object_reference,
    DataType.OWNERLOOKUP: _object_reference,
    DataType.USERLOOKUP: _object_reference,
    DataType.MULTIUSERLOOKUP: _multiuser,
    DataType.TIME_RANGE: _object_list,
    DataType.MULTI_DATE: _any_list,
    DataType.MULTISELECTLOOKUP: _multilookup,
    DataType.SUBFORM: _object_list,
    DataType.FILEUPLOAD: _file_list,
    DataType.IMAGEUPLOAD: _file_list,
}


# Spec 40 §3 for every module but those whose seed page prints stricter shapes (Services:
# booleans as JSON booleans, references as objects; D-493).
COERCERS_40: dict[DataType, Coercer] = {
    **COERCERS,
    DataType.BOOLEAN: _boolean_or_word,
    DataType.LOOKUP: _lookup,
    DataType.OWNERLOOKUP: _lookup,
    DataType.USERLOOKUP: _lookup,
}
SEED_SHAPED_MODULES = frozenset({"Services__s"})


def coercers_for(module_api_name: str) -> dict[DataType, Coercer]:
    return COERCERS if module_api_name in SEED_SHAPED_MODULES else COERCERS_40


def coerce_value(spec: FieldSpec, value: Any, path: str, module: str = "Services__s") -> Any:
    """Storage form of a non-null value of ``spec``; raises ``ZohoError`` on type/length.
    ``module``: the module's API name, which picks its shapes (``coercers_for``)."""
    coercer = coercers_for(module).get(spec.data_type)
    if coercer is None or spec.data_type in READ_ONLY_TYPES:
        # Types without an input form (profile images, auto numbers) are read-only.
        return value
    return coercer(spec, value, path)

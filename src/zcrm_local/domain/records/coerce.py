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
    ZohoError,
    invalid_data,
    mandatory_not_found,
    wrong_type,
)
from ..metadata import DataType, FieldSpec
from . import values as v

Coercer = Callable[[FieldSpec, Any, str], Any]

# ``expected_data_type`` reported per data type (captured: integer, text, date, boolean,
# jsonobject; the others by analogy, conventions §4.5).
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
    DataType.BIGINT: "integer",
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
}


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
    if spec.length is not None and len(value) > spec.length:
        raise invalid_data(spec.api_name, path, maximum_length=spec.length)
    return value


def _picklist(spec: FieldSpec, value: Any, path: str) -> str:
    # Length is not checked: a value not in the list is refused by the allowed-values step.
    if not isinstance(value, str):
        raise _type_error(spec, path)
    return value


def _integer(spec: FieldSpec, value: Any, path: str) -> int:
    number = v.parse_int(value)
    if number is None:
        raise _type_error(spec, path)
    return number


def _decimal(spec: FieldSpec, value: Any, path: str) -> str:
    number = v.parse_decimal(value)
    if number is None:
        raise _type_error(spec, path)
    limit = spec.length or 16
    # Bound before rounding: quantizing an enormous value overflows the decimal context.
    if abs(number) >= 10**limit:
        raise invalid_data(spec.api_name, path, maximum_length=limit)
    if spec.decimal_place is not None:
        rounded = v.round_decimal(number, spec.decimal_place)
        if rounded is None:
            raise invalid_data(spec.api_name, path, maximum_length=limit)
        number = rounded
    if v.digit_count(number) > limit:
        raise invalid_data(spec.api_name, path, maximum_length=limit)
    return v.decimal_to_str(number)


def _boolean(spec: FieldSpec, value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise _type_error(spec, path)
    return value


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


def _lookup(spec: FieldSpec, value: Any, path: str) -> str:
    if not isinstance(value, dict):
        raise _type_error(spec, path)
    parsed = v.parse_id(value.get("id"))
    if parsed is None:
        raise invalid_data(spec.api_name, path, MSG_INVALID_ID)
    return str(parsed)


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
    DataType.BIGINT: _integer,
    DataType.DOUBLE: _decimal,
    DataType.CURRENCY: _decimal,
    DataType.PERCENT: _decimal,
    DataType.BOOLEAN: _boolean,
    DataType.DATE: _date,
    DataType.DATETIME: _datetime,
    DataType.MULTISELECTPICKLIST: _multiselect,
    DataType.LOOKUP: _lookup,
    DataType.OWNERLOOKUP: _lookup,
    DataType.USERLOOKUP: _lookup,
    DataType.MULTIUSERLOOKUP: _multiuser,
    DataType.TIME_RANGE: _object_list,
    DataType.MULTI_DATE: _any_list,
}


def coerce_value(spec: FieldSpec, value: Any, path: str) -> Any:
    """Storage form of a non-null value of ``spec``; raises ``ZohoError`` on type/length."""
    coercer = COERCERS.get(spec.data_type)
    if coercer is None:
        # Types without an input form (profile images, auto numbers) are read-only.
        return value
    return coercer(spec, value, path)

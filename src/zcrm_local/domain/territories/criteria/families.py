"""Which comparators each field family allows, and the seed page's date literals as data."""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from zcrm_local.domain.metadata import DataType

TEXT, NUMBER, DATE, DATETIME, BOOLEAN = "text", "number", "date", "datetime", "boolean"

_FAMILY: Mapping[DataType, str] = MappingProxyType({
    DataType.TEXT: TEXT,
    DataType.TEXTAREA: TEXT,
    DataType.EMAIL: TEXT,
    DataType.PHONE: TEXT,
    DataType.WEBSITE: TEXT,
    DataType.PICKLIST: TEXT,
    DataType.LOOKUP: TEXT,
    DataType.OWNERLOOKUP: TEXT,
    DataType.USERLOOKUP: TEXT,
    DataType.AUTONUMBER: TEXT,
    DataType.INTEGER: NUMBER,
    DataType.BIGINT: NUMBER,
    DataType.DOUBLE: NUMBER,
    DataType.CURRENCY: NUMBER,
    DataType.PERCENT: NUMBER,
    DataType.DATE: DATE,
    DataType.DATETIME: DATETIME,
    DataType.BOOLEAN: BOOLEAN,
})

_ORDERED = ("equal", "not_equal", "greater_than", "greater_equal", "less_than", "less_equal", "between")

COMPARATORS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    TEXT: ("equal", "not_equal", "contains", "not_contains", "starts_with", "ends_with"),
    NUMBER: _ORDERED,
    DATE: _ORDERED,
    DATETIME: _ORDERED,
    BOOLEAN: ("equal",),
})

# Seed page table: literal -> the one comparator it goes with. The page lists AGEINDAYS twice;
# the second is read as DUEINDAYS (OQ-15). Both take a "+<n>" day count.
DATE_LITERALS: Mapping[str, str] = MappingProxyType({
    "TODAY": "equal",
    "TOMORROW": "equal",
    "TOMORROWPLUS": "equal",
    "YESTERDAY": "equal",
    "AGEINDAYS": "equal",
    "DUEINDAYS": "equal",
    "EMPTY": "equal",
    "YESTERDAYMINUS": "less_equal",
    "NOTEMPTY": "not_equal",
    "LASTMONTH": "between",
    "THISMONTH": "between",
    "NEXTMONTH": "between",
    "LASTWEEK": "between",
    "THISWEEK": "between",
    "LASTYEAR": "between",
    "THISYEAR": "between",
    "NEXTYEAR": "between",
    "PREVFQ": "between",
    "THISFQ": "between",
    "NEXTFQ": "between",
    "PREVFY": "between",
    "THISFY": "between",
    "NEXTFY": "between",
})
DAY_COUNT_LITERALS: frozenset[str] = frozenset({"AGEINDAYS", "DUEINDAYS"})


def family_of(data_type: DataType) -> str | None:
    """The comparator family of a field type; None when the type cannot be used in criteria."""
    return _FAMILY.get(data_type)

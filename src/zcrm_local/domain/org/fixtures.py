"""The default org's settings as data; ids are scoped with the org's prefix."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from zcrm_local.domain.metadata import scoped_id
from zcrm_local.domain.settings.holidays import Holiday
from zcrm_local.domain.settings.taxes import Tax

# Id suffixes of fixture entities (kept apart from module/field suffixes).
BUSINESS_HOURS_SUFFIX = 40_001
TAX_SUFFIXES = (21_003, 21_001)
HOLIDAY_SUFFIX = 30_000

DEFAULT_JOB_SHEET_SECTIONS = ("Standard",)
DEFAULT_CURRENCY_SYMBOL = "$"
_HOLIDAYS = (
    (date(2025, 12, 25), "Christmas Day"),
    (date(2026, 1, 1), "New Year's Day"),
    (date(2026, 5, 25), "Memorial Day"),
    (date(2026, 7, 3), "Independence Day (observed)"),
    (date(2026, 11, 26), "Thanksgiving Day"),
    (date(2026, 12, 25), "Christmas Day"),
    (date(2027, 1, 1), "New Year's Day"),
)


@dataclass(frozen=True)
class OrgFixture:
    business_hours: dict[str, Any]
    holidays: tuple[Holiday, ...]
    taxes: tuple[Tax, ...]
    job_sheet_enabled: bool
    job_sheet_sections: tuple[str, ...]


def default_org_fixture(org_prefix: int) -> OrgFixture:
    """Mon–Fri 09:00–19:00 (custom, same every day), a few holidays, ``Vat`` 0.8 and
    ``Sales Tax`` 2.0, job sheets enabled with section ``Standard``."""
    business_hours = {
        "id": scoped_id(org_prefix, BUSINESS_HOURS_SUFFIX),
        "type": "custom",
        "week_starts_on": "Monday",
        "business_days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        "same_as_everyday": True,
        "daily_timing": ["09:00", "19:00"],
        "custom_timing": None,
    }
    taxes = (
        Tax(int(scoped_id(org_prefix, TAX_SUFFIXES[0])), "Vat", Decimal("0.8"), 1),
        Tax(int(scoped_id(org_prefix, TAX_SUFFIXES[1])), "Sales Tax", Decimal("2.0"), 2),
    )
    holidays = tuple(
        Holiday(int(scoped_id(org_prefix, HOLIDAY_SUFFIX + n)), name, day)
        for n, (day, name) in enumerate(_HOLIDAYS, start=1)
    )
    return OrgFixture(business_hours, holidays, taxes, True, DEFAULT_JOB_SHEET_SECTIONS)

"""Shared data and helpers of the domain unit tests (imported by the test modules)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from zcrm_local.domain.org.fixtures import default_org_fixture
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.domain.services.context import ServiceContext
from zcrm_local.domain.settings.business_hours import effective_calendar
from zcrm_local.domain.settings.holidays import business_holiday_dates

ORG = 5545974
U1 = 5545974000000393001
U2 = 5545974000000393002
U_INACTIVE = 5545974000000393003
U_UNCONFIRMED = 5545974000000393004
U_DELETED = 5545974000000393005
VAT_ID = 5545974000000021003
SALES_TAX_ID = 5545974000000021001
# Wednesday 2026-03-04, 11:30 in Asia/Kolkata.
NOW = datetime(2026, 3, 4, 6, 0, 0, tzinfo=UTC)
DELETE = object()

USERS = {
    U1: UserRef(U1, "Patricia Boyle", "patricia@example.com"),
    U2: UserRef(U2, "Ravi Kumar", "ravi@example.com"),
    U_INACTIVE: UserRef(U_INACTIVE, "Ina Active", "ina@example.com", status="disabled"),
    U_UNCONFIRMED: UserRef(U_UNCONFIRMED, "Uma Unconfirmed", "uma@example.com", confirm=False),
    U_DELETED: UserRef(U_DELETED, "Dee Leted", "dee@example.com", status="deleted"),
}


def make_ctx(profile: str = "documented", **overrides: Any) -> ServiceContext:
    fixture = default_org_fixture(ORG)
    ctx = ServiceContext(
        now=NOW,
        org_time_zone="Asia/Kolkata",
        profile=profile,  # type: ignore[arg-type]
        users=USERS,
        taxes=fixture.taxes,
        job_sheet_enabled=True,
        job_sheet_sections=fixture.job_sheet_sections,
        calendar=effective_calendar(fixture.business_hours),
        holidays=business_holiday_dates(fixture.holidays),
        caller=USERS[U1],
    )
    return replace(ctx, **overrides)


def base_item(**changes: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "Service_Name": "AC Repair",
        "Duration": 60,
        "Location": "Client Address",
        "Members": [{"Members": {"id": str(U1)}}],
        "Availability_Type": "Every Business Days",
        "Price": 230.66,
    }
    for key, value in changes.items():
        if value is DELETE:
            item.pop(key, None)
        else:
            item[key] = value
    return item


def id_source(start: int = 5545974000002180641):
    counter = itertools.count(start)
    return lambda: next(counter)


def as_tuple(error: Any) -> tuple[str, str, dict[str, Any], int]:
    return (error.code, error.message, error.details, error.status)


def dep(dependee: str, api_name: str, index: int = 0) -> dict[str, Any]:
    base = f"$.data[{index}]"
    return {
        "dependee": {"api_name": dependee, "json_path": f"{base}.{dependee}"},
        "api_name": api_name,
        "json_path": f"{base}.{api_name}",
    }


def fld(api_name: str, index: int = 0, **extra: Any) -> dict[str, Any]:
    return {**extra, "api_name": api_name, "json_path": f"$.data[{index}].{api_name}"}

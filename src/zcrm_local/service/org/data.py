"""Loading what the rules of one org need, inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.org.fixtures import default_org_fixture
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.domain.settings.business_hours import BusinessCalendar, effective_calendar
from zcrm_local.domain.settings.holidays import Holiday, business_holiday_dates
from zcrm_local.domain.settings.taxes import Tax
from zcrm_local.store.org import orgs as org_store
from zcrm_local.store.records import rows as record_store
from zcrm_local.store.settings import rows as settings_store

BUSINESS_HOURS = "business_hours"
JOB_SHEET_SECTIONS = "job_sheet_sections"
ACTIVE_SERVICES = "active_services"


def users_by_id(conn: sa.Connection, org_id: int, ids: Iterable[int] | None = None) -> dict[int, UserRef]:
    """Every user of the org, or only those of ``ids`` (what one rendering names)."""
    return {
        int(u["id"]): UserRef(
            id=int(u["id"]),
            name=f"{u['first_name']} {u['last_name']}" if u["first_name"] else u["last_name"],
            email=u["email"],
            status=u["status"],
            confirm=bool(u["confirm"]),
        )
        for u in org_store.user_refs(conn, org_id, ids)
    }


def taxes(conn: sa.Connection, org_id: int) -> list[Tax]:
    return [
        Tax(int(t["id"]), t["name"], Decimal(t["value"]), t["sequence_number"])
        for t in settings_store.list_taxes(conn, org_id)
    ]


def holidays(conn: sa.Connection, org_id: int, year: int | None = None) -> list[Holiday]:
    return [
        Holiday(int(h["id"]), h["name"], h["date"], h["type"])
        for h in settings_store.list_holidays(conn, org_id, year)
    ]


@dataclass(frozen=True)
class Calendar:
    business_hours: dict[str, Any] | None
    calendar: BusinessCalendar
    holiday_dates: frozenset[Any]
    job_sheet_sections: tuple[str, ...]


def calendar(conn: sa.Connection, org_id: int) -> Calendar:
    stored = settings_store.get_settings(conn, org_id, (BUSINESS_HOURS, JOB_SHEET_SECTIONS))
    hours = stored.get(BUSINESS_HOURS)
    return Calendar(
        business_hours=hours,
        calendar=effective_calendar(hours),
        holiday_dates=business_holiday_dates(holidays(conn, org_id)),
        job_sheet_sections=tuple(stored.get(JOB_SHEET_SECTIONS) or ()),
    )


def apply_services_fixture(conn: sa.Connection, org_id: int, prefix: int) -> None:
    """What a new org starts with for Services: business hours, holidays, taxes, job sheets."""
    fixture = default_org_fixture(prefix)
    settings_store.put_setting(conn, org_id, BUSINESS_HOURS, fixture.business_hours)
    settings_store.put_setting(conn, org_id, JOB_SHEET_SECTIONS, list(fixture.job_sheet_sections))
    settings_store.insert_taxes(
        conn,
        [{"id": t.id, "org_id": org_id, "name": t.name, "value": str(t.value), "sequence_number": t.sequence_number}
         for t in fixture.taxes],
    )
    settings_store.insert_holidays(
        conn,
        [{"id": h.id, "org_id": org_id, "name": h.name, "date": h.date, "type": h.type, "shift_id": None}
         for h in fixture.holidays],
    )
    record_store.create_counter(conn, org_id, ACTIVE_SERVICES)

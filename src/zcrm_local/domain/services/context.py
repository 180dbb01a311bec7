"""Inputs of the Services rules, and the merged view of one item the rules look at."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any, Literal

from zcrm_local.domain.records.engine import GivenItem
from zcrm_local.domain.records.modules.services import SPECIFIC_DATES, SPECIFIC_DAYS
from zcrm_local.domain.records.refs import UserRef
from zcrm_local.domain.records.values import WEEKDAYS, load_datetime, local_date, parse_date, store_datetime
from zcrm_local.domain.settings.business_hours import ALWAYS_OPEN, BusinessCalendar
from zcrm_local.domain.settings.taxes import Tax

Profile = Literal["documented", "live"]
DEFAULT_ACTIVE_LIMIT = 500


@dataclass(frozen=True)
class ServiceContext:
    """Everything the Services rules read besides the request item.

    ``now``: aware datetime (UTC) from the org's clock. ``org_time_zone``: IANA name; "today"
    is ``now``'s date there. ``users``: every user of the org by id (deleted ones included or
    not — both read as unknown for new members). ``holidays``: business-holiday dates.
    ``caller``: the user making the request (default owner, ``Created_By``/``Modified_By``).
    """

    now: datetime
    org_time_zone: str
    profile: Profile
    users: Mapping[int, UserRef]
    taxes: Sequence[Tax]
    job_sheet_enabled: bool
    job_sheet_sections: tuple[str, ...]
    calendar: BusinessCalendar = ALWAYS_OPEN
    holidays: frozenset[date] | set[date] = frozenset()
    caller: UserRef | None = None
    active_limit: int = DEFAULT_ACTIVE_LIMIT

    @cached_property  # one request, one clock: worked out once, not per item
    def today(self) -> date:
        return local_date(self.now, self.org_time_zone)

    @cached_property
    def now_stored(self) -> str:
        """``now`` in storage form (``Created_Time``/``Modified_Time`` of this request's writes)."""
        return store_datetime(self.now)

    @cached_property
    def tax_index(self) -> tuple[dict[int, Tax], dict[str, Tax]]:
        """The org's taxes by id and by display value, built once per request."""
        return {tax.id: tax for tax in self.taxes}, {tax.display_value: tax for tax in self.taxes}


@dataclass
class Draft:
    """One item under validation: what was given, the stored record, and the merged view.

    ``links`` is the merged ``Members`` set: stored links kept (``{"id","user_id"}``) and new
    users (``{"id": None, "user_id", "index"}``, ``index`` = position in the request list).
    ``bad_links`` are request positions naming an unknown or unreadable association id.
    """

    index: int
    given: GivenItem
    stored: Mapping[str, Any] | None
    merged: dict[str, Any]
    ctx: ServiceContext
    links: list[dict[str, Any]] = field(default_factory=list)
    bad_links: list[int] = field(default_factory=list)
    new_users: list[tuple[int, int | None]] = field(default_factory=list)
    taxes: list[dict[str, str]] | None = None
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"$.data[{self.index}]"

    def path(self, key: str) -> str:
        return f"{self.base}.{key}"

    def get(self, key: str) -> Any:
        return self.merged.get(key)

    @property
    def status(self) -> str:
        return self.merged.get("Status") or "Available"

    @property
    def kind(self) -> str | None:
        return self.merged.get("Availability_Type")

    def date_of(self, key: str) -> date | None:
        return parse_date(self.merged.get(key))

    # The rules read the merged view and never change it: what they parse from it is kept in
    # ``cache`` for the next rule instead of being parsed again.

    def instant(self, key: str) -> datetime | None:
        if key not in self.cache:
            value = self.merged.get(key)
            self.cache[key] = load_datetime(value) if value else None
        return self.cache[key]

    def dates(self) -> list[date]:
        """``Available_Dates`` as dates (valid after the format rule)."""
        if "dates" not in self.cache:
            raw = self.merged.get("Available_Dates") or []
            self.cache["dates"] = [d for d in (parse_date(x) for x in raw) if d]
        return self.cache["dates"]

    def windows(self) -> list[tuple[int, int]]:
        """Custom timing windows in minutes (valid after the format rule)."""
        return self.cache.get("windows", [])

    def applicable_weekdays(self) -> list[int]:
        """Days the availability applies to (Services §5.2)."""
        if self.kind == SPECIFIC_DAYS:
            return [WEEKDAYS.index(d) for d in self.merged.get("Available_Days") or [] if d in WEEKDAYS]
        if self.kind == SPECIFIC_DATES:
            return sorted({d.weekday() for d in self.dates()})
        return list(self.ctx.calendar.business_weekdays())

    def stored_value(self, key: str) -> Any:
        return self.stored.get(key) if self.stored else None


NewId = Callable[[], int]

"""Time is injected: every rule that says "now" or "today" receives it from a ``Clock``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware datetime in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FrozenClock:
    """A clock that only moves when told to; for tests and for an org's frozen time."""

    def __init__(self, at: datetime) -> None:
        self._at = at

    def now(self) -> datetime:
        return self._at

    def advance(self, delta: timedelta) -> None:
        self._at += delta

    def set(self, at: datetime) -> None:
        self._at = at


class OffsetClock:
    """Another clock shifted by a fixed amount (an org whose time was set or advanced)."""

    def __init__(self, base: Clock, offset: timedelta) -> None:
        self._base = base
        self._offset = offset

    def now(self) -> datetime:
        return self._base.now() + self._offset


# An org's "now" stays where every derived instant (token expiry one hour on, page-token expiry a
# day on, fiscal periods a year either way, any time zone) is still a date the server can
# represent and render: years 2 to 9998 (D-458).
EARLIEST = datetime(2, 1, 1, tzinfo=UTC)
LATEST = datetime(9998, 12, 31, 23, 59, 59, tzinfo=UTC)


def representable(at: datetime) -> bool:
    return EARLIEST <= at <= LATEST

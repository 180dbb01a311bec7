"""Wire formats of dates and times (spec conventions §10)."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def format_datetime(at: datetime, tz: str) -> str:
    """ISO 8601 with seconds and a numeric offset with colon, in ``tz``: 2023-03-29T21:19:19+05:30."""
    return at.astimezone(zone(tz)).replace(microsecond=0).isoformat()


def format_date(d: date) -> str:
    return d.isoformat()


def local_today(now: datetime, tz: str) -> date:
    return now.astimezone(zone(tz)).date()


def parse_datetime(value: str) -> datetime | None:
    """Aware datetime from ISO 8601 (``Z`` or an offset required); None when malformed."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def parse_http_or_iso(value: str) -> datetime | None:
    """If-Modified-Since: ISO 8601 (what the SDK sends) or an HTTP date."""
    parsed = parse_datetime(value.strip())
    if parsed is not None:
        return parsed
    from email.utils import parsedate_to_datetime

    try:
        result = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return result if result.tzinfo is not None else None

"""What every use case needs: the database, the id allocator, the clock and the settings."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from zcrm_local.config import Settings
from zcrm_local.domain.clock import EARLIEST, LATEST, Clock, SystemClock
from zcrm_local.store.db import Database
from zcrm_local.store.ids import IdAllocator


@dataclass
class Backend:
    db: Database
    settings: Settings
    clock: Clock = field(default_factory=SystemClock)
    ids: IdAllocator = field(init=False)
    # Per-process values read once from the database (the installation secret).
    cache: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ids = IdAllocator(self.db)

    def org_now(self, org: Any) -> datetime:
        """The org's "now": its frozen instant, or the server clock shifted by its offset."""
        if org["clock_frozen_at"] is not None:
            return org["clock_frozen_at"]
        now = self.clock.now()
        offset = org["clock_offset_us"]
        if not offset:
            return now
        try:
            shifted = now + timedelta(microseconds=offset)
        except OverflowError:  # a clock set before it was bounded (D-458)
            return LATEST if offset > 0 else EARLIEST
        return min(max(shifted, EARLIEST), LATEST)

    def one_read(self) -> AbstractContextManager[None]:
        """The reads of the block (one request) share one transaction (``Database.shared_read``)."""
        return self.db.shared_read()

    def profile_of(self, org: Any) -> str:
        return org["profile"] or self.settings.profile


def open_database(settings: Settings) -> Database:
    """The store with the pool, timeout and retry settings (docs/deploy.md)."""
    return Database(settings.database_url, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow,
                    statement_timeout_ms=settings.db_statement_timeout_ms, write_attempts=settings.db_write_attempts)


def open_backend(settings: Settings, *, clock: Clock | None = None, db: Any | None = None) -> Backend:
    return Backend(db=db or open_database(settings), settings=settings, clock=clock or SystemClock())

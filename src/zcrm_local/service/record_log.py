"""Appending to the per-record change log from inside a write's transaction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.records import change_log as log
from zcrm_local.store import change_log as log_store


def written(conn: sa.Connection, org_id: int, module: str, old: Mapping[str, Any] | None,
            new: Mapping[str, Any], done_by: int | None, now: datetime, source: str = log.SOURCE_API) -> None:
    """One insert (``old`` None) or update of ``new``."""
    operation = log.INSERT if old is None else log.UPDATE
    log_store.append(conn, org_id, [log.entry(record_id=int(new["id"]), module=module, operation=operation,
                                              old=old, new=new, done_by=done_by, now=now, source=source)])


def many_inserted(conn: sa.Connection, org_id: int, module: str, records: list[Mapping[str, Any]],
                  done_by: int | None, now: datetime) -> None:
    log_store.append(conn, org_id, [
        log.entry(record_id=int(r["id"]), module=module, operation=log.INSERT, old=None, new=r,
                  done_by=done_by, now=now) for r in records])


def removed(conn: sa.Connection, org_id: int, module: str, record_id: int, operation: log.Operation,
            done_by: int | None, now: datetime) -> None:
    log_store.append(conn, org_id, [log.entry(record_id=record_id, module=module, operation=operation,
                                              old=None, new=None, done_by=done_by, now=now)])


@dataclass
class Batch:
    """The entries of one bulk write, appended together (one sequence reservation) before the
    transaction commits."""

    org_id: int
    module: str
    done_by: int | None
    now: datetime
    entries: list[dict[str, Any]] = field(default_factory=list)

    def add(self, old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> None:
        self.entries.append(log.entry(record_id=int(new["id"]), module=self.module,
                                      operation=log.INSERT if old is None else log.UPDATE, old=old, new=new,
                                      done_by=self.done_by, now=self.now))

    def append(self, conn: sa.Connection) -> None:
        log_store.append(conn, self.org_id, self.entries)

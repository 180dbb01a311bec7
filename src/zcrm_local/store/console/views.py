"""Reads only the console needs: one journal entry by id, API usage over the last day."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from zcrm_local.store.tables import api_usage, request_journal


def journal_entry(conn: sa.Connection, org_id: int, entry_id: int) -> sa.RowMapping | None:
    query = sa.select(request_journal).where(request_journal.c.org_id == org_id, request_journal.c.id == entry_id)
    return conn.execute(query).mappings().first()


def usage_times(conn: sa.Connection, org_id: int, since: datetime) -> list[tuple[datetime, int]]:
    query = (sa.select(api_usage.c.at, api_usage.c.credits)
             .where(api_usage.c.org_id == org_id, api_usage.c.at >= since).order_by(api_usage.c.at))
    return [(row.at, int(row.credits)) for row in conn.execute(query)]

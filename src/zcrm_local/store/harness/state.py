"""The test harness's SQL: admin keys, per-org switches, fault rules, API usage, the journal."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from zcrm_local.store.tables import (
    admin_keys,
    api_inflight,
    api_usage,
    fault_rules,
    org_harness,
    request_journal,
)

# ---- admin keys ------------------------------------------------------------------------------


def insert_admin_key(conn: sa.Connection, key_hash: str, now: datetime) -> None:
    if conn.execute(sa.select(admin_keys.c.key_hash).where(admin_keys.c.key_hash == key_hash)).first() is None:
        conn.execute(sa.insert(admin_keys).values(key_hash=key_hash, created_time=now))


def admin_key_hashes(conn: sa.Connection) -> set[str]:
    return set(conn.execute(sa.select(admin_keys.c.key_hash)).scalars())


def delete_admin_keys(conn: sa.Connection) -> int:
    return conn.execute(sa.delete(admin_keys)).rowcount


# ---- per-org switches --------------------------------------------------------------------------


def get_harness(conn: sa.Connection, org_id: int) -> sa.RowMapping | None:
    return conn.execute(sa.select(org_harness).where(org_harness.c.org_id == org_id)).mappings().first()


def put_harness(conn: sa.Connection, org_id: int, **values: Any) -> None:
    """Set some switches of an org, keeping the others."""
    done = conn.execute(sa.update(org_harness).where(org_harness.c.org_id == org_id).values(**values))
    if done.rowcount == 0:
        conn.execute(sa.insert(org_harness).values(org_id=org_id, **values))


# ---- fault rules -------------------------------------------------------------------------------


def insert_fault(conn: sa.Connection, row: Mapping[str, Any]) -> None:
    conn.execute(sa.insert(fault_rules).values(**row))


def list_faults(conn: sa.Connection, org_id: int) -> list[sa.RowMapping]:
    stmt = sa.select(fault_rules).where(fault_rules.c.org_id == org_id).order_by(fault_rules.c.id)
    return list(conn.execute(stmt).mappings())


def get_fault(conn: sa.Connection, org_id: int, fault_id: int) -> sa.RowMapping | None:
    stmt = sa.select(fault_rules).where(fault_rules.c.org_id == org_id, fault_rules.c.id == fault_id)
    return conn.execute(stmt).mappings().first()


def delete_fault(conn: sa.Connection, org_id: int, fault_id: int) -> bool:
    stmt = sa.delete(fault_rules).where(fault_rules.c.org_id == org_id, fault_rules.c.id == fault_id)
    return conn.execute(stmt).rowcount == 1


def delete_faults(conn: sa.Connection, org_id: int) -> int:
    return conn.execute(sa.delete(fault_rules).where(fault_rules.c.org_id == org_id)).rowcount


def spend_fault(conn: sa.Connection, fault_id: int) -> bool:
    """Count one firing; False when a counted rule has none left (another process took it)."""
    done = conn.execute(
        sa.update(fault_rules)
        .where(fault_rules.c.id == fault_id, sa.or_(fault_rules.c.remaining.is_(None), fault_rules.c.remaining > 0))
        .values(
            remaining=sa.case((fault_rules.c.remaining.is_(None), None), else_=fault_rules.c.remaining - 1),
            fired=fault_rules.c.fired + 1,
        )
    )
    return done.rowcount == 1


# ---- API usage: credits and concurrency --------------------------------------------------------


def credits_since(conn: sa.Connection, org_id: int, since: datetime) -> int:
    stmt = sa.select(sa.func.coalesce(sa.func.sum(api_usage.c.credits), 0)).where(
        api_usage.c.org_id == org_id, api_usage.c.at > since
    )
    return int(conn.execute(stmt).scalar_one())


def insert_usage(conn: sa.Connection, row_id: str, org_id: int, at: datetime, credits: int) -> None:
    conn.execute(sa.insert(api_usage).values(id=row_id, org_id=org_id, at=at, credits=credits))


def prune_usage(conn: sa.Connection, org_id: int, before: datetime) -> None:
    conn.execute(sa.delete(api_usage).where(api_usage.c.org_id == org_id, api_usage.c.at <= before))


def delete_usage(conn: sa.Connection, org_id: int) -> None:
    conn.execute(sa.delete(api_usage).where(api_usage.c.org_id == org_id))
    conn.execute(sa.delete(api_inflight).where(api_inflight.c.org_id == org_id))


def count_inflight(conn: sa.Connection, org_id: int, since: datetime) -> int:
    stmt = sa.select(sa.func.count()).select_from(api_inflight).where(
        api_inflight.c.org_id == org_id, api_inflight.c.started_at > since
    )
    return int(conn.execute(stmt).scalar_one())


def insert_inflight(conn: sa.Connection, row_id: str, org_id: int, at: datetime) -> None:
    conn.execute(sa.insert(api_inflight).values(id=row_id, org_id=org_id, started_at=at))


def delete_inflight(conn: sa.Connection, row_id: str) -> None:
    conn.execute(sa.delete(api_inflight).where(api_inflight.c.id == row_id))


def prune_inflight(conn: sa.Connection, org_id: int, before: datetime) -> None:
    conn.execute(sa.delete(api_inflight).where(api_inflight.c.org_id == org_id, api_inflight.c.started_at <= before))


# ---- the request journal -----------------------------------------------------------------------


def insert_entry(conn: sa.Connection, row: Mapping[str, Any]) -> None:
    conn.execute(sa.insert(request_journal).values(**row))


def prune_journal(conn: sa.Connection, org_id: int, keep: int) -> None:
    """Keep the newest ``keep`` entries of the org."""
    newest = (
        sa.select(request_journal.c.id)
        .where(request_journal.c.org_id == org_id)
        .order_by(request_journal.c.id.desc())
        .offset(keep)
        .limit(1)
    )
    cut = conn.execute(newest).scalar_one_or_none()
    if cut is not None:
        conn.execute(sa.delete(request_journal).where(request_journal.c.org_id == org_id,
                                                      request_journal.c.id <= cut))


def list_entries(conn: sa.Connection, org_id: int, *, limit: int, method: str | None = None,
                 path_like: str | None = None, status: int | None = None, code: str | None = None,
                 since: datetime | None = None, after_id: int | None = None) -> list[sa.RowMapping]:
    """Newest first. ``path_like`` is a SQL LIKE pattern."""
    stmt = sa.select(request_journal).where(request_journal.c.org_id == org_id)
    if method:
        stmt = stmt.where(request_journal.c.method == method)
    if path_like:
        stmt = stmt.where(request_journal.c.path.like(path_like, escape="\\"))
    if status is not None:
        stmt = stmt.where(request_journal.c.status == status)
    if code:
        stmt = stmt.where(request_journal.c.code == code)
    if since is not None:
        stmt = stmt.where(request_journal.c.at >= since)
    if after_id is not None:
        stmt = stmt.where(request_journal.c.id > after_id)
    stmt = stmt.order_by(request_journal.c.id.desc()).limit(limit)
    return list(conn.execute(stmt).mappings())


def clear_journal(conn: sa.Connection, org_id: int) -> int:
    return conn.execute(sa.delete(request_journal).where(request_journal.c.org_id == org_id)).rowcount

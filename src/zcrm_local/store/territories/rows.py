"""Territories, their members and the territories of records: the only SQL for them.

Rows are mapped to the domain's frozen ``Territory``; ids are integers here and digit strings
in the domain. Every statement filters by org.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from zcrm_local.domain.territories import Territory, TerritoryDraft, TerritoryEntry
from zcrm_local.domain.territories.names import name_key
from zcrm_local.store.tables import record_territories, territories, territory_users


def load(conn: sa.Connection, org_id: int) -> dict[str, Territory]:
    """Every territory of the org with its members, keyed by id."""
    members: dict[int, set[str]] = {}
    member_rows = conn.execute(
        sa.select(territory_users.c.territory_id, territory_users.c.user_id).where(territory_users.c.org_id == org_id)
    )
    for row in member_rows:
        members.setdefault(row.territory_id, set()).add(str(row.user_id))
    rows = conn.execute(sa.select(territories).where(territories.c.org_id == org_id).order_by(territories.c.id))
    return {str(row.id): _territory(row, members.get(row.id, set())) for row in rows.mappings()}


def _territory(row: Any, member_ids: set[str]) -> Territory:
    data = row["data"]
    return Territory(
        id=str(row["id"]),
        name=row["name"],
        api_name=data["api_name"],
        parent_id=str(row["parent_id"]) if row["parent_id"] is not None else None,
        permission_type=data["permission_type"],
        description=data.get("description"),
        manager_id=data.get("manager_id"),
        member_ids=frozenset(member_ids),
        criteria=data.get("criteria") or {},
        created_time=row["created_time"],
        modified_time=row["modified_time"],
        created_by_id=data.get("created_by_id"),
        modified_by_id=data.get("modified_by_id"),
    )


def _data(t: Territory) -> dict[str, Any]:
    return {
        "api_name": t.api_name,
        "permission_type": t.permission_type,
        "description": t.description,
        "manager_id": t.manager_id,
        "criteria": dict(t.criteria),
        "created_by_id": t.created_by_id,
        "modified_by_id": t.modified_by_id,
    }


def insert(conn: sa.Connection, org_id: int, ident: int, draft: TerritoryDraft) -> None:
    """A new territory and its first members (its manager, if any)."""
    t = draft.as_territory(str(ident))
    conn.execute(sa.insert(territories).values(
        id=ident,
        org_id=org_id,
        name=t.name,
        name_key=name_key(t.name),
        parent_id=int(t.parent_id) if t.parent_id else None,
        data=_data(t),
        created_time=t.created_time,
        modified_time=t.modified_time,
    ))
    add_members(conn, org_id, ident, t.member_ids, draft.created_time)


def save(conn: sa.Connection, org_id: int, t: Territory) -> None:
    """Write every column of an existing territory (members aside) from its new state."""
    conn.execute(
        sa.update(territories)
        .where(territories.c.org_id == org_id, territories.c.id == int(t.id))
        .values(
            name=t.name,
            name_key=name_key(t.name),
            parent_id=int(t.parent_id) if t.parent_id else None,
            data=_data(t),
            modified_time=t.modified_time,
        )
    )


def reparent(conn: sa.Connection, org_id: int, ids: Iterable[str], parent_id: str) -> None:
    moved = [int(i) for i in ids]
    if moved:
        conn.execute(
            sa.update(territories)
            .where(territories.c.org_id == org_id, territories.c.id.in_(moved))
            .values(parent_id=int(parent_id))
        )


def delete(conn: sa.Connection, org_id: int, ident: str) -> None:
    """The territory, its memberships and its record entries (explicitly, not left to the
    foreign keys' cascade, so the org filter is on every statement)."""
    key = int(ident)
    conn.execute(sa.delete(territory_users).where(
        territory_users.c.org_id == org_id, territory_users.c.territory_id == key))
    conn.execute(sa.delete(record_territories).where(
        record_territories.c.org_id == org_id, record_territories.c.territory_id == key))
    conn.execute(sa.delete(territories).where(territories.c.org_id == org_id, territories.c.id == key))


def has_root(conn: sa.Connection, org_id: int) -> bool:
    stmt = sa.select(territories.c.id).where(territories.c.org_id == org_id, territories.c.parent_id.is_(None))
    return conn.execute(stmt).first() is not None


# ---- members ----------------------------------------------------------------------------------

def add_members(conn: sa.Connection, org_id: int, territory_id: int | str, user_ids: Iterable[str],
                now: datetime) -> None:
    rows = [{"org_id": org_id, "territory_id": int(territory_id), "user_id": int(u), "created_time": now}
            for u in sorted(user_ids)]
    if rows:
        conn.execute(sa.insert(territory_users), rows)


def remove_member(conn: sa.Connection, org_id: int, territory_id: str, user_id: str) -> None:
    conn.execute(sa.delete(territory_users).where(
        territory_users.c.org_id == org_id,
        territory_users.c.territory_id == int(territory_id),
        territory_users.c.user_id == int(user_id),
    ))


def drop_members(conn: sa.Connection, org_id: int, territory_id: str) -> None:
    conn.execute(sa.delete(territory_users).where(
        territory_users.c.org_id == org_id, territory_users.c.territory_id == int(territory_id)))


# ---- territories of records ---------------------------------------------------------------------

def transfer_record_entries(conn: sa.Connection, org_id: int, from_id: str, to_id: str) -> None:
    """Spec 20 §8 step 3 (domain ``transfer_record_entries``) as two set statements: records
    already holding the target just lose the deleted entry; the others have it re-pointed, keeping
    its kind, assigner and time."""
    source, target = int(from_id), int(to_id)
    holders = sa.select(record_territories.c.record_id).where(
        record_territories.c.org_id == org_id, record_territories.c.territory_id == target
    )
    conn.execute(sa.delete(record_territories).where(
        record_territories.c.org_id == org_id,
        record_territories.c.territory_id == source,
        record_territories.c.record_id.in_(holders),
    ))
    conn.execute(
        sa.update(record_territories)
        .where(record_territories.c.org_id == org_id, record_territories.c.territory_id == source)
        .values(territory_id=target)
    )


# Who assigned a manual entry: written once record_territories has an ``assigned_by`` column
# (schema change requested); until then manual entries read back without an assigner.
_ASSIGNER = record_territories.c.get("assigned_by")
_KIND = {"manual": "manually", "rule": "automatically"}
_SOURCE = {kind: source for source, kind in _KIND.items()}


def entries_of(conn: sa.Connection, org_id: int, record_ids: Iterable[int]) -> dict[int, tuple[TerritoryEntry, ...]]:
    """The territory field of each record, in assignment order (time, then territory id)."""
    wanted = list(record_ids)
    out: dict[int, list[TerritoryEntry]] = {i: [] for i in wanted}
    if not wanted:
        return {}
    stmt = (
        sa.select(record_territories)
        .where(record_territories.c.org_id == org_id, record_territories.c.record_id.in_(wanted))
        .order_by(record_territories.c.record_id, record_territories.c.assigned_time,
                  record_territories.c.territory_id)
    )
    for row in conn.execute(stmt).mappings():
        by = row.get("assigned_by")
        out[row["record_id"]].append(TerritoryEntry(
            str(row["territory_id"]), _KIND[row["source"]], str(by) if by is not None else None, row["assigned_time"]))
    return {record_id: tuple(entries) for record_id, entries in out.items()}


def replace_entries(conn: sa.Connection, org_id: int, record_id: int, entries: Iterable[TerritoryEntry]) -> None:
    """A record's whole territory field."""
    conn.execute(sa.delete(record_territories).where(
        record_territories.c.org_id == org_id, record_territories.c.record_id == record_id))
    insert_entries(conn, org_id, record_id, entries)


def insert_entries(conn: sa.Connection, org_id: int, record_id: int, entries: Iterable[TerritoryEntry]) -> None:
    batch = []
    for entry in entries:
        row: dict[str, Any] = {"org_id": org_id, "record_id": record_id, "territory_id": int(entry.territory_id),
                               "source": _SOURCE[entry.assigned], "assigned_time": entry.assigned_time}
        if _ASSIGNER is not None:
            row["assigned_by"] = int(entry.assigned_by_id) if entry.assigned_by_id else None
        batch.append(row)
    if batch:
        conn.execute(sa.insert(record_territories), batch)


def record_ids_in(org_id: int, territory_ids: Iterable[str]) -> sa.Select[Any]:
    """A sub-select of the records holding any of ``territory_ids`` (for record lists)."""
    keys = [int(i) for i in territory_ids]
    return sa.select(record_territories.c.record_id).where(
        record_territories.c.org_id == org_id, record_territories.c.territory_id.in_(keys)
    )

"""What the module catalogue reads of an org: its profiles (modules and layouts list them)."""

from __future__ import annotations

import sqlalchemy as sa

from zcrm_local.store.tables import profiles


def profile_names(conn: sa.Connection, org_id: int) -> list[tuple[str, int]]:
    """``(name, id)`` of every profile, administrators first, then by id."""
    rows = conn.execute(
        sa.select(profiles.c.name, profiles.c.id, profiles.c.is_admin)
        .where(profiles.c.org_id == org_id)
        .order_by(profiles.c.is_admin.desc(), profiles.c.id)
    ).all()
    return [(row.name, int(row.id)) for row in rows]

"""Query indexes: expressions on the JSON body for equality and range filters (spec 50)

Revision ID: 0007_q
Revises: 0006
"""

from __future__ import annotations

from alembic import op

from zcrm_local.store.engine import json_text_sql
from zcrm_local.store.tables import QUERY_INDEX_KEYS

revision = '0007_q'
down_revision = '0006'
branch_labels = None
depends_on = None


def _name(key: str, lowered: bool) -> str:
    return f"ix_records_q_{key.lower()}_{'lower' if lowered else 'id'}"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for key, lowered in QUERY_INDEX_KEYS:
        expr = json_text_sql(dialect, "data", key)
        if lowered:
            expr = f"lower({expr})"
        op.execute(f"CREATE INDEX {_name(key, lowered)} ON records (org_id, module, ({expr}))")
    op.execute("CREATE INDEX ix_records_q_owner ON records (org_id, module, owner_id)")


def downgrade() -> None:
    for key, lowered in QUERY_INDEX_KEYS:
        op.execute(f"DROP INDEX {_name(key, lowered)}")
    op.execute("DROP INDEX ix_records_q_owner")

"""Query indexes: expressions on the JSON body for equality and range filters (spec 50)

Revision ID: 0007_q
Revises: 0007_n
"""

from __future__ import annotations

from alembic import op

from zcrm_local.store.engine import json_text_sql, words_norm_sql

revision = '0007_q'
down_revision = '0007_n'
branch_labels = None
depends_on = None

# (body key, compared lower-cased): text keys by ``lower(…)``, lookups by their stored id.
_KEYS = (
    ("Email", True), ("Phone", True), ("Last_Name", True), ("First_Name", True), ("Company", True),
    ("Deal_Name", True), ("Account_Name", True), ("Account_Name", False), ("Contact_Name", False),
)
_WORDS_KEYS = ("Email",)


def _name(key: str, kind: str) -> str:
    return f"ix_records_q_{key.lower()}_{kind}"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for key, lowered in _KEYS:
        expr = json_text_sql(dialect, "data", key)
        if lowered:
            expr = f"lower({expr})"
        op.execute(f"CREATE INDEX {_name(key, 'lower' if lowered else 'id')} ON records (org_id, module, ({expr}))")
    for key in _WORDS_KEYS:
        expr = words_norm_sql(json_text_sql(dialect, "data", key))
        op.execute(f"CREATE INDEX {_name(key, 'words')} ON records (org_id, module, ({expr}))")
    op.execute("CREATE INDEX ix_records_q_owner ON records (org_id, module, owner_id)")


def downgrade() -> None:
    for key, lowered in _KEYS:
        op.execute(f"DROP INDEX {_name(key, 'lower' if lowered else 'id')}")
    for key in _WORDS_KEYS:
        op.execute(f"DROP INDEX {_name(key, 'words')}")
    op.execute("DROP INDEX ix_records_q_owner")

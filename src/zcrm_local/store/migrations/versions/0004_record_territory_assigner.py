"""who assigned a record's territory

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import zcrm_local.store.types

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('record_territories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assigned_by', sa.BigInteger(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('record_territories', schema=None) as batch_op:
        batch_op.drop_column('assigned_by')


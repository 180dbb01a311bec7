"""server_info: what a running server leaves for the CLI (its base URL)

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import zcrm_local.store.types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('server_info',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('updated_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_server_info'))
    )


def downgrade() -> None:
    op.drop_table('server_info')

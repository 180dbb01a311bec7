"""console_sessions: sessions of the web console, shared by every server process

Revision ID: 0007_k
Revises: 0007_c
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import zcrm_local.store.types

revision = '0007_k'
down_revision = '0007_c'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('console_sessions',
    sa.Column('session_hash', sa.String(length=64), nullable=False),
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('csrf_token', sa.String(length=64), nullable=False),
    sa.Column('created_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.Column('expires_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.PrimaryKeyConstraint('session_hash', name=op.f('pk_console_sessions'))
    )
    op.create_index(op.f('ix_console_sessions_expires_time'), 'console_sessions', ['expires_time'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_console_sessions_expires_time'), table_name='console_sessions')
    op.drop_table('console_sessions')

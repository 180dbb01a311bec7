"""test hooks on records: locks, territory jobs held pending

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import zcrm_local.store.types

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('record_flags',
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('record_id', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('module', sa.String(length=100), nullable=False),
    sa.Column('job_id', sa.String(length=32), nullable=True),
    sa.Column('created_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_record_flags_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('org_id', 'record_id', 'kind', name=op.f('pk_record_flags'))
    )
    with op.batch_alter_table('org_harness', schema=None) as batch_op:
        batch_op.add_column(sa.Column('territory_jobs_held', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('org_harness', schema=None) as batch_op:
        batch_op.drop_column('territory_jobs_held')

    op.drop_table('record_flags')

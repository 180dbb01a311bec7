"""recycle_bin, record_changes, record_change_heads: soft deletes and the per-record change log

Revision ID: 0007_f
Revises: 0007_k
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import zcrm_local.store.types

revision = '0007_f'
down_revision = '0007_k'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('recycle_bin',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('module', sa.String(length=100), nullable=False),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('display_name', sa.Text(), nullable=True),
    sa.Column('owner_id', sa.BigInteger(), nullable=True),
    sa.Column('created_by', sa.BigInteger(), nullable=True),
    sa.Column('deleted_by', sa.BigInteger(), nullable=True),
    sa.Column('deleted_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.Column('purged_time', zcrm_local.store.types.Instant(), nullable=True),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_recycle_bin_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recycle_bin'))
    )
    op.create_index('ix_recycle_bin_org_module_deleted', 'recycle_bin', ['org_id', 'module', 'deleted_time'],
                    unique=False)
    op.create_table('record_changes',
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('record_id', sa.BigInteger(), nullable=False),
    sa.Column('module', sa.String(length=100), nullable=False),
    sa.Column('operation', sa.String(length=16), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('changes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('done_by', sa.BigInteger(), nullable=True),
    sa.Column('audited_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_record_changes_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('org_id', 'seq', name=op.f('pk_record_changes'))
    )
    op.create_index('ix_record_changes_record', 'record_changes', ['org_id', 'record_id', 'seq'], unique=False)
    op.create_table('record_change_heads',
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_record_change_heads_org_id_orgs'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('org_id', name=op.f('pk_record_change_heads'))
    )


def downgrade() -> None:
    op.drop_table('record_change_heads')
    op.drop_index('ix_record_changes_record', table_name='record_changes')
    op.drop_table('record_changes')
    op.drop_index('ix_recycle_bin_org_module_deleted', table_name='recycle_bin')
    op.drop_table('recycle_bin')

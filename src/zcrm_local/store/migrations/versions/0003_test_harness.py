"""test harness: admin keys, faults, limits, journal

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import zcrm_local.store.types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('admin_keys',
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('created_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.PrimaryKeyConstraint('key_hash', name=op.f('pk_admin_keys'))
    )
    op.create_table('api_inflight',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('started_at', zcrm_local.store.types.Instant(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_api_inflight_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_inflight'))
    )
    with op.batch_alter_table('api_inflight', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_inflight_org_id'), ['org_id'], unique=False)

    op.create_table('api_usage',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('at', zcrm_local.store.types.Instant(), nullable=False),
    sa.Column('credits', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_api_usage_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_usage'))
    )
    with op.batch_alter_table('api_usage', schema=None) as batch_op:
        batch_op.create_index('ix_api_usage_org_at', ['org_id', 'at'], unique=False)

    op.create_table('fault_rules',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('path', sa.String(length=500), nullable=False),
    sa.Column('action', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('probability', sa.Float(), nullable=False),
    sa.Column('remaining', sa.Integer(), nullable=True),
    sa.Column('fired', sa.Integer(), server_default='0', nullable=False),
    sa.Column('created_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_fault_rules_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fault_rules'))
    )
    with op.batch_alter_table('fault_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fault_rules_org_id'), ['org_id'], unique=False)

    op.create_table('org_harness',
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('journal_size', sa.Integer(), server_default='0', nullable=False),
    sa.Column('limits', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_org_harness_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('org_id', name=op.f('pk_org_harness'))
    )
    op.create_table('request_journal',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('at', zcrm_local.store.types.Instant(), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('path', sa.String(length=2000), nullable=False),
    sa.Column('query', sa.Text(), nullable=False),
    sa.Column('request_headers', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('request_body', sa.Text(), nullable=False),
    sa.Column('status', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=True),
    sa.Column('response_headers', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('response_body', sa.Text(), nullable=False),
    sa.Column('duration_ms', sa.Float(), nullable=False),
    sa.Column('harness', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_request_journal_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_journal'))
    )
    with op.batch_alter_table('request_journal', schema=None) as batch_op:
        batch_op.create_index('ix_request_journal_org_id', ['org_id', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('request_journal', schema=None) as batch_op:
        batch_op.drop_index('ix_request_journal_org_id')

    op.drop_table('request_journal')
    op.drop_table('org_harness')
    with op.batch_alter_table('fault_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fault_rules_org_id'))

    op.drop_table('fault_rules')
    with op.batch_alter_table('api_usage', schema=None) as batch_op:
        batch_op.drop_index('ix_api_usage_org_at')

    op.drop_table('api_usage')
    with op.batch_alter_table('api_inflight', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_inflight_org_id'))

    op.drop_table('api_inflight')
    op.drop_table('admin_keys')

"""records, settings, taxes, holidays, territories

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import zcrm_local.store.types

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('counters',
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_counters_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('org_id', 'name', name=op.f('pk_counters'))
    )
    op.create_table('holidays',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('shift_id', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_holidays_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holidays'))
    )
    with op.batch_alter_table('holidays', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_holidays_org_id'), ['org_id'], unique=False)

    op.create_table('org_settings',
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_org_settings_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('org_id', 'key', name=op.f('pk_org_settings'))
    )
    op.create_table('records',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('module', sa.String(length=100), nullable=False),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('owner_id', sa.BigInteger(), nullable=False),
    sa.Column('created_by', sa.BigInteger(), nullable=False),
    sa.Column('modified_by', sa.BigInteger(), nullable=False),
    sa.Column('created_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.Column('modified_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_records_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_records'))
    )
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.create_index('ix_records_org_module_created', ['org_id', 'module', 'created_time'], unique=False)
        batch_op.create_index('ix_records_org_module_id', ['org_id', 'module', 'id'], unique=False)
        batch_op.create_index('ix_records_org_module_modified', ['org_id', 'module', 'modified_time'], unique=False)

    op.create_table('taxes',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('value', sa.String(length=32), nullable=False),
    sa.Column('sequence_number', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_taxes_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_taxes'))
    )
    with op.batch_alter_table('taxes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_taxes_org_id'), ['org_id'], unique=False)

    op.create_table('territories',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('name', sa.String(length=250), nullable=False),
    sa.Column('name_key', sa.String(length=250), nullable=False),
    sa.Column('parent_id', sa.BigInteger(), nullable=True),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.Column('modified_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_territories_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_territories')),
    sa.UniqueConstraint('org_id', 'name_key', name=op.f('uq_territories_org_id_name_key'))
    )
    with op.batch_alter_table('territories', schema=None) as batch_op:
        batch_op.create_index('ix_territories_org_parent', ['org_id', 'parent_id'], unique=False)

    op.create_table('record_territories',
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('record_id', sa.BigInteger(), nullable=False),
    sa.Column('territory_id', sa.BigInteger(), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('assigned_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_record_territories_org_id_orgs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], name=op.f('fk_record_territories_record_id_records'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['territory_id'], ['territories.id'], name=op.f('fk_record_territories_territory_id_territories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id', 'territory_id', name=op.f('pk_record_territories'))
    )
    with op.batch_alter_table('record_territories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_territories_org_id'), ['org_id'], unique=False)
        batch_op.create_index('ix_record_territories_territory', ['territory_id'], unique=False)

    op.create_table('territory_users',
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('territory_id', sa.BigInteger(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('created_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_territory_users_org_id_orgs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['territory_id'], ['territories.id'], name=op.f('fk_territory_users_territory_id_territories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('territory_id', 'user_id', name=op.f('pk_territory_users'))
    )
    with op.batch_alter_table('territory_users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_territory_users_org_id'), ['org_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('territory_users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_territory_users_org_id'))

    op.drop_table('territory_users')
    with op.batch_alter_table('record_territories', schema=None) as batch_op:
        batch_op.drop_index('ix_record_territories_territory')
        batch_op.drop_index(batch_op.f('ix_record_territories_org_id'))

    op.drop_table('record_territories')
    with op.batch_alter_table('territories', schema=None) as batch_op:
        batch_op.drop_index('ix_territories_org_parent')

    op.drop_table('territories')
    with op.batch_alter_table('taxes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_taxes_org_id'))

    op.drop_table('taxes')
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_index('ix_records_org_module_modified')
        batch_op.drop_index('ix_records_org_module_id')
        batch_op.drop_index('ix_records_org_module_created')

    op.drop_table('records')
    op.drop_table('org_settings')
    with op.batch_alter_table('holidays', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_holidays_org_id'))

    op.drop_table('holidays')
    op.drop_table('counters')

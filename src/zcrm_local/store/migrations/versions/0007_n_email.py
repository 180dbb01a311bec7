"""emails and email_settings: the outbox, drafts and filed mails of records; email fixtures

Revision ID: 0007_n
Revises: 0007_f
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import zcrm_local.store.types

revision = '0007_n'
down_revision = '0007_f'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('emails',
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('message_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('module', sa.String(length=100), nullable=False),
    sa.Column('record_id', sa.BigInteger(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('scheduled_time', zcrm_local.store.types.Instant(), nullable=True),
    sa.Column('created_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.Column('modified_time', zcrm_local.store.types.Instant(), nullable=False),
    sa.Column('doc', zcrm_local.store.types.Json, nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_emails_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('org_id', 'message_id', name=op.f('pk_emails'))
    )
    op.create_index('ix_emails_org_record', 'emails', ['org_id', 'record_id', 'kind', 'seq'], unique=False)
    op.create_index('ix_emails_org_kind_seq', 'emails', ['org_id', 'kind', 'seq'], unique=False)
    op.create_table('email_settings',
    sa.Column('org_id', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('doc', zcrm_local.store.types.Json, nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name=op.f('fk_email_settings_org_id_orgs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('org_id', 'kind', 'key', name=op.f('pk_email_settings'))
    )


def downgrade() -> None:
    op.drop_table('email_settings')
    op.drop_index('ix_emails_org_kind_seq', table_name='emails')
    op.drop_index('ix_emails_org_record', table_name='emails')
    op.drop_table('emails')

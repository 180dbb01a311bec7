"""users written through the API: their optional settings and who last changed them

Revision ID: 0007_g
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0007_g'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('extra', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True))
        batch.add_column(sa.Column('created_by', sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column('modified_by', sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.drop_column('modified_by')
        batch.drop_column('created_by')
        batch.drop_column('extra')

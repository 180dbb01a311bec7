"""oauth_access_tokens.seq: mint order per refresh token, to keep at most 15 live

Revision ID: 0007_c
Revises: 0007_g
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007_c'
down_revision = '0007_g'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('oauth_access_tokens') as batch:
        batch.add_column(sa.Column('seq', sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('oauth_access_tokens') as batch:
        batch.drop_column('seq')

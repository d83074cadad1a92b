"""A partial index on the public accessions' ids, for counting and paging them (BrAPI)

Revision ID: c6d7e8f9a0b1
Revises: b5c6d7e8f9a0
Create Date: 2026-12-12 09:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'c6d7e8f9a0b1'
down_revision = 'b5c6d7e8f9a0'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_accessions_public_id', 'accessions', ['id'], unique=False,
                    postgresql_where=sa.text('restricted IS false'),
                    sqlite_where=sa.text('restricted = 0'))


def downgrade():
    op.drop_index('ix_accessions_public_id', table_name='accessions')

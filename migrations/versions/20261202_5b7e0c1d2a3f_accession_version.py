"""accession version: optimistic concurrency for forms and API clients

Revision ID: 5b7e0c1d2a3f
Revises: 4e1072321882
Create Date: 2026-12-02 17:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = "5b7e0c1d2a3f"
down_revision = "4e1072321882"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("accessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1",
                                      nullable=False))


def downgrade():
    with op.batch_alter_table("accessions", schema=None) as batch_op:
        batch_op.drop_column("version")

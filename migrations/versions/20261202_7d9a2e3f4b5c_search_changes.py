"""search changes: which accessions each catalogue version changed

Revision ID: 7d9a2e3f4b5c
Revises: 6c8f1d2e3b4a
Create Date: 2026-12-02 19:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = "7d9a2e3f4b5c"
down_revision = "6c8f1d2e3b4a"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "search_changes",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("accession_ids", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_search_changes")),
    )


def downgrade():
    op.drop_table("search_changes")

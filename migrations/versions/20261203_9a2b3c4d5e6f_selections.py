"""selections: sets of accessions gathered by users, working, saved and shared

Revision ID: 9a2b3c4d5e6f
Revises: 8e1f3a4b5c6d
Create Date: 2026-12-03 04:10:00

"""
import sqlalchemy as sa
from alembic import op

revision = "9a2b3c4d5e6f"
down_revision = "8e1f3a4b5c6d"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "selections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_selections_owner_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_selections")),
        sa.UniqueConstraint("token", name=op.f("uq_selections_token")),
    )
    with op.batch_alter_table("selections") as batch_op:
        batch_op.create_index(batch_op.f("ix_selections_owner_id"), ["owner_id"], unique=False)
    op.create_table(
        "selection_items",
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("accession_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["selection_id"], ["selections.id"], ondelete="CASCADE",
                                name=op.f("fk_selection_items_selection_id_selections")),
        sa.ForeignKeyConstraint(["accession_id"], ["accessions.id"], ondelete="CASCADE",
                                name=op.f("fk_selection_items_accession_id_accessions")),
        sa.PrimaryKeyConstraint("selection_id", "accession_id", name=op.f("pk_selection_items")),
    )
    with op.batch_alter_table("selection_items") as batch_op:
        batch_op.create_index(batch_op.f("ix_selection_items_accession_id"), ["accession_id"],
                              unique=False)


def downgrade():
    with op.batch_alter_table("selection_items") as batch_op:
        batch_op.drop_index(batch_op.f("ix_selection_items_accession_id"))
    op.drop_table("selection_items")
    with op.batch_alter_table("selections") as batch_op:
        batch_op.drop_index(batch_op.f("ix_selections_owner_id"))
    op.drop_table("selections")

"""import jobs: sheets uploaded on the web, their pre-check and import

Revision ID: 8e1f3a4b5c6d
Revises: 7d9a2e3f4b5c
Create Date: 2026-12-02 23:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = "8e1f3a4b5c6d"
down_revision = "7d9a2e3f4b5c"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "import_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("progress", sa.Float(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("campaign", sa.String(length=200), nullable=True),
        sa.Column("skip_invalid", sa.Boolean(), nullable=False),
        sa.Column("report", sa.Text(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("kind IN ('mcpd', 'observations')",
                           name=op.f("ck_import_jobs_kind")),
        sa.CheckConstraint("status IN ('checking', 'checked', 'importing', 'done', 'failed')",
                           name=op.f("ck_import_jobs_status")),
        sa.CheckConstraint("progress >= 0 AND progress <= 1",
                           name=op.f("ck_import_jobs_progress_range")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_import_jobs_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_jobs")),
    )
    with op.batch_alter_table("import_jobs") as batch_op:
        batch_op.create_index(batch_op.f("ix_import_jobs_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_import_jobs_user_id"), ["user_id"], unique=False)


def downgrade():
    with op.batch_alter_table("import_jobs") as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_jobs_user_id"))
        batch_op.drop_index(batch_op.f("ix_import_jobs_status"))
    op.drop_table("import_jobs")

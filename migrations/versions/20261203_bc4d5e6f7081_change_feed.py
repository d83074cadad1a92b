"""change feed: one append-only table of changes (the outbox), seeded with what exists

Revision ID: bc4d5e6f7081
Revises: ab3c4d5e6f70
Create Date: 2026-12-03 07:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = "bc4d5e6f7081"
down_revision = "ab3c4d5e6f70"
branch_labels = None
depends_on = None

# A partner syncing from cursor 0 must find every record that exists today, so the feed
# starts with one upsert per record (what the public may see: not the restricted ones).
SEED = [
    """INSERT INTO changes (entity, entity_id, op, public_op, instcode, accession_id, at)
       SELECT 'accession', CAST(a.id AS VARCHAR(64)), 'upsert',
              CASE WHEN a.restricted THEN NULL ELSE 'upsert' END, a.instcode, a.id, :now
       FROM accessions a ORDER BY a.id""",
    """INSERT INTO changes (entity, entity_id, op, public_op, instcode, accession_id, at)
       SELECT 'observation', CAST(o.id AS VARCHAR(64)), 'upsert',
              CASE WHEN a.restricted THEN NULL ELSE 'upsert' END, a.instcode, a.id, :now
       FROM observations o JOIN accessions a ON a.id = o.accession_id ORDER BY o.id""",
    """INSERT INTO changes (entity, entity_id, op, public_op, instcode, accession_id, at)
       SELECT 'summary', CAST(a.id AS VARCHAR(20)) || ':' || d.code, 'upsert',
              CASE WHEN a.restricted THEN NULL ELSE 'upsert' END, a.instcode, a.id, :now
       FROM trait_summaries s JOIN accessions a ON a.id = s.accession_id
            JOIN descriptors d ON d.id = s.descriptor_id
       WHERE s.year = 0 ORDER BY a.id, d.code""",
    """INSERT INTO changes (entity, entity_id, op, public_op, at)
       SELECT 'descriptor', d.code, 'upsert', 'upsert', :now FROM descriptors d ORDER BY d.id""",
    """INSERT INTO changes (entity, entity_id, op, public_op, at)
       SELECT 'campaign', CAST(c.id AS VARCHAR(64)), 'upsert', 'upsert', :now
       FROM campaigns c ORDER BY c.id""",
]


def upgrade():
    op.create_table(
        "changes",
        sa.Column("cursor", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("op", sa.String(length=6), nullable=False),
        sa.Column("public_op", sa.String(length=6), nullable=True),
        sa.Column("instcode", sa.String(length=16), nullable=True),
        sa.Column("accession_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("cursor", name=op.f("pk_changes")),
    )
    op.create_index("ix_changes_entity_entity_id", "changes", ["entity", "entity_id"])
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    for statement in SEED:
        op.get_bind().execute(sa.text(statement), {"now": now})


def downgrade():
    op.drop_index("ix_changes_entity_entity_id", table_name="changes")
    op.drop_table("changes")

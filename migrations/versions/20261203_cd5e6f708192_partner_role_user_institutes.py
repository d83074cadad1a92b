"""partner role and users' institutes: a partner sees their institute's restricted accessions

Revision ID: cd5e6f708192
Revises: de6f70819203
Create Date: 2026-12-03 09:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = "cd5e6f708192"
down_revision = "de6f70819203"
branch_labels = None
depends_on = None

OLD_ROLES = "role IN ('researcher', 'staff', 'curator', 'admin')"
NEW_ROLES = "role IN ('researcher', 'partner', 'staff', 'curator', 'admin')"


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("instcode", sa.String(length=16), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_users_instcode_institutes"), "institutes",
                                    ["instcode"], ["code"])
        batch_op.drop_constraint(batch_op.f("ck_users_role_known"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_users_role_known"), NEW_ROLES)


def downgrade():
    # Partners go back to being researchers: the old constraint knows no partner.
    op.execute("UPDATE users SET role = 'researcher' WHERE role = 'partner'")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_users_role_known"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_users_role_known"), OLD_ROLES)
        batch_op.drop_constraint(batch_op.f("fk_users_instcode_institutes"), type_="foreignkey")
        batch_op.drop_column("instcode")

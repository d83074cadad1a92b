"""saved selections published by staff (BrAPI lists everyone sees); stored BrAPI searches

Revision ID: a1b2c3d4e5f7
Revises: a7c3e9d15b20
Create Date: 2026-12-10 09:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'a1b2c3d4e5f7'
down_revision = 'a7c3e9d15b20'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('selections') as batch_op:
        batch_op.add_column(sa.Column('published', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.create_table('brapi_searches',
    sa.Column('id', sa.String(length=43), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_brapi_searches_created_at', 'brapi_searches', ['created_at'])


def downgrade():
    op.drop_index('ix_brapi_searches_created_at', table_name='brapi_searches')
    op.drop_table('brapi_searches')
    with op.batch_alter_table('selections') as batch_op:
        batch_op.drop_column('published')

"""S-genotypes of accessions (issue 14: pollinizer advice)

Revision ID: a7b8c9d0e1f2
Revises: f0a1b2c3d4e6
Create Date: 2026-12-03 15:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'a7b8c9d0e1f2'
down_revision = 'f0a1b2c3d4e6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('s_genotypes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accession_id', sa.Integer(), nullable=False),
    sa.Column('genotype', sa.String(length=40), nullable=False),
    sa.Column('allele_1', sa.String(length=20), nullable=True),
    sa.Column('allele_2', sa.String(length=20), nullable=True),
    sa.Column('incompatibility_group', sa.String(length=40), nullable=True),
    sa.Column('self_compatible', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=True),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['accession_id'], ['accessions.id'],
                            name=op.f('fk_s_genotypes_accession_id_accessions'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_s_genotypes')),
    sa.UniqueConstraint('accession_id', name=op.f('uq_s_genotypes_accession_id'))
    )
    with op.batch_alter_table('s_genotypes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_s_genotypes_incompatibility_group'),
                              ['incompatibility_group'], unique=False)


def downgrade():
    with op.batch_alter_table('s_genotypes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_s_genotypes_incompatibility_group'))
    op.drop_table('s_genotypes')

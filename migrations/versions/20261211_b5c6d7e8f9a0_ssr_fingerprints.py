"""SSR marker catalogue and SSR genotypes per accession and marker (issue 14)

Revision ID: b5c6d7e8f9a0
Revises: a1b2c3d4e5f7
Create Date: 2026-12-11 09:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'b5c6d7e8f9a0'
down_revision = 'a1b2c3d4e5f7'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('ssr_markers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('linkage_group', sa.String(length=20), nullable=True),
    sa.Column('motif', sa.String(length=40), nullable=True),
    sa.Column('min_size', sa.Integer(), nullable=False),
    sa.Column('max_size', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ssr_markers')),
    sa.UniqueConstraint('name', name=op.f('uq_ssr_markers_name'))
    )
    op.create_table('ssr_genotypes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accession_id', sa.Integer(), nullable=False),
    sa.Column('marker_id', sa.Integer(), nullable=False),
    sa.Column('alleles', sa.String(length=60), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['accession_id'], ['accessions.id'],
                            name=op.f('fk_ssr_genotypes_accession_id_accessions'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['marker_id'], ['ssr_markers.id'],
                            name=op.f('fk_ssr_genotypes_marker_id_ssr_markers'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ssr_genotypes')),
    sa.UniqueConstraint('accession_id', 'marker_id',
                        name=op.f('uq_ssr_genotypes_accession_id_marker_id'))
    )
    with op.batch_alter_table('ssr_genotypes') as batch_op:
        batch_op.create_index(batch_op.f('ix_ssr_genotypes_marker_id'), ['marker_id'], unique=False)


def downgrade():
    with op.batch_alter_table('ssr_genotypes') as batch_op:
        batch_op.drop_index(batch_op.f('ix_ssr_genotypes_marker_id'))
    op.drop_table('ssr_genotypes')
    op.drop_table('ssr_markers')

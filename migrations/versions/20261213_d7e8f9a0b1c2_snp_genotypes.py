"""SNP panels (names in column order, stored once) and packed SNP calls per accession and
panel (issue 14)

Revision ID: d7e8f9a0b1c2
Revises: c6d7e8f9a0b1
Create Date: 2026-12-13 09:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'd7e8f9a0b1c2'
down_revision = 'c6d7e8f9a0b1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('snp_panels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('snp_count', sa.Integer(), nullable=False),
    sa.Column('names', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_snp_panels')),
    sa.UniqueConstraint('digest', name=op.f('uq_snp_panels_digest'))
    )
    op.create_table('snp_genotypes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accession_id', sa.Integer(), nullable=False),
    sa.Column('panel_id', sa.Integer(), nullable=False),
    sa.Column('calls', sa.LargeBinary(), nullable=False),
    sa.Column('called', sa.Integer(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['accession_id'], ['accessions.id'],
                            name=op.f('fk_snp_genotypes_accession_id_accessions'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['panel_id'], ['snp_panels.id'],
                            name=op.f('fk_snp_genotypes_panel_id_snp_panels'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_snp_genotypes')),
    sa.UniqueConstraint('accession_id', 'panel_id',
                        name=op.f('uq_snp_genotypes_accession_id_panel_id'))
    )
    with op.batch_alter_table('snp_genotypes') as batch_op:
        batch_op.create_index(batch_op.f('ix_snp_genotypes_panel_id'), ['panel_id'], unique=False)


def downgrade():
    with op.batch_alter_table('snp_genotypes') as batch_op:
        batch_op.drop_index(batch_op.f('ix_snp_genotypes_panel_id'))
    op.drop_table('snp_genotypes')
    op.drop_table('snp_panels')

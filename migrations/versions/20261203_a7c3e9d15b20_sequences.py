"""sequences: nucleotide sequence records of accessions (FASTA / GenBank)

Revision ID: a7c3e9d15b20
Revises: a7b8c9d0e1f2
Create Date: 2026-12-03 15:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'a7c3e9d15b20'
down_revision = 'a7b8c9d0e1f2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('sequences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accession_id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.String(length=200), nullable=False),
    sa.Column('version', sa.String(length=40), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('molecule_type', sa.String(length=20), nullable=True),
    sa.Column('topology', sa.String(length=10), nullable=True),
    sa.Column('length', sa.Integer(), nullable=False),
    sa.Column('checksum', sa.String(length=40), nullable=False),
    sa.Column('organism', sa.String(length=200), nullable=True),
    sa.Column('features_json', sa.Text(), nullable=False),
    sa.Column('residues_z', sa.LargeBinary(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['accession_id'], ['accessions.id'], name=op.f('fk_sequences_accession_id_accessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sequences')),
    sa.UniqueConstraint('record_id', name=op.f('uq_sequences_record_id'))
    )
    with op.batch_alter_table('sequences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sequences_accession_id'), ['accession_id'], unique=False)
        batch_op.create_index('ix_sequences_checksum', ['checksum'], unique=False)


def downgrade():
    with op.batch_alter_table('sequences', schema=None) as batch_op:
        batch_op.drop_index('ix_sequences_checksum')
        batch_op.drop_index(batch_op.f('ix_sequences_accession_id'))
    op.drop_table('sequences')

"""seedling production: propagation batches and the append-only history of their counts

Revision ID: f0a1b2c3d4e6
Revises: ef8192a3b4c5
Create Date: 2026-12-03 10:50:06.714507

"""
import sqlalchemy as sa
from alembic import op

revision = 'f0a1b2c3d4e6'
down_revision = 'ef8192a3b4c5'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('propagation_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_number', sa.String(length=40), nullable=False),
    sa.Column('accession_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('rootstock_accession_id', sa.Integer(), nullable=True),
    sa.Column('rootstock_text', sa.String(length=200), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('started', sa.Integer(), nullable=False),
    sa.Column('surviving', sa.Integer(), nullable=False),
    sa.Column('ready', sa.Integer(), nullable=False),
    sa.Column('dispatched', sa.Integer(), nullable=False),
    sa.Column('lost', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("method IN ('grafting', 'sowing')", name=op.f('ck_propagation_batches_method')),
    sa.CheckConstraint('dispatched >= 0 AND dispatched <= ready', name=op.f('ck_propagation_batches_dispatched_of_ready')),
    sa.CheckConstraint('lost >= 0 AND surviving >= 0 AND surviving + lost = started', name=op.f('ck_propagation_batches_surviving_plus_lost')),
    sa.CheckConstraint('ready = 0 OR lot_id IS NOT NULL', name=op.f('ck_propagation_batches_ready_has_lot')),
    sa.CheckConstraint('ready >= 0 AND ready <= surviving', name=op.f('ck_propagation_batches_ready_of_surviving')),
    sa.CheckConstraint('started > 0', name=op.f('ck_propagation_batches_started_positive')),
    sa.ForeignKeyConstraint(['accession_id'], ['accessions.id'], name=op.f('fk_propagation_batches_accession_id_accessions')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_propagation_batches_lot_id_lots')),
    sa.ForeignKeyConstraint(['rootstock_accession_id'], ['accessions.id'], name=op.f('fk_propagation_batches_rootstock_accession_id_accessions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_propagation_batches')),
    sa.UniqueConstraint('batch_number', name=op.f('uq_propagation_batches_batch_number'))
    )
    with op.batch_alter_table('propagation_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_propagation_batches_accession_id'), ['accession_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_propagation_batches_lot_id'), ['lot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_propagation_batches_started_on'), ['started_on'], unique=False)

    op.create_table('propagation_batch_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('counted_on', sa.Date(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('started_from', sa.Integer(), nullable=False),
    sa.Column('started_to', sa.Integer(), nullable=False),
    sa.Column('surviving_from', sa.Integer(), nullable=False),
    sa.Column('surviving_to', sa.Integer(), nullable=False),
    sa.Column('ready_from', sa.Integer(), nullable=False),
    sa.Column('ready_to', sa.Integer(), nullable=False),
    sa.Column('dispatched_from', sa.Integer(), nullable=False),
    sa.Column('dispatched_to', sa.Integer(), nullable=False),
    sa.Column('lost_from', sa.Integer(), nullable=False),
    sa.Column('lost_to', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['propagation_batches.id'], name=op.f('fk_propagation_batch_counts_batch_id_propagation_batches')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_propagation_batch_counts'))
    )
    with op.batch_alter_table('propagation_batch_counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_propagation_batch_counts_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_propagation_batch_counts_counted_on'), ['counted_on'], unique=False)



def downgrade():
    with op.batch_alter_table('propagation_batch_counts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_propagation_batch_counts_counted_on'))
        batch_op.drop_index(batch_op.f('ix_propagation_batch_counts_batch_id'))

    op.drop_table('propagation_batch_counts')
    with op.batch_alter_table('propagation_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_propagation_batches_started_on'))
        batch_op.drop_index(batch_op.f('ix_propagation_batches_lot_id'))
        batch_op.drop_index(batch_op.f('ix_propagation_batches_accession_id'))

    op.drop_table('propagation_batches')

"""inventory: plants (trees), lots of material, their append-only ledger, health and
viability tests

Revision ID: de6f70819203
Revises: bc4d5e6f7081
Create Date: 2026-12-03 07:52:27.820004

"""
import sqlalchemy as sa
from alembic import op

revision = 'de6f70819203'
down_revision = 'bc4d5e6f7081'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('plants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accession_id', sa.Integer(), nullable=False),
    sa.Column('block', sa.String(length=20), nullable=False),
    sa.Column('row', sa.String(length=20), nullable=False),
    sa.Column('position', sa.String(length=20), nullable=False),
    sa.Column('planted_on', sa.Date(), nullable=True),
    sa.Column('grafted_on', sa.Date(), nullable=True),
    sa.Column('rootstock_accession_id', sa.Integer(), nullable=True),
    sa.Column('rootstock_text', sa.String(length=200), nullable=True),
    sa.Column('source_lot_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('removed_on', sa.Date(), nullable=True),
    sa.Column('removed_reason', sa.String(length=300), nullable=True),
    sa.Column('trueness', sa.String(length=10), nullable=False),
    sa.Column('trueness_checked_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status = 'living' OR removed_on IS NOT NULL", name=op.f('ck_plants_removed_has_date')),
    sa.CheckConstraint("status IN ('living', 'removed')", name=op.f('ck_plants_status')),
    sa.CheckConstraint("trueness IN ('unchecked', 'true', 'off_type')", name=op.f('ck_plants_trueness')),
    sa.ForeignKeyConstraint(['accession_id'], ['accessions.id'], name=op.f('fk_plants_accession_id_accessions')),
    sa.ForeignKeyConstraint(['rootstock_accession_id'], ['accessions.id'], name=op.f('fk_plants_rootstock_accession_id_accessions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plants'))
    )
    with op.batch_alter_table('plants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plants_accession_id'), ['accession_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plants_status'), ['status'], unique=False)
        batch_op.create_index('uq_plants_living_position', ['block', 'row', 'position'], unique=True, sqlite_where=sa.text("status = 'living'"), postgresql_where=sa.text("status = 'living'"))

    op.create_table('lots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lot_number', sa.String(length=40), nullable=False),
    sa.Column('accession_id', sa.Integer(), nullable=False),
    sa.Column('material', sa.String(length=12), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('source_plant_id', sa.Integer(), nullable=True),
    sa.Column('parent_lot_id', sa.Integer(), nullable=True),
    sa.Column('on_hand_milli', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('reserved_milli', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('critical_milli', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('distributable', sa.Boolean(), nullable=False),
    sa.Column('available_from', sa.String(length=5), nullable=True),
    sa.Column('available_to', sa.String(length=5), nullable=True),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('location', sa.String(length=200), nullable=True),
    sa.Column('health_status', sa.String(length=10), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("health_status IN ('untested', 'healthy', 'infected')", name=op.f('ck_lots_health_status')),
    sa.CheckConstraint("material IN ('tree', 'scion', 'budwood', 'seedling', 'rootstock', 'pollen', 'seed', 'in_vitro')", name=op.f('ck_lots_material')),
    sa.CheckConstraint("unit IN ('plant', 'piece', 'seed', 'tube', 'g', 'ml')", name=op.f('ck_lots_unit')),
    sa.CheckConstraint('available_from IS NULL OR length(available_from) = 5', name=op.f('ck_lots_from_mmdd')),
    sa.CheckConstraint('available_to IS NULL OR length(available_to) = 5', name=op.f('ck_lots_to_mmdd')),
    sa.CheckConstraint('critical_milli >= 0', name=op.f('ck_lots_critical')),
    sa.CheckConstraint('reserved_milli >= 0 AND reserved_milli <= on_hand_milli', name=op.f('ck_lots_balances')),
    sa.ForeignKeyConstraint(['accession_id'], ['accessions.id'], name=op.f('fk_lots_accession_id_accessions')),
    sa.ForeignKeyConstraint(['parent_lot_id'], ['lots.id'], name=op.f('fk_lots_parent_lot_id_lots')),
    sa.ForeignKeyConstraint(['source_plant_id'], ['plants.id'], name=op.f('fk_lots_source_plant_id_plants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lots')),
    sa.UniqueConstraint('lot_number', name=op.f('uq_lots_lot_number'))
    )
    with op.batch_alter_table('lots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lots_accession_id'), ['accession_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_lots_material'), ['material'], unique=False)
    # Plants and lots refer to each other (a tree's source lot, a lot's source tree): the
    # plants' half is added once both tables exist.
    with op.batch_alter_table('plants', schema=None) as batch_op:
        batch_op.create_foreign_key(batch_op.f('fk_plants_source_lot_id_lots'), 'lots',
                                    ['source_lot_id'], ['id'])

    op.create_table('plant_health_tests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plant_id', sa.Integer(), nullable=False),
    sa.Column('pathogen', sa.String(length=60), nullable=False),
    sa.Column('method', sa.String(length=40), nullable=False),
    sa.Column('result', sa.String(length=12), nullable=False),
    sa.Column('tested_on', sa.Date(), nullable=False),
    sa.CheckConstraint("result IN ('negative', 'positive', 'inconclusive')", name=op.f('ck_plant_health_tests_result')),
    sa.ForeignKeyConstraint(['plant_id'], ['plants.id'], name=op.f('fk_plant_health_tests_plant_id_plants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plant_health_tests'))
    )
    with op.batch_alter_table('plant_health_tests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plant_health_tests_plant_id'), ['plant_id'], unique=False)

    op.create_table('lot_transactions',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('on_hand_milli', sa.BigInteger(), nullable=False),
    sa.Column('reserved_milli', sa.BigInteger(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('plant_id', sa.Integer(), nullable=True),
    sa.Column('other_lot_id', sa.Integer(), nullable=True),
    sa.Column('request_item_id', sa.Integer(), nullable=True),
    sa.Column('idempotency_key', sa.String(length=100), nullable=True),
    sa.CheckConstraint("kind IN ('harvest', 'propagate', 'transfer', 'reserve', 'release', 'ship', 'loss', 'adjust', 'correction')", name=op.f('ck_lot_transactions_kind')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_lot_transactions_lot_id_lots')),
    sa.ForeignKeyConstraint(['other_lot_id'], ['lots.id'], name=op.f('fk_lot_transactions_other_lot_id_lots')),
    sa.ForeignKeyConstraint(['plant_id'], ['plants.id'], name=op.f('fk_lot_transactions_plant_id_plants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lot_transactions')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_lot_transactions_idempotency_key'))
    )
    with op.batch_alter_table('lot_transactions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lot_transactions_lot_id'), ['lot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_lot_transactions_request_item_id'), ['request_item_id'], unique=False)

    op.create_table('viability_tests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=12), nullable=False),
    sa.Column('percent', sa.Integer(), nullable=False),
    sa.Column('n', sa.Integer(), nullable=True),
    sa.Column('tested_on', sa.Date(), nullable=False),
    sa.CheckConstraint("method IN ('germination', 'graft_take', 'stainability')", name=op.f('ck_viability_tests_method')),
    sa.CheckConstraint('percent BETWEEN 0 AND 100', name=op.f('ck_viability_tests_percent_range')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_viability_tests_lot_id_lots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_viability_tests'))
    )
    with op.batch_alter_table('viability_tests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_viability_tests_lot_id'), ['lot_id'], unique=False)



def downgrade():
    with op.batch_alter_table('viability_tests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_viability_tests_lot_id'))

    op.drop_table('viability_tests')
    with op.batch_alter_table('lot_transactions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lot_transactions_request_item_id'))
        batch_op.drop_index(batch_op.f('ix_lot_transactions_lot_id'))

    op.drop_table('lot_transactions')
    with op.batch_alter_table('plant_health_tests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plant_health_tests_plant_id'))

    op.drop_table('plant_health_tests')
    with op.batch_alter_table('plants', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_plants_source_lot_id_lots'), type_='foreignkey')
    with op.batch_alter_table('lots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lots_material'))
        batch_op.drop_index(batch_op.f('ix_lots_accession_id'))

    op.drop_table('lots')
    with op.batch_alter_table('plants', schema=None) as batch_op:
        batch_op.drop_index('uq_plants_living_position', sqlite_where=sa.text("status = 'living'"), postgresql_where=sa.text("status = 'living'"))
        batch_op.drop_index(batch_op.f('ix_plants_status'))
        batch_op.drop_index(batch_op.f('ix_plants_accession_id'))

    op.drop_table('plants')

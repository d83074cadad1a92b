"""The ledger: stock moves only by appended entries, balances are their sums, a repeated
idempotency key adds nothing, reservations never reach into the critical quantity."""
from datetime import date

import pytest
from sqlalchemy import update

from germplasm.extensions import db
from germplasm.inventory import ledger, lots
from germplasm.inventory.models import LedgerIsAppendOnly, Lot
from germplasm.inventory.quantities import to_milli


def test_a_new_lot_enters_its_stock_through_the_ledger(make_lot):
    lot = make_lot(quantity=25)
    entries = ledger.entries(lot)
    assert [(e.kind, e.on_hand_milli, e.actor) for e in entries] == [("adjust", 25_000, "tester")]
    assert lot.on_hand_milli == 25_000 and lot.reserved_milli == 0


def test_reserve_release_ship_and_loss(make_lot):
    lot = make_lot(quantity=10, critical=2)
    ledger.record(lot, "reserve", actor="a", reserved=to_milli(5))
    assert lots.available_milli(lot) == to_milli(3)  # 10 - 5 - 2
    with pytest.raises(ledger.LedgerProblem, match="not enough available"):
        ledger.record(lot, "reserve", actor="a", reserved=to_milli(4))
    ledger.record(lot, "release", actor="a", reserved=-to_milli(1))
    ledger.record(lot, "ship", actor="a", on_hand=-to_milli(4), reserved=-to_milli(4))
    ledger.record(lot, "loss", actor="a", on_hand=-to_milli(1))
    db.session.commit()
    assert (lot.on_hand_milli, lot.reserved_milli) == (to_milli(5), 0)
    assert [e.kind for e in ledger.entries(lot)] == ["adjust", "reserve", "release", "ship",
                                                    "loss"]


def test_nothing_goes_below_zero_and_refusals_leave_no_entry(make_lot):
    lot = make_lot(quantity=3)
    with pytest.raises(ledger.LedgerProblem, match="below nothing"):
        ledger.record(lot, "loss", actor="a", on_hand=-to_milli(4))
    with pytest.raises(ledger.LedgerProblem, match="cannot change"):
        ledger.record(lot, "harvest", actor="a", on_hand=-to_milli(1))
    with pytest.raises(ledger.LedgerProblem, match="must change"):
        ledger.record(lot, "adjust", actor="a")
    db.session.commit()
    assert len(ledger.entries(lot)) == 1 and lot.on_hand_milli == to_milli(3)


def test_a_repeated_idempotency_key_adds_nothing(make_lot):
    lot = make_lot(quantity=10)
    first = ledger.record(lot, "reserve", actor="a", reserved=to_milli(2), key="req-7-item-1")
    again = ledger.record(lot, "reserve", actor="a", reserved=to_milli(2), key="req-7-item-1")
    db.session.commit()
    assert first.created and not again.created
    assert again.transaction.id == first.transaction.id
    assert lot.reserved_milli == to_milli(2) and len(ledger.entries(lot)) == 2
    with pytest.raises(ledger.LedgerProblem, match="another entry"):
        ledger.record(lot, "reserve", actor="a", reserved=to_milli(3), key="req-7-item-1")


def test_entries_are_never_changed_nor_deleted(make_lot):
    lot = make_lot(quantity=10)
    entry = ledger.entries(lot)[0]
    entry.note = "rewritten"
    with pytest.raises(LedgerIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    db.session.delete(ledger.entries(lot)[0])
    with pytest.raises(LedgerIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    # A correction is a new entry.
    ledger.record(lot, "correction", actor="a", on_hand=-to_milli(1), note="miscounted")
    db.session.commit()
    assert lot.on_hand_milli == to_milli(9) and len(ledger.entries(lot)) == 2


def test_lots_check_reports_a_lot_that_differs_from_its_ledger(make_lot, cli):
    lot = make_lot(quantity=10)
    db.session.execute(update(Lot).where(Lot.id == lot.id).values(on_hand_milli=12_000))
    result = cli("lots", "check")
    assert result.exit_code == 1
    assert f"{lot.lot_number}: on hand 12 reserved 0, but the ledger adds up to on hand 10" \
        in result.output
    db.session.execute(update(Lot).where(Lot.id == lot.id).values(on_hand_milli=10_000))
    assert cli("lots", "check").exit_code == 0


def test_units_follow_the_material(make_lot):
    pollen = make_lot(material="pollen", quantity="0.75", unit="g")
    assert pollen.on_hand_milli == 750
    with pytest.raises(lots.LotProblem, match="whole number"):
        make_lot(material="scion", quantity="2.5")
    with pytest.raises(lots.LotProblem, match="counted in"):
        make_lot(material="scion", unit="g")
    assert make_lot(material="pollen", unit="ml", quantity=3).unit == "ml"
    db.session.rollback()


def test_availability_windows_may_wrap_over_the_new_year(make_lot):
    scions = make_lot(available_from="12-01", available_to="02-28")
    assert lots.in_season(scions, date(2026, 12, 15))
    assert lots.in_season(scions, date(2027, 1, 20))
    assert not lots.in_season(scions, date(2027, 6, 1))
    budwood = make_lot(material="budwood", available_from="07-01", available_to="08-31")
    assert lots.in_season(budwood, date(2026, 7, 15))
    assert not lots.in_season(budwood, date(2026, 12, 15))
    with pytest.raises(lots.LotProblem, match="not a day"):
        make_lot(available_from="02-30", available_to="03-01")
    db.session.rollback()


def test_transfer_and_harvest_name_their_counterpart(make_lot, make_accession):
    from germplasm.inventory import plants

    accession = make_accession()
    cold, nursery = make_lot(accession, quantity=30), make_lot(accession, quantity=0)
    ledger.transfer(cold, nursery, to_milli(12), actor="a", key="move-1")
    ledger.transfer(cold, nursery, to_milli(12), actor="a", key="move-1")  # a retry
    tree = plants.plant(accession.id, plants.PlantFields("H", "1", "1"))
    ledger.harvest(tree, nursery, to_milli(8), actor="a")
    db.session.commit()
    assert (cold.on_hand_milli, nursery.on_hand_milli) == (to_milli(18), to_milli(20))
    into = [(e.kind, e.other_lot_id, e.plant_id) for e in ledger.entries(nursery)]
    assert into == [("transfer", cold.id, None), ("harvest", None, tree.id)]
    with pytest.raises(ledger.LedgerProblem, match="one accession and unit"):
        ledger.transfer(cold, make_lot(), to_milli(1), actor="a")
    with pytest.raises(ledger.LedgerProblem, match="below nothing"):
        ledger.transfer(cold, nursery, to_milli(19), actor="a")
    db.session.rollback()

"""Many reservations against one lot at the same moment, each in its own thread with its own
connection, released together behind a barrier: exactly the stock is reserved, never more,
and the ledger agrees (PostgreSQL re-checks the conditional update on the committed row;
SQLite takes one writer at a time)."""
import threading

import pytest

from germplasm import create_app
from germplasm.accessions.services import get_by_number, upsert_rows
from germplasm.extensions import db
from germplasm.inventory import ledger, lots
from germplasm.inventory.models import Lot
from germplasm.inventory.quantities import to_milli
from schemas.accession import McpdRowSchema

pytestmark = pytest.mark.no_db
WORKERS, EACH, STOCK = 12, 5, 50


def _lot(app) -> int:
    with app.app_context():
        row = McpdRowSchema().load({"INSTCODE": "CHN385", "ACCENUMB": "HOT1", "GENUS": "Prunus"})
        result = upsert_rows([(2, row)], user="tests", source="test")
        assert result.created == 1
        lot = lots.create(get_by_number("HOT1").id, "HOT-LOT", lots.LotFields("scion", critical=0),
                          actor="tests", quantity=STOCK)
        db.session.commit()
        return lot.id


def _reserve(app, lot_id: int, number: int, barrier, outcomes: list) -> None:
    with app.app_context():
        try:
            lot = db.session.get(Lot, lot_id)
            db.session.commit()  # start the race from a fresh transaction
            barrier.wait(timeout=30)
            ledger.record(lot, "reserve", actor=f"worker{number}", reserved=to_milli(EACH),
                          key=f"hot-{number}")
            db.session.commit()
            outcomes.append("reserved")
        except ledger.LedgerProblem:
            db.session.rollback()
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            db.session.rollback()
            outcomes.append(repr(error))
        finally:
            db.session.remove()


def test_concurrent_reservations_never_reserve_more_than_the_lot_holds(fresh_db, tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": fresh_db,
                      "GERMPLASM_INDEX_DIR": str(tmp_path / "index")})
    lot_id = _lot(app)
    barrier, outcomes = threading.Barrier(WORKERS), []
    threads = [threading.Thread(target=_reserve, args=(app, lot_id, n, barrier, outcomes))
               for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(set(outcomes)) == ["refused", "reserved"], outcomes
    assert outcomes.count("reserved") == STOCK // EACH
    with app.app_context():
        lot = db.session.get(Lot, lot_id)
        assert (lot.on_hand_milli, lot.reserved_milli) == (to_milli(STOCK), to_milli(STOCK))
        assert ledger.differences() == []
        assert len(ledger.entries(lot)) == 1 + STOCK // EACH
        db.session.remove()
        db.engine.dispose()

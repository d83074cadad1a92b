"""The accession page shows staff its trees and lots (in Chinese); `germplasm demo` fills the
living collection."""
import html
from datetime import date

from sqlalchemy import func, select

from germplasm.accessions.models import Accession
from germplasm.accounts.services import create_user
from germplasm.extensions import db
from germplasm.inventory import plants
from germplasm.inventory.batch_models import PropagationBatch
from germplasm.inventory.models import Lot, Plant
from tests.accounts.test_login import login


def _stocked(make_accession, make_lot):
    accession = make_accession(accenumb="INV1")
    plants.plant(accession.id, plants.PlantFields("K", "3", "9", planted_on=date(2018, 3, 2),
                                                  rootstock_text="毛桃"))
    make_lot(accession, quantity=80, critical=10, distributable=True, available_from="12-01",
             available_to="02-28", location="冷库3")
    db.session.commit()


def test_staff_see_the_trees_and_lots(client, make_accession, make_lot):
    _stocked(make_accession, make_lot)
    create_user("wang.nursery", "staff", "orchard-2026")
    db.session.commit()
    assert login(client, "wang.nursery", "orchard-2026").status_code == 302
    page = html.unescape(client.get("/accessions/INV1").get_data(as_text=True))
    section = page[page.index("保存植株与材料"):]
    for expected in ("在圃植株 1 株（最少 2 株）", "低于最少株数", "K-3-9", "2018-03-02", "毛桃",
                     "在圃", "接穗", "80 支", "70", "12-01 – 02-28", "冷库3"):
        assert expected in section, expected


def test_visitors_do_not(client, make_accession, make_lot):
    _stocked(make_accession, make_lot)
    page = client.get("/accessions/INV1").get_data(as_text=True)
    assert "保存植株与材料" not in page and "K-3-9" not in page


def test_demo_adds_trees_for_every_accession_and_lots(cli):
    result = cli("demo", "--accessions", 40, "--no-evaluations", "--seed", 3)
    assert result.exit_code == 0, result.output
    without = db.session.scalar(select(func.count()).select_from(Accession).where(
        ~Accession.id.in_(select(Plant.accession_id))))
    assert without == 0
    seedling_lots = select(PropagationBatch.lot_id).where(PropagationBatch.lot_id.is_not(None))
    assert db.session.scalar(select(func.count()).select_from(Lot)
                             .where(Lot.id.not_in(seedling_lots))) == 40
    assert plants.below_minimum()  # a few are left with one tree, for the alert

"""The demo's living collection: trees for every accession (a few below the minimum, so the
regeneration alert has something to say), lots for a few hundred, with some stock
reserved and lost, and propagation batches, all through the inventory's services and ledger."""
import random
from datetime import date, timedelta

from sqlalchemy import select

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.inventory import ledger, lots, plants
from germplasm.inventory.quantities import to_milli

ROOTSTOCKS = ("毛桃", "山桃", "李实生砧", "毛樱桃", "榆叶梅")
POSITIONS, ROWS = 25, 40  # trees per row, rows per block
LOTS = 300
# Material, unit, quantity range, critical, window, share of the demo lots.
KINDS = (("scion", "piece", (40, 600), 10, ("12-01", "02-28"), 40),
         ("budwood", "piece", (20, 200), 5, ("07-01", "08-31"), 20),
         ("seedling", "plant", (10, 300), 5, None, 20),
         ("pollen", "g", (1, 20), 0, ("03-01", "04-30"), 15),
         ("tree", "plant", (1, 6), 1, ("11-01", "03-15"), 5))


def add_demo_inventory(seed: int, user: str) -> tuple[int, int]:
    """(trees, lots) added."""
    rng = random.Random(seed + 12)
    accessions = list(db.session.execute(select(Accession.id, Accession.accenumb)
                                         .order_by(Accession.id)))
    trees = plants.plant_many(list(_trees(rng, accessions)))
    _remove_some(rng, user)
    chosen = rng.sample(accessions, min(LOTS, len(accessions)))
    for number, (accession_id, accenumb) in enumerate(chosen, 1):
        _lot(rng, accession_id, f"{accenumb}-{number:03d}", user)
    from loaders.demo_batches import add_demo_batches

    add_demo_batches(rng, accessions, user)  # and the seedling lots of their ready plants
    return trees, len(chosen)


def _trees(rng: random.Random, accessions):
    index = 0
    for accession_id, _number in accessions:
        # Most accessions keep two or three trees; a few only one (below the minimum).
        for _ in range(rng.choices((1, 2, 3), (8, 70, 22))[0]):
            block, rest = divmod(index, POSITIONS * ROWS)
            planted = date(2008, 3, 1) + timedelta(days=rng.randrange(16 * 365))
            yield accession_id, plants.PlantFields(
                _block(block), str(rest // POSITIONS + 1), str(rest % POSITIONS + 1),
                planted_on=planted, grafted_on=planted - timedelta(days=365),
                rootstock_text=rng.choice(ROOTSTOCKS))
            index += 1


def _block(number: int) -> str:
    return chr(ord("A") + number % 26) + (str(number // 26) if number >= 26 else "")


def _remove_some(rng: random.Random, user: str) -> None:
    from germplasm.inventory.models import Plant

    ids = list(db.session.scalars(select(Plant.id).order_by(Plant.id)))
    for plant_id in rng.sample(ids, min(20, len(ids) // 50)):
        plants.remove(db.session.get(Plant, plant_id), rng.choice(("冻害", "流胶病", "根腐")),
                      date(2025, rng.randrange(1, 13), 1), user=user, source="demo")


def _lot(rng: random.Random, accession_id: int, number: str, user: str) -> None:
    material, unit, (low, high), critical, window, _ = rng.choices(
        KINDS, [k[-1] for k in KINDS])[0]
    fields = lots.LotFields(material, unit, critical=critical,
                            distributable=rng.random() < 0.85,
                            available_from=window[0] if window else None,
                            available_to=window[1] if window else None,
                            location=rng.choice(("冷库1", "冷库2", "苗圃", "花粉冰箱")),
                            health_status=rng.choice(("healthy", "healthy", "untested")))
    lot = lots.create(accession_id, number, fields, actor=user, kind="harvest",
                      quantity=rng.randint(low, high), note="demo")
    spare = lot.on_hand_milli - to_milli(critical)
    if spare > to_milli(2) and rng.random() < 0.4:
        ledger.record(lot, "reserve", actor=user, reserved=to_milli(1) * (spare // 2000))
    if rng.random() < 0.2:
        ledger.record(lot, "loss", actor=user, on_hand=-to_milli(1), note="demo: 损耗")

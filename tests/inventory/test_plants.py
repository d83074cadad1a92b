"""Trees: one living tree per place, removal frees it, health tests, the regeneration alert."""
from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from germplasm.extensions import db
from germplasm.inventory import plants
from germplasm.inventory.models import Plant


def place(block="A", row="1", position="1", **extra):
    return plants.PlantFields(block, row, position, **extra)


def test_one_living_tree_per_place(make_accession):
    accession = make_accession()
    plants.plant(accession.id, place(planted_on=date(2020, 3, 1), rootstock_text="毛桃"))
    with pytest.raises(plants.PlantProblem, match="stands at A-1-1"):
        plants.plant(accession.id, place())
    # The database refuses it too, whatever door a row comes through.
    db.session.add(Plant(accession_id=accession.id, block="A", row="1", position="1",
                         status="living", trueness="unchecked"))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_a_removed_tree_frees_its_place_and_keeps_its_record(make_accession):
    accession = make_accession()
    old = plants.plant(accession.id, place("B", "2", "3"))
    with pytest.raises(plants.PlantProblem, match="say why"):
        plants.remove(old, " ", date(2025, 5, 1))
    plants.remove(old, "canker", date(2025, 5, 1))
    new = plants.plant(accession.id, place("B", "2", "3"))
    db.session.commit()
    assert (old.status, old.removed_reason, new.status) == ("removed", "canker", "living")


def test_health_tests_and_trueness(make_accession):
    tree = plants.plant(make_accession().id, place("C", "1", "1"))
    plants.add_health_test(tree, "PPV", "RT-PCR", "negative", date(2026, 5, 2))
    plants.check_trueness(tree, "true", date(2026, 6, 1))
    with pytest.raises(plants.PlantProblem):
        plants.add_health_test(tree, "PNRSV", "ELISA", "maybe", date(2026, 5, 2))
    db.session.commit()
    assert [(t.pathogen, t.result) for t in tree.health_tests] == [("PPV", "negative")]
    assert tree.trueness == "true"


def test_regeneration_alert_lists_accessions_below_the_minimum(make_accession, app):
    safe, thin, bare = make_accession(), make_accession(), make_accession()
    for position in ("1", "2"):
        plants.plant(safe.id, place("D", "1", position))
    plants.plant(thin.id, place("D", "2", "1"))
    dead = plants.plant(thin.id, place("D", "2", "2"))
    plants.remove(dead, "frost", date(2026, 1, 10))
    alert = {a.accenumb: n for a, n in plants.below_minimum()}
    assert alert[thin.accenumb] == 1 and alert[bare.accenumb] == 0
    assert safe.accenumb not in alert
    assert safe.accenumb in {a.accenumb for a, _ in plants.below_minimum(3)}
    app.config["GERMPLASM_MIN_TREES"] = 1
    try:
        assert thin.accenumb not in {a.accenumb for a, _ in plants.below_minimum()}
    finally:
        app.config["GERMPLASM_MIN_TREES"] = 2


def test_below_minimum_command(make_accession, cli):
    accession = make_accession()
    result = cli("plants", "below-minimum")
    assert result.exit_code == 0
    assert f"{accession.instcode}\t{accession.accenumb}\t0" in result.output

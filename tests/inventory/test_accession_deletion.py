"""Deleting an accession that has trees or lots is refused with a message naming how many
(the ledger is append-only: nothing is cascaded), in the admin as everywhere; one without
them is deleted and audited."""
import pytest

from germplasm.accessions.deletion import AccessionInUse, delete_accession
from germplasm.accessions.models import Accession
from germplasm.audit.services import history
from germplasm.extensions import db
from germplasm.inventory import plants
from tests.test_admin import page_token, text


def admin_delete(client, accession, lang="zh"):
    token = page_token(client, f"/admin/accessions/edit/?id={accession.id}")
    return client.post(f"/admin/accessions/delete/?lang={lang}",
                       data={"id": accession.id, "csrf_token": token},
                       follow_redirects=True)


def test_the_admin_refuses_to_delete_an_accession_with_trees_and_lots(
        client, as_role, make_accession, make_lot):
    accession = make_accession(accenumb="DEL-1")
    accession_id = accession.id
    for position in ("1", "2"):
        plants.plant(accession.id, plants.PlantFields("D", "1", position))
    make_lot(accession, quantity=3)
    db.session.commit()
    as_role("admin")
    answer = admin_delete(client, accession)
    assert answer.status_code == 200
    page = text(answer)
    assert "DEL-1 有 2 株植株和 1 个批次" in page and "请先移除其植株和批次" in page
    assert db.session.get(Accession, accession_id) is not None
    english = text(admin_delete(client, accession, lang="en"))
    assert "DEL-1 has 2 trees and 1 lots" in english and "remove its trees and lots first" \
        in english


def test_an_accession_that_is_a_rootstock_is_refused_too(client, as_role, make_accession):
    stock, scion = make_accession(accenumb="STOCK-1"), make_accession()
    plants.plant(scion.id, plants.PlantFields("D", "2", "1", rootstock_accession_id=stock.id))
    db.session.commit()
    as_role("admin")
    page = text(admin_delete(client, stock, lang="en"))
    assert "STOCK-1 is the rootstock of 1 trees" in page
    assert db.session.get(Accession, stock.id) is not None


def test_an_accession_without_trees_or_lots_is_deleted_and_audited(client, as_role,
                                                                    make_accession):
    accession = make_accession(accenumb="DEL-2")
    accession_id = accession.id
    as_role("admin")
    assert admin_delete(client, accession).status_code == 200
    assert db.session.get(Accession, accession_id) is None
    [entry] = [e for e in history(accession_id) if e.action == "delete"]
    assert entry.old_value == "DEL-2"


def test_the_service_refuses_before_touching_anything(make_accession, make_lot):
    accession = make_accession()
    make_lot(accession, quantity=1)
    with pytest.raises(AccessionInUse, match="0 trees and 1 lots"):
        delete_accession(accession, "tester")
    assert not [e for e in history(accession.id) if e.action == "delete"]

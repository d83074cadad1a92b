"""The accession page shows staff who changed which field, when, from what to what."""
import html

from germplasm.accessions.services import update_passport
from germplasm.accounts.services import create_user
from germplasm.extensions import db
from tests.accounts.test_login import login


def _edited(make_accession):
    accession = make_accession(accenumb="H1", collsite="巫山县")
    update_passport(accession, {"COLLSITE": "重庆市巫山县曲尺乡"}, user="zhang.curator",
                    source="admin")
    db.session.commit()
    return accession


def test_staff_see_the_change_history(client, make_accession):
    _edited(make_accession)
    create_user("li.ming", "staff", "orchard-2026", "李明")
    db.session.commit()
    assert login(client, "li.ming", "orchard-2026").status_code == 302
    page = html.unescape(client.get("/accessions/H1").get_data(as_text=True))
    assert "修改记录" in page
    row = page[page.index("修改记录"):]
    for expected in ("zhang.curator", "COLLSITE", "巫山县", "重庆市巫山县曲尺乡", "管理后台",
                     "修改"):
        assert expected in row


def test_visitors_do_not(client, make_accession):
    _edited(make_accession)
    page = client.get("/accessions/H1").get_data(as_text=True)
    assert "修改记录" not in page and "zhang.curator" not in page

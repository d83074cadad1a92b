"""/fingerprints shows the report over the accessions the visitor may see."""
from germplasm.extensions import db
from tests.fingerprints.test_report import plant


def test_page_lists_duplicates_and_parent_conflicts(make_accession, cli, client, tmp_path,
                                                     markers):
    n = plant(make_accession, cli, tmp_path)
    page = client.get("/fingerprints?threshold=0&min_markers=2")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    first, second = sorted([n["A"], n["A2"]])
    assert f'{first}</a> = <a href="/accessions/{second}"' in html
    assert n["P"] not in html and n["B"] not in html
    assert "UDP96-005" in html and n["Lapins"] in html


def test_restricted_accessions_hidden_from_the_public(make_accession, cli, client, tmp_path,
                                                      markers):
    n = plant(make_accession, cli, tmp_path)
    from germplasm.accessions.services import get_by_number
    get_by_number(n["A2"], "CHN385").restricted = True
    db.session.commit()
    html = client.get("/fingerprints?min_markers=2").get_data(as_text=True)
    assert n["A2"] not in html and n["A"] not in html


def test_bad_parameters_answer_400(client):
    assert client.get("/fingerprints?threshold=abc").status_code == 400
    assert client.get("/fingerprints?min_markers=0").status_code == 400

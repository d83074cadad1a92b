"""GET /brapi/v2/germplasm reads a page in a fixed number of SQL statements however large the
page (no statement per accession), and the records built from that loading are the ones a
single fetch gives, URLs escaped as url_for escapes them."""
from contextlib import contextmanager

from flask import url_for
from sqlalchemy import event

from germplasm.extensions import db

BASE = "/brapi/v2"
MORE = 24  # accessions besides the world's, each with synonyms, storage and other numbers


@contextmanager
def statements():
    sent = []

    def note(_conn, _cursor, statement, *_):
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def _more(make_accession) -> None:
    for n in range(MORE):
        make_accession(accenumb=f"L{n:03d}", accename=f"李{n};Li {n};Plum {n}",
                       storage="20;30", othernumb=f"CN-{n};OLD-{n}", donorcode="CHN004",
                       sampstat="110" if n % 2 else "300", declatitude="31.07519",
                       declongitude="109.87812", cropname="plum")


def _page(client, size: int, headers=None) -> tuple[list[dict], int]:
    with statements() as sent:
        response = client.get(f"{BASE}/germplasm?pageSize={size}", headers=headers or {})
    assert response.status_code == 200, response.data
    return response.get_json()["result"]["data"], len(sent)


def test_a_page_takes_as_many_statements_for_one_accession_as_for_all(client, brapi_world,
                                                                     make_accession):
    _more(make_accession)
    staff = {"Authorization": f"Bearer {brapi_world.staff_token}"}
    for headers in ({}, staff):
        _page(client, 1, headers)  # what is read once and kept (code lists, the token's use)
        one, few = _page(client, 1, headers)
        every, many = _page(client, 1000, headers)
        assert len(one) == 1 and len(every) == MORE + (4 if headers else 3)
        assert many == few, "statements grow with the page: a look-up per accession"


def test_page_records_equal_single_fetches(client, brapi_world, make_accession):
    """The page (ids first, chosen columns, names and multi-values read apart) and a single
    fetch (the whole accession) give the same record, wild sites rounded alike."""
    _more(make_accession)
    data, _ = _page(client, 1000)
    assert {row["accessionNumber"] for row in data} >= {"B001", "L000", "L001"}
    for row in data:
        single = client.get(f"{BASE}/germplasm/{row['germplasmDbId']}").get_json()["result"]
        assert row == single
    wild = next(row for row in data if row["accessionNumber"] == "L001")
    assert wild["germplasmOrigin"][0]["coordinates"]["geometry"]["coordinates"] == [109.9, 31.1]
    assert [s["synonym"] for s in wild["synonyms"]] == ["Li 1", "Plum 1"]
    assert [r["referenceId"] for r in wild["externalReferences"]] == ["CN-1", "OLD-1"]
    assert [s["code"] for s in wild["storageTypes"]] == ["20", "30"]


def test_urls_escaped_as_url_for_escapes_them(app, client, brapi_world, make_accession):
    odd = make_accession(accenumb="PI 113/869 李#1?", accename="怪号", cropname="plum")
    data, _ = _page(client, 1000)
    row = next(row for row in data if row["accessionNumber"] == odd.accenumb)
    with app.test_request_context():
        assert row["documentationURL"] == url_for("accessions.detail", accenumb=odd.accenumb,
                                                  _external=True)
        assert row["germplasmPUI"] == url_for("brapi_germplasm.germplasm_one",
                                              germplasmDbId=str(odd.id), _external=True)

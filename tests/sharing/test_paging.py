"""Paging of /api/v1 lists: total, page, per_page, links (self, next, prev) that keep the
other parameters, the same links in an RFC 8288 Link header, and the page-size cap."""
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from germplasm.extensions import db


def _get(client, query: str):
    response = client.get(f"/api/v1/accessions?{query}")
    assert response.status_code == 200, response.text
    return response


def _header_links(response) -> dict:
    return {rel: url for url, rel in
            re.findall(r'<([^>]+)>; rel="([a-z]+)"', response.headers["Link"])}


def _query(url: str) -> dict:
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "localhost"  # absolute
    assert parts.path == "/api/v1/accessions"
    return parse_qs(parts.query)


def test_first_middle_and_last_pages(client, catalogue):
    first = _get(client, "per_page=2&sort=accenumb&species=salicina&species=domestica")
    body = first.get_json()
    assert (body["total"], body["page"], body["per_page"]) == (6, 1, 2)
    assert body["links"]["prev"] is None
    following = _query(body["links"]["next"])
    assert following["page"] == ["2"] and following["per_page"] == ["2"]
    assert following["species"] == ["salicina", "domestica"] and following["sort"] == ["accenumb"]
    assert _header_links(first) == {k: v for k, v in body["links"].items() if v}

    middle = client.get(body["links"]["next"])
    links = middle.get_json()["links"]
    assert _query(links["prev"])["page"] == ["1"] and _query(links["next"])["page"] == ["3"]
    assert _query(links["self"])["page"] == ["2"]
    assert set(_header_links(middle)) == {"self", "next", "prev", "first", "last"}

    last = client.get(links["next"])
    assert [i["accenumb"] for i in last.get_json()["items"]] == ["S005", "S007"]
    assert last.get_json()["links"]["next"] is None
    assert "next" not in _header_links(last)
    assert _query(last.get_json()["links"]["last"])["page"] == ["3"]


def test_one_page_has_neither_next_nor_prev(client, catalogue):
    body = _get(client, "").get_json()
    assert body["per_page"] == 20 and body["page"] == 1
    assert body["links"]["next"] is None and body["links"]["prev"] is None


def test_a_page_past_the_end_is_empty_and_points_back(client, catalogue):
    body = _get(client, "per_page=2&page=9").get_json()
    assert body["items"] == [] and body["total"] == 6 and body["links"]["next"] is None
    assert _query(body["links"]["prev"])["page"] == ["3"]


def test_per_page_is_capped_at_100_and_at_least_1(client, catalogue):
    assert _get(client, "per_page=1000").get_json()["per_page"] == 100
    assert _get(client, "per_page=0").get_json()["per_page"] == 1
    assert _get(client, "per_page=").get_json()["per_page"] == 20


def test_items_carry_id_and_updated_at(client, catalogue):
    item = _get(client, "accenumb=S001").get_json()["items"][0]
    assert item["id"] == catalogue["S001"].id
    moment = datetime.fromisoformat(item["updated_at"])
    assert moment.utcoffset() == timedelta(0)
    assert abs(moment - datetime.now(UTC)) < timedelta(hours=1)


def test_accenumb_and_instcode_filters(client, catalogue, make_accession):
    make_accession(accenumb="S001", instcode="USA022")  # the same number elsewhere
    body = _get(client, "accenumb=S001").get_json()
    assert sorted(i["instcode"] for i in body["items"]) == ["CHN385", "USA022"]
    body = _get(client, "accenumb=S001&instcode=usa022").get_json()
    assert [(i["accenumb"], i["instcode"]) for i in body["items"]] == [("S001", "USA022")]
    assert _get(client, "accenumb=S001&accenumb=S002&instcode=CHN385").get_json()["total"] == 2
    assert _get(client, "accenumb=S006").get_json()["total"] == 0  # restricted stays hidden


def test_updated_since(client, catalogue):
    s002 = catalogue["S002"]
    past = datetime(2020, 1, 1, tzinfo=UTC)
    for accession in catalogue.values():
        accession.updated_at = past
    db.session.flush()
    s002.updated_at = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    db.session.commit()
    from search.state import bump_version  # the catalogue changed: snapshots follow
    bump_version()
    db.session.commit()
    numbers = [i["accenumb"] for i in
               _get(client, "updated_since=2026-05-01T08:00:00Z").get_json()["items"]]
    assert numbers == ["S002"]
    # the same moment in Beijing time; a date alone is its midnight UTC
    assert _get(client, "updated_since=2026-05-01T16:00:00%2B08:00").get_json()["total"] == 1
    assert _get(client, "updated_since=2026-05-01T08:00:01Z").get_json()["total"] == 0
    assert _get(client, "updated_since=2019-12-31").get_json()["total"] == 6
    item = _get(client, "accenumb=S002").get_json()["items"][0]
    assert datetime.fromisoformat(item["updated_at"]) == datetime(2026, 5, 1, 8, tzinfo=UTC)

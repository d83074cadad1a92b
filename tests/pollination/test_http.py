"""The API's JSON shapes exactly, the OpenAPI document, the pages in Chinese and English, the
curators' form, and the access rule (restricted accessions only for staff), over HTTP."""
import re

from germplasm.audit.services import history
from germplasm.extensions import db
from germplasm.pollination import services


def test_compatibility_api_shape_and_classes(orchard, client):
    n = {name: a.accenumb for name, a in orchard.items()}
    answer = client.get(f"/api/v1/compatibility?female={n['巫山脆李']}&male={n['秋姬']}")
    assert answer.status_code == 200
    body = answer.get_json()
    assert set(body) == {"female", "male", "compatibility", "reason"}
    assert (body["female"], body["male"], body["compatibility"]) == (n["巫山脆李"], n["秋姬"],
                                                                      "compatible")
    expected = {"早红": "incompatible", "半李": "half", "未知李": "unknown"}
    for male, word in expected.items():
        got = client.get("/api/v1/compatibility", query_string={
            "female": n["巫山脆李"], "male": male}).get_json()  # by name too
        assert (got["male"], got["compatibility"]) == (n[male], word) and got["reason"]


def test_compatibility_api_errors(orchard, client):
    assert client.get("/api/v1/compatibility?female=WSL00001").status_code == 400
    missing = client.get("/api/v1/compatibility?female=NOPE&male=NOPE")
    assert missing.status_code == 404 and missing.get_json()["message"]
    hidden = orchard["秘李"].accenumb  # restricted: as unknown for the public
    assert client.get(f"/api/v1/compatibility?female={hidden}&male=秋姬").status_code == 404


def test_pollinizers_api_shape_and_access(orchard, client, as_role):
    female = orchard["巫山脆李"].accenumb
    body = client.get(f"/api/v1/pollinizers?for={female}").get_json()
    assert set(body) == {"for", "items"} and body["for"] == female
    assert all(set(i) == {"accenumb", "compatibility", "bloom_overlap_days", "years"}
               for i in body["items"])
    assert body["items"][0] == {"accenumb": orchard["秋姬"].accenumb,
                                "compatibility": "compatible", "bloom_overlap_days": 8.0,
                                "years": 2}
    public = [i["accenumb"] for i in body["items"]]
    assert orchard["秘李"].accenumb not in public and len(public) == 5
    assert client.get(f"/api/v1/pollinizers?for={female}&top=2").get_json()["items"] == \
        body["items"][:2]
    as_role("staff")
    staff = [i["accenumb"] for i in client.get(f"/api/v1/pollinizers?for={female}")
             .get_json()["items"]]
    assert orchard["秘李"].accenumb in staff and len(staff) == 6
    assert client.get("/api/v1/pollinizers").status_code == 400
    assert client.get("/api/v1/pollinizers?for=NOPE").status_code == 404


def test_openapi_documents_both(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert {"/api/v1/compatibility", "/api/v1/pollinizers"} <= set(spec["paths"])
    schemas = spec["components"]["schemas"]
    assert set(schemas["PollinizerItem"]["properties"]) == {
        "accenumb", "compatibility", "bloom_overlap_days", "years"}
    assert set(schemas["Compatibility"]["properties"]) == {
        "female", "male", "compatibility", "reason"}


def test_pollinizers_page_chinese_first_then_english(orchard, client):
    female = orchard["巫山脆李"].accenumb
    page = client.get(f"/pollinizers?for={female}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "授粉树建议" in text and "亲和" in text and "SaSb" in text
    rows = re.findall(r'<tr class="(compatible|half)"><td><a href="[^"]+">([^<]+)</a>', text)
    assert [r[1] for r in rows][:2] == [orchard["秋姬"].accenumb, orchard["黑宝石"].accenumb]
    assert orchard["秘李"].accenumb not in text
    english = client.get(f"/pollinizers?for={female}&lang=en").get_data(as_text=True)
    assert "Pollinizer advice" in english and "half compatible" in english
    assert client.get("/pollinizers").status_code == 200
    assert client.get("/pollinizers?for=NOPE-9").status_code == 404
    assert client.get(f"/pollinizers?for={orchard['秘李'].accenumb}").status_code == 404


def test_accession_page_links_and_flags_a_parent_conflict(make_accession, client):
    van, stella = make_accession(ACCENAME="Van"), make_accession(ACCENAME="Stella")
    sumini = make_accession(ACCENAME="Sumini", ANCEST="Van / Stella")
    for accession, text in ((van, "S1S3"), (stella, "S3S4'"), (sumini, "S2S3")):
        services.set_genotype(accession, text, source=None, user="t")
    db.session.commit()
    page = client.get(f"/accessions/{sumini.accenumb}").get_data(as_text=True)
    assert 'id="s-alleles"' in page and "S2S3" in page
    assert f"/pollinizers?for={sumini.accenumb}" in page
    assert "不可能来自" in page  # the conflict, in Chinese
    stella_page = client.get(f"/accessions/{stella.accenumb}").get_data(as_text=True)
    assert "自交亲和" in stella_page and "不可能来自" not in stella_page
    assert 'name="s_genotype"' not in stella_page  # the public sees, curators edit


def test_curators_edit_the_s_genotype(make_accession, client, as_role):
    accession = make_accession()
    url = f"/accessions/{accession.accenumb}/s-genotype"
    assert client.post(url, data={"s_genotype": "SaSb"}).status_code in (400, 403)
    as_role("staff")
    page = client.get(f"/accessions/{accession.accenumb}").get_data(as_text=True)
    assert "s_genotype" not in page  # staff see, curators edit
    client.get("/logout")
    as_role("curator")
    page = client.get(f"/accessions/{accession.accenumb}").get_data(as_text=True)
    token = re.search(r'action="/accessions/[^"]+/s-genotype"[^>]*>\s*<input type="hidden" '
                      r'name="csrf_token" value="([^"]+)"', page).group(1)
    bad = client.post(url, data={"s_genotype": "S1", "csrf_token": token})
    assert bad.status_code == 303
    assert services.record_of(accession) is None
    good = client.post(url, data={"s_genotype": "Sb Sa", "source": "PCR", "csrf_token": token})
    assert good.status_code == 303
    db.session.expire_all()
    assert services.record_of(accession).genotype == "SbSa"
    entry = [e for e in history(accession.id) if e.entity == "s_genotype"][-1]
    assert (entry.user, entry.new_value) == ("curator.user", "SbSa")
    client.post(url, data={"s_genotype": "", "csrf_token": token})
    db.session.expire_all()
    assert services.record_of(accession) is None

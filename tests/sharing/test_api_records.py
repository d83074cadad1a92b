"""GET /api/v1/accessions/{id}: the whole record, under the accession page's rules."""
import csv

import pytest

from tests.sharing.api_callers import assert_not_found, assert_utc, bearer


def _record(client, accession, headers=None):
    answer = client.get(f"/api/v1/accessions/{accession.id}", headers=headers or {})
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer.json


def test_a_restricted_accession_is_hidden_like_an_unknown_one(client, cli, catalogue):
    restricted = catalogue["S006"]
    assert_not_found(client.get(f"/api/v1/accessions/{restricted.id}"))
    researcher = bearer(cli, "researcher")
    assert_not_found(client.get(f"/api/v1/accessions/{restricted.id}", headers=researcher))
    record = _record(client, restricted, bearer(cli, "staff"))
    assert record["accenumb"] == "S006" and record["restricted"] is True
    assert record["mcpd"]["RESTRICTED"] == "Y"


@pytest.mark.parametrize("path", ["999999", "2147483648", "99999999999999999999", "abc", "-1",
                                  "0", "1.5", "%E6%9D%8E"])
def test_unknown_or_malformed_ids_are_json_404s(client, path):
    assert_not_found(client.get(f"/api/v1/accessions/{path}"))


def test_the_record_carries_passport_names_flags_and_time(client, catalogue):
    record = _record(client, catalogue["S001"])
    assert record["id"] == catalogue["S001"].id and record["instcode"] == "CHN385"
    assert record["mcpd"]["ACCENUMB"] == "S001" and record["mcpd"]["SAMPSTAT"] == 300
    assert record["mcpd"]["ACCENAME"] == "巫山脆李;Wūshān Cuìlǐ"
    assert record["mcpd"]["HISTORIC"] == "N" and record["historic"] is False
    assert [n["name"] for n in record["names"]] == ["巫山脆李", "Wūshān Cuìlǐ"]
    assert all(n["type"] and n["lang"] for n in record["names"])
    assert_utc(record["updated_at"])
    [item] = client.get("/api/v1/accessions?accenumb=S001").json["items"]
    assert (item["id"], item["updated_at"]) == (record["id"], record["updated_at"])  # as listed


def test_multi_values_are_joined_the_mcpd_way(client, make_accession):
    accession = make_accession(accenumb="MV1", storage="20;30", othernumb="A-1;B-2")
    mcpd = _record(client, accession)["mcpd"]
    assert mcpd["STORAGE"] == "20;30" and mcpd["OTHERNUMB"] == "A-1;B-2"


def test_wild_sites_are_rounded_unless_the_caller_may_see_them(client, cli, make_accession):
    wild = make_accession(accenumb="W1", sampstat="110", declatitude="31.07512",
                          declongitude="109.87643", latitude="310430N",
                          longitude="1095235E")
    public = _record(client, wild)["mcpd"]
    assert (public["DECLATITUDE"], public["DECLONGITUDE"]) == (31.1, 109.9)
    assert public["LATITUDE"] is None and public["LONGITUDE"] is None
    researcher = _record(client, wild, bearer(cli, "researcher"))["mcpd"]
    assert researcher["DECLATITUDE"] == 31.1
    staff = _record(client, wild, bearer(cli, "staff"))["mcpd"]
    assert (staff["DECLATITUDE"], staff["DECLONGITUDE"]) == (31.07512, 109.87643)
    assert staff["LATITUDE"] == "310430N"
    cultivated = make_accession(accenumb="K1", sampstat="500", declatitude="31.07512",
                                declongitude="109.87643")
    assert _record(client, cultivated)["mcpd"]["DECLATITUDE"] == 31.07512


def test_parents_and_progeny_never_show_what_the_caller_may_not_see(client, cli,
                                                                    make_accession):
    mother = make_accession(accenumb="M1", accename="巫山脆李")
    make_accession(accenumb="M2", accename="秘密李", restricted="Y")
    child = make_accession(accenumb="C1", ancest="巫山脆李 × 秘密李")
    make_accession(accenumb="C2", ancest="巫山脆李 × Santa Rosa", restricted="Y")
    parents = _record(client, child)["parents"]
    assert parents[0] == {"role": "female", "token": "巫山脆李", "id": mother.id,
                          "accenumb": "M1", "name": "巫山脆李"}
    assert parents[1] == {"role": "male", "token": "秘密李", "id": None, "accenumb": None,
                          "name": None}
    assert [p["accenumb"] for p in _record(client, mother)["progeny"]] == ["C1"]
    staff = bearer(cli, "staff")
    assert _record(client, child, staff)["parents"][1]["accenumb"] == "M2"
    progeny = _record(client, mother, staff)["progeny"]
    assert [p["accenumb"] for p in progeny] == ["C1", "C2"] and progeny[0]["id"] == child.id


def test_trait_summaries_overall_and_by_year(client, catalogue):
    traits = {t["descriptor"]: t for t in _record(client, catalogue["S001"])["traits"]}
    ssc = traits["SSC"]
    assert ssc["name_zh"] and ssc["name_en"] and ssc["unit"]
    assert ssc["overall"]["mean"] == 13.5 and ssc["overall"]["n"] == 1
    assert ssc["overall"]["year"] is None and [y["year"] for y in ssc["years"]] == [2026]
    assert traits["HARVEST_DATE"]["overall"]["date"] == "07-12"
    color = traits["FLESH_COLOR"]["overall"]
    assert color["mode_zh"] == "黄色" and color["mode_en"].lower() == "yellow"
    assert color["frequencies"] == {color["mode"]: 1}


def test_photos_are_given_as_urls_that_serve_them(client, cli, make_accession, app, tmp_path,
                                                  monkeypatch):
    from tests.accessions.test_photos import png

    monkeypatch.setitem(app.config, "GERMPLASM_PHOTO_DIR", str(tmp_path / "photos"))
    accession = make_accession(accenumb="P1")
    assert cli("photos", "add", "P1", png(tmp_path / "fruit.png"), "--caption", "果实"
               ).exit_code == 0
    [photo] = _record(client, accession)["photos"]
    assert photo["caption"] == "果实"
    for key in ("url", "view", "thumb"):
        assert photo[key].startswith("http://localhost/photos/")
        assert client.get(photo[key]).status_code == 200


def test_mcpd_keys_and_values_are_the_mcpd_exports(client, cli, catalogue, tmp_path):
    path = tmp_path / "mcpd.csv"
    assert cli("export", "mcpd", path).exit_code == 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["ACCENUMB"]: row for row in csv.DictReader(handle)}
    staff = bearer(cli, "staff")  # the command line exports exact sites, as staff see them
    for number in ("S001", "S006"):
        mcpd = _record(client, catalogue[number], staff)["mcpd"]
        assert set(mcpd) == set(rows[number])
        assert {k: "" if v is None else str(v) for k, v in mcpd.items()} == rows[number]


def test_the_records_are_documented_in_both_languages(client):
    from openapi_spec_validator import validate

    document = client.get("/api/v1/openapi.json").json
    validate(document)
    for path in ("/api/v1/accessions/{accession_id}", "/api/v1/descriptors",
                 "/api/v1/descriptors/{code}", "/api/v1/campaigns",
                 "/api/v1/campaigns/{campaign_id}"):
        operation = document["paths"][path]["get"]
        assert " / " in operation["summary"], path  # Chinese / English
        assert "404" in operation["responses"] or "{" not in path
    mcpd = document["components"]["schemas"]["McpdRecord"]["properties"]
    assert "保存单位 / Holding institute" in mcpd["INSTCODE"]["description"]


def test_the_public_record_is_the_public_mcpd_export(client, cli, make_accession, tmp_path):
    wild = make_accession(accenumb="W2", sampstat="120", declatitude="29.56712",
                          declongitude="106.45521", latitude="293402N", longitude="1062719E")
    path = tmp_path / "public.csv"
    assert cli("export", "mcpd", path, "--public").exit_code == 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["ACCENUMB"] == "W2")
    mcpd = _record(client, wild)["mcpd"]
    assert {k: "" if v is None else str(v) for k, v in mcpd.items()} == row
    assert row["DECLATITUDE"] == "29.6" and row["LATITUDE"] == ""

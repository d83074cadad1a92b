"""/api/v1 for fingerprints over HTTP: the report, one accession's fingerprint, the marker
catalogue and the dendrogram as Newick, in the OpenAPI document, hiding restricted accessions
from anonymous callers."""
import io

from Bio import Phylo

from germplasm.accessions.services import get_by_number
from germplasm.extensions import db
from tests.fingerprints.test_report import plant
from tests.fingerprints.trees import plant_tree
from tests.sharing.api_callers import assert_not_found, bearer


def test_report_as_the_cli_prints_it(make_accession, cli, client, tmp_path, markers):
    n = plant(make_accession, cli, tmp_path)
    found = client.get("/api/v1/fingerprints/report?kind=ssr&threshold=0.2&min_markers=3").json
    assert found["duplicates"] == sorted([sorted([n["A"], n["A2"]]), sorted([n["B"], n["C"]])])
    assert found["parent_conflicts"] == [
        {"accenumb": n["Lapins"], "parent": n["Stella"], "markers": ["UDP96-005"]}]
    assert client.get("/api/v1/fingerprints/report").json["duplicates"] == \
        [sorted([n["A"], n["A2"], n["P"]])]


def test_report_answers_what_the_cli_prints_name_conflicts_too(make_accession, cli, client,
                                                               tmp_path, markers):
    from tests.fingerprints import test_names

    n = test_names.plant(make_accession, cli, tmp_path)
    found = client.get("/api/v1/fingerprints/report?min_markers=2").json
    assert found == test_names.report(cli, "--min-markers", "2")
    assert {tuple(c["accessions"]) for c in found["name_conflicts"]} == {
        tuple(sorted([n["W1"], n["W2"]])), tuple(sorted([n["W2"], n["W3"]]))}


def test_report_hides_restricted_accessions(make_accession, cli, client, tmp_path, markers):
    n = plant(make_accession, cli, tmp_path)
    get_by_number(n["A2"], "CHN385").restricted = True
    db.session.commit()
    url = "/api/v1/fingerprints/report?min_markers=2"
    assert client.get(url).json["duplicates"] == []
    assert client.get(url, headers=bearer(cli, "staff")).json["duplicates"] == \
        [sorted([n["A"], n["A2"]])]


def test_bad_report_parameters_are_400(client):
    for query in ("kind=dart", "threshold=2", "min_markers=0", "threshold=x"):
        answer = client.get(f"/api/v1/fingerprints/report?{query}")
        assert answer.status_code == 400, query
        assert answer.json["errors"][0]["field"] == query.split("=")[0]


def test_one_accessions_fingerprint(make_accession, cli, client, tmp_path, markers):
    n = plant(make_accession, cli, tmp_path)
    found = client.get(f"/api/v1/accessions/{n['P']}/fingerprint").json
    assert found == {"accenumb": n["P"], "markers": [
        {"marker": "CPPCT022", "linkage_group": "LG7", "alleles": [220, 230]}]}
    lapins = client.get(f"/api/v1/accessions/{n['Lapins']}/fingerprint").json
    assert [m["marker"] for m in lapins["markers"]] == ["BPPCT007", "CPPCT022", "UDP96-005"]
    assert lapins["markers"][2]["alleles"] == [110, 112]


def test_fingerprint_404_unknown_unprinted_or_hidden(make_accession, cli, client, tmp_path,
                                                     markers):
    n = plant(make_accession, cli, tmp_path)
    bare = make_accession(ACCENAME="no prints")
    assert_not_found(client.get("/api/v1/accessions/NOPE/fingerprint"))
    assert_not_found(client.get(f"/api/v1/accessions/{bare.accenumb}/fingerprint"))
    get_by_number(n["A"], "CHN385").restricted = True
    db.session.commit()
    assert_not_found(client.get(f"/api/v1/accessions/{n['A']}/fingerprint"))
    staff = client.get(f"/api/v1/accessions/{n['A']}/fingerprint", headers=bearer(cli, "staff"))
    assert staff.status_code == 200 and len(staff.json["markers"]) == 3


def test_marker_catalogue(client, markers):
    items = client.get("/api/v1/markers").json["items"]
    assert [m["name"] for m in items] == sorted(markers)
    assert items[1] == {"name": "CPPCT022", "linkage_group": "LG7", "motif": "(CT)n",
                        "min_size": 180, "max_size": 240}


def test_tree_as_newick(make_accession, cli, client, tmp_path, markers):
    n = plant_tree(make_accession, cli, tmp_path)
    found = client.get("/api/v1/fingerprints/tree?method=nj").json
    assert found["method"] == "nj" and found["left_out"] == [n["OnlyCp"]]
    assert found["leaves"] == 7 and found["capped_from"] is None
    tree = Phylo.read(io.StringIO(found["newick"]), "newick")
    assert {leaf.name.split(" ")[0] for leaf in tree.get_terminals()} == \
        set(n.values()) - {n["OnlyCp"]}
    chosen = ",".join([n["B"], n["C"], n["Far"]])
    named = client.get(f"/api/v1/fingerprints/tree?accessions={chosen}").json
    assert named["method"] == "upgma" and named["leaves"] == 3 and named["left_out"] == []


def test_tree_hides_restricted_and_refuses_bad_requests(make_accession, cli, client, tmp_path,
                                                        markers):
    n = plant_tree(make_accession, cli, tmp_path)
    get_by_number(n["Clone"], "CHN385").restricted = True
    db.session.commit()
    assert n["Clone"] not in client.get("/api/v1/fingerprints/tree").json["newick"]
    assert n["Clone"] in client.get("/api/v1/fingerprints/tree",
                                    headers=bearer(cli, "staff")).json["newick"]
    hidden = f"/api/v1/fingerprints/tree?accessions={n['B']},{n['C']},{n['Clone']}"
    assert client.get(hidden).status_code == 404
    assert client.get("/api/v1/fingerprints/tree?method=wpgma").status_code == 400
    two = client.get(f"/api/v1/fingerprints/tree?accessions={n['B']},{n['C']}")
    assert two.status_code == 400 and "3" in two.json["message"]
    assert client.get("/api/v1/fingerprints/tree?selection=nosuch").status_code == 404


def test_the_document_lists_the_new_paths(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    for path in ("/api/v1/fingerprints/report", "/api/v1/fingerprints/tree",
                 "/api/v1/accessions/{accenumb}/fingerprint", "/api/v1/markers"):
        assert "get" in paths[path], path
    assert "404" in paths["/api/v1/accessions/{accenumb}/fingerprint"]["get"]["responses"]
    kinds = paths["/api/v1/fingerprints/report"]["get"]["parameters"]
    assert next(p for p in kinds if p["name"] == "kind")["schema"]["enum"] == ["ssr", "snp"]

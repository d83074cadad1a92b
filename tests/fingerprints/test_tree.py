"""/fingerprints/tree, .svg and .nwk over HTTP: the planted clones are siblings, the leaves are
the accessions asked for, an unknown distance leaves one accession out and says so."""
import io
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from Bio import Phylo

from germplasm.fingerprints.tree import comparable
from tests.accounts.test_login import csrf_token
from tests.fingerprints.trees import plant_tree

SVG = "{http://www.w3.org/2000/svg}"


def newick_of(client, query: str):
    answer = client.get(f"/fingerprints/tree.nwk?{query}")
    assert answer.status_code == 200, answer.get_data(as_text=True)
    assert "attachment" in answer.headers["Content-Disposition"]
    return Phylo.read(io.StringIO(answer.get_data(as_text=True)), "newick")


def leaf_numbers(tree) -> set[str]:
    return {leaf.name.split(" ")[0] for leaf in tree.get_terminals()}


def siblings(tree, first: str, second: str) -> bool:
    """Whether the two accession numbers are the only leaves of one clade."""
    return any(leaf_numbers_of(clade) == {first, second} for clade in tree.find_clades())


def leaf_numbers_of(clade) -> set[str]:
    return {leaf.name.split(" ")[0] for leaf in clade.get_terminals()}


@pytest.mark.parametrize("method", ["upgma", "nj"])
def test_newick_has_the_leaves_and_the_clones_as_siblings(make_accession, cli, client,
                                                          tmp_path, markers, method):
    n = plant_tree(make_accession, cli, tmp_path)
    tree = newick_of(client, f"method={method}")
    assert leaf_numbers(tree) == set(n.values()) - {n["OnlyCp"]}
    assert siblings(tree, n["巫山脆李 & 红心"], n["Clone"])
    if method == "upgma":  # NJ's rooting may split a pair across the root
        assert siblings(tree, n["B"], n["C"])
    names = {leaf.name for leaf in tree.get_terminals()}
    assert f"{n['巫山脆李 & 红心']} 巫山脆李 & 红心" in names


def test_named_accessions_only(make_accession, cli, client, tmp_path, markers):
    n = plant_tree(make_accession, cli, tmp_path)
    chosen = [n["B"], n["C"], n["Far"], n["Far2"]]
    tree = newick_of(client, "accessions=" + ",".join(chosen))
    assert leaf_numbers(tree) == set(chosen)
    assert siblings(tree, n["Far"], n["Far2"]) and siblings(tree, n["B"], n["C"])


def test_svg_parses_and_shows_every_leaf_escaped(make_accession, cli, client, tmp_path,
                                                 markers):
    n = plant_tree(make_accession, cli, tmp_path)
    answer = client.get("/fingerprints/tree.svg?method=nj")
    assert answer.status_code == 200 and answer.mimetype == "image/svg+xml"
    root = ET.fromstring(answer.data)
    assert root.tag == f"{SVG}svg"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert f"{n['巫山脆李 & 红心']} 巫山脆李 & 红心" in texts
    assert {t.split(" ")[0] for t in texts if t and t[0].isalpha()} >= \
        set(n.values()) - {n["OnlyCp"]}
    assert b"&amp; " in answer.data  # escaped in the document, read back as "&"
    links = {a.get("href") for a in root.iter(f"{SVG}a")}
    assert f"/accessions/{n['Clone']}" in links


def test_page_embeds_the_tree_and_lists_who_is_left_out(make_accession, cli, client,
                                                        tmp_path, markers):
    n = plant_tree(make_accession, cli, tmp_path)
    html = client.get("/fingerprints/tree").get_data(as_text=True)
    assert "<svg" in html and "巫山脆李 &amp; 红心" in html
    left_out = html.split('class="left-out"')[1]
    assert n["OnlyCp"] in left_out and n["Clone"] not in left_out
    assert "/fingerprints/tree.nwk?method=upgma" in html
    assert "/fingerprints/tree?method=nj" in html
    assert "/fingerprints/tree" in client.get("/fingerprints").get_data(as_text=True)


def test_a_selection_draws_its_accessions_and_links_back(make_accession, cli, client,
                                                         tmp_path, markers):
    n = plant_tree(make_accession, cli, tmp_path)
    chosen = [n["B"], n["C"], n["Far"], n["Clone"]]
    answer = client.post("/selection/add", data={"accenumb": chosen,
                                                 "csrf_token": csrf_token(client, "/")},
                         headers={"Accept": "application/json"})
    assert answer.status_code == 200, answer.json
    page = client.get("/selection").get_data(as_text=True)
    assert "/fingerprints/tree?selection=" in page
    assert leaf_numbers(newick_of(client, "selection=current")) == set(chosen)
    ticked = client.get("/fingerprints/tree.nwk?" + "&".join(f"a={c}" for c in chosen[:3]))
    assert leaf_numbers(Phylo.read(io.StringIO(ticked.get_data(as_text=True)), "newick")) \
        == set(chosen[:3])


def test_restricted_accession_only_for_staff(make_accession, cli, client, tmp_path, markers):
    n = plant_tree(make_accession, cli, tmp_path)
    from germplasm.accessions.services import get_by_number
    from germplasm.extensions import db

    get_by_number(n["Clone"], "CHN385").restricted = True
    db.session.commit()
    assert n["Clone"] not in leaf_numbers(newick_of(client, ""))
    assert n["Clone"] not in client.get("/fingerprints/tree.svg").get_data(as_text=True)
    named = client.get(f"/fingerprints/tree?accessions={n['B']},{n['C']},{n['Clone']}")
    assert named.status_code == 404 and n["Clone"] in named.get_data(as_text=True)


def test_errors_are_400_and_404_pages_in_chinese(make_accession, cli, client, tmp_path,
                                                 markers):
    n = plant_tree(make_accession, cli, tmp_path)
    bad = client.get("/fingerprints/tree?method=wpgma", headers={"Accept-Language": "zh"})
    assert bad.status_code == 400 and "建树方法只能是 UPGMA 或邻接法" in bad.get_data(as_text=True)
    two = client.get(f"/fingerprints/tree.nwk?accessions={n['B']},{n['C']}")
    assert two.status_code == 400 and "3" in two.get_data(as_text=True)
    assert client.get("/fingerprints/tree.svg?selection=nosuchtoken").status_code == 404
    assert client.get("/fingerprints/tree?accessions=NOPE1").status_code == 404
    # OnlyCp and OnlyUdp share no marker: one is left out, and two are too few.
    lone = client.get(f"/fingerprints/tree?accessions={n['OnlyCp']},{n['OnlyUdp']},{n['B']}")
    assert lone.status_code == 400


def test_empty_collection_is_a_400_not_a_500(client):
    assert client.get("/fingerprints/tree").status_code == 400
    assert client.get("/fingerprints/tree.nwk").status_code == 400


def test_the_accession_with_most_unknown_distances_goes_first():
    nan = np.nan
    distance = np.array([[0, nan, nan, 0.2], [nan, 0, 0.3, 0.4], [nan, 0.3, 0, 0.1],
                         [0.2, 0.4, 0.1, 0]])
    assert comparable(distance) == [1, 2, 3]  # row 0 lacks two distances, row 1 one
    assert comparable(np.zeros((3, 3))) == [0, 1, 2]

"""The demo's fingerprints give a tree in which each planted duplicate pair is a pair of
sibling leaves, and a page that draws it."""
import io
import json

import pytest
from Bio import Phylo

from tests.fingerprints.test_tree import leaf_numbers, siblings


@pytest.mark.parametrize("method", ["upgma", "nj"])
def test_demo_tree_pairs_the_planted_duplicates(cli, client, method):
    assert cli("demo", "--accessions", 40, "--seed", 3).exit_code == 0
    found = json.loads(cli("fingerprints", "report", "--json", "--min-markers", 8).output)
    answer = client.get(f"/fingerprints/tree.nwk?method={method}")
    tree = Phylo.read(io.StringIO(answer.get_data(as_text=True)), "newick")
    leaves = leaf_numbers(tree)
    assert len(leaves) >= 30
    shown = [pair for pair in found["duplicates"] if set(pair) <= leaves]  # not restricted
    assert len(found["duplicates"]) == 2 and shown
    assert all(siblings(tree, *pair) for pair in shown)
    page = client.get(f"/fingerprints/tree?method={method}")
    assert page.status_code == 200
    assert page.get_data(as_text=True).count("<text ") == len(leaves) + 1  # and the scale

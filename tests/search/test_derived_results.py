"""Sort orders, trait classes and facet counts made once per snapshot (search.derived), the
first page found by a partial sort and facets counted by what a search left out give what
sorting and counting each result directly gives, for staff and the public, on every
page."""
import numpy as np
import pytest

from search import ordering
from search.engine import find, page_of
from search.facets import FACET_TRAITS, facets
from search.params import build_request
from search.snapshot import clear_cache
from search.tally import Tally
from tests.search.test_derived_follow import classes_directly

REQUESTS = [{}, {"q": "李"}, {"q": "李", "sort": "-SSC"}, {"sort": "-accenumb"},
            {"sort": "HARVEST_DATE"}, {"sort": "-FRUIT_WEIGHT", "traits": ["SSC:12.."]},
            {"sort": "FLESH_COLOR"}, {"sort": "-FRUIT_CRACKING"}, {"q": "cuili"},
            {"q": "santa rosa"}, {"species": "salicina", "sort": "SSC"},
            {"q": "脆", "traits": ["HARVEST_DATE:..07-31"]}, {"origin": "CHN"}]


def sorted_directly(snap, matches, request) -> np.ndarray:
    """The result order as it was computed before search.ordering: one lexsort per search."""
    selected, scores = matches.selected, matches.scores
    names = snap.columns["accenumb_rank"][selected]
    sort = request.sort or ("relevance" if request.text else "accenumb")
    if sort == "relevance" and scores is not None:
        keys = (names, -scores[selected])
    elif sort.lstrip("-") == "accenumb":
        keys = (names,)
    else:
        keys = (names, *ordering._trait_keys(snap, selected, sort))
    order = np.lexsort(keys)
    return selected[order[::-1] if sort == "-accenumb" else order]


def check(request_args: dict, staff: bool) -> None:
    request = build_request(request_args.get("q", ""), request_args.get("traits", ()),
                            sort=request_args.get("sort", ""), per_page=7,
                            **{k: request_args[k] for k in ("species", "origin")
                               if k in request_args})
    matches = find(request, can_see_restricted=staff)
    snap, selected = matches.snapshot, matches.selected
    expected = sorted_directly(snap, matches, request)
    assert np.array_equal(matches.positions, expected), request_args
    for page in (1, 2, 5):  # the partial sort, also past the first page
        request.page = page
        items = page_of(find(request, can_see_restricted=staff), request, "zh")["items"]
        start = (page - 1) * 7
        assert [i["accenumb"] for i in items] == [
            snap.accenumb[p] for p in expected[start:start + 7]], (request_args, page)
    tally = Tally(selected, matches.visible)
    for name in ("species", "origin", "province", "sampstat"):
        column = snap.columns[name]
        assert nonzero(tally.counts(column)) == nonzero(np.bincount(column[selected])), name
    counted = facets(snap, selected, "zh", [], matches.visible)["traits"]
    for code in FACET_TRAITS:
        if code in snap.modes:
            modes = snap.modes[code][selected]
            labels = snap.labels[f"c_{code}"].values
            assert {c["value"]: c["count"] for c in counted[code]} == {
                labels[i]: n for i, n in nonzero(np.bincount(modes[modes >= 0]))}, code
        elif code in snap.means:
            assert [(c["value"], c["count"]) for c in counted[code]] == classes_directly(
                snap, code, selected, matches.visible), code


def nonzero(counts) -> list[tuple[int, int]]:
    return [(i, int(n)) for i, n in enumerate(counts) if n]


@pytest.mark.parametrize("staff", [False, True])
def test_orders_pages_and_facets_equal_sorting_and_counting_directly(demo, staff, index_dir):
    from search import accession_index

    accession_index.rebuild()
    clear_cache()
    for request_args in REQUESTS:
        check(request_args, staff)

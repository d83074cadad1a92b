"""What search derives once per snapshot (sort orders, trait classes, facet totals) is kept
apart for staff and the public, and follows a change to the catalogue."""

import numpy as np

from germplasm.evaluations import campaigns
from germplasm.evaluations.campaigns import descriptors_by_code
from germplasm.evaluations.observations import NewObservation, record
from germplasm.evaluations.values import ValueParser
from germplasm.extensions import db
from search import derived
from search.engine import find, page_of
from search.params import build_request
from search.snapshot import get_snapshot
from search.tally import Tally
from search.trait_classes import _class_of, _largest_per_class, class_edges, numeric_classes


def test_classes_and_orders_follow_a_change_and_each_visibility(catalogue):
    derived.forget()
    public_before = classes("SSC", staff=False)
    staff_before = classes("SSC", staff=True)
    assert public_before != staff_before  # S006 (restricted, 14.5) shapes only staff's
    assert classes("SSC", staff=False) == public_before  # from the cache, still right
    assert first("-SSC") == "S005" and classes("SSC", staff=True) == staff_before
    campaign, _ = campaigns.get_or_create("2027 评价", 2027)
    ssc, = descriptors_by_code(["SSC"])
    record(campaign, [NewObservation(accession_id=catalogue["S002"].id, descriptor=ssc,
                                     value=ValueParser(ssc).parse("29"))],
           user="tests", source="test")
    db.session.commit()  # S002's SSC: (12.0 + 29) / 2 = 20.5, the new highest
    assert first("-SSC") == "S002"
    after = classes("SSC", staff=False)
    assert after != public_before and after[-1][0].endswith("..20.5")
    snap = get_snapshot()
    matches = find(build_request(""), can_see_restricted=False)
    assert [(c["value"], c["count"]) for c in numeric_classes(
        snap, "SSC", Tally(matches.positions, matches.visible))] == classes_directly(
        snap, "SSC", matches.positions, matches.visible)


def classes(code: str, staff: bool) -> list[tuple[str, int]]:
    matches = find(build_request(""), can_see_restricted=staff)
    return [(c["value"], c["count"]) for c in page_of(
        matches, build_request(""), "zh")["facets"]["traits"][code]]


def first(sort: str) -> str:
    request = build_request("", sort=sort, per_page=1)
    return page_of(find(request, can_see_restricted=False), request, "zh")["items"][0][
        "accenumb"]


def classes_directly(snap, code, selected, visible) -> list[dict]:
    """Trait classes as they were computed before: everything on every request."""
    values = snap.means[code]
    known = values[visible & ~np.isnan(values)]
    edges = class_edges(float(known.min()), float(known.max()),
                        snap.descriptors[code].data_type == "Date")
    chosen = values[selected]
    counts = np.bincount(_class_of(edges, chosen[~np.isnan(chosen)]), minlength=len(edges))
    tops = _largest_per_class(edges, known)
    return [(f"{edges[i]:.10g}..{tops[i]!r}", int(counts[i]))
            for i in range(len(edges)) if counts[i]]

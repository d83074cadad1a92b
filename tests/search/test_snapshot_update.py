"""A worker's snapshot follows small changes by patching (an entry form, an edit) and
equals a freshly built one; larger changes rebuild it; an old snapshot is never altered."""
import numpy as np
import pytest

from germplasm.accessions.services import update_passport
from germplasm.evaluations import campaigns
from germplasm.evaluations.campaigns import descriptors_by_code
from germplasm.evaluations.observations import NewObservation, record
from germplasm.evaluations.values import ValueParser
from germplasm.extensions import db
from search import snapshot as snap
from search.state import bump_version


@pytest.fixture
def builds(monkeypatch):
    """How many full builds get_snapshot() made."""
    made = []
    real = snap.build
    monkeypatch.setattr(snap, "build", lambda version: made.append(version) or real(version))
    return made


def decoded(snapshot, code):
    labels = snapshot.labels[f"c_{code}"].values
    return [labels[i] if i >= 0 else None for i in snapshot.modes[code]]


def assert_same(patched, built):
    assert np.array_equal(patched.ids, built.ids)
    for name, values in built.columns.items():
        if name in ("species", "origin", "province", "instcode"):  # codes into labels
            assert [patched.labels[name].values[i] for i in patched.columns[name]] == [
                built.labels[name].values[i] for i in values], name
        else:
            assert np.array_equal(patched.columns[name], values), name
    assert set(patched.means) == set(built.means)
    for code, values in built.means.items():
        assert np.array_equal(patched.means[code], values, equal_nan=True), code
    assert set(patched.modes) == set(built.modes)
    for code in built.modes:
        assert decoded(patched, code) == decoded(built, code), code


def test_an_entry_and_an_edit_are_patched_in_and_match_a_rebuild(catalogue, builds):
    before = snap.get_snapshot()
    kept = {code: values.copy() for code, values in before.means.items()}
    campaign, _ = campaigns.get_or_create("2027 评价", 2027)
    ssc, colour = descriptors_by_code(["SSC", "FLESH_COLOR"])
    record(campaign, [
        NewObservation(accession_id=catalogue["S002"].id, descriptor=ssc,
                       value=ValueParser(ssc).parse("20")),
        NewObservation(accession_id=catalogue["S007"].id, descriptor=colour,
                       value=ValueParser(colour).parse("黄色"))], user="tests", source="test")
    update_passport(catalogue["S003"], {"SAMPSTAT": "300", "STORAGE": "12;20",
                                        "SPECIES": "salicina"}, user="tests")
    db.session.commit()
    builds.clear()
    after = snap.get_snapshot()
    assert builds == [] and after is not before  # patched, not rebuilt
    assert_same(after, snap.build(after.version))
    for code, values in kept.items():  # the old snapshot is untouched
        assert np.array_equal(before.means[code], values, equal_nan=True)
    position = int(after.positions([catalogue["S002"].id])[0])
    assert after.means["SSC"][position] == pytest.approx(16.0)  # (12 + 20) / 2


def test_a_new_accession_or_a_descriptor_change_rebuilds(catalogue, make_accession, builds):
    snap.get_snapshot()
    make_accession(accenumb="S100")
    builds.clear()
    assert snap.get_snapshot().positions([catalogue["S001"].id]).size == 1
    assert len(builds) == 1
    bump_version()  # what a descriptor revision does
    db.session.commit()
    snap.get_snapshot()
    assert len(builds) == 2

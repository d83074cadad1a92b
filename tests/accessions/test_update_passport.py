"""Editing one accession's passport through the service the admin uses."""
import pytest

from germplasm.accessions.services import PassportProblem, update_passport
from germplasm.audit.services import history


def test_valid_edit_is_applied_and_audited(make_accession):
    accession = make_accession(accenumb="E1", collsite="巫山县", sampstat="300")
    changes = update_passport(accession, {"COLLSITE": "重庆市巫山县", "SAMPSTAT": "500",
                                          "STORAGE": "20;30"}, user="curator")
    assert set(changes) == {"COLLSITE", "SAMPSTAT", "STORAGE"}
    assert accession.multi("STORAGE") == ["20", "30"] and accession.sampstat == 500
    assert {e.field for e in history(accession.id) if e.action == "update"} == set(changes)


def test_invalid_edit_names_the_field_and_changes_nothing(make_accession):
    accession = make_accession(accenumb="E2", acqdate="2019----")
    with pytest.raises(PassportProblem) as problem:
        update_passport(accession, {"ACQDATE": "20191399", "ORIGCTY": "XX"}, user="curator")
    assert set(problem.value.errors) == {"ACQDATE", "ORIGCTY"}
    assert accession.acqdate == "2019----"


def test_editing_ancest_relinks_parents(make_accession):
    mother = make_accession(accenumb="M9", accename="Friar")
    child = make_accession(accenumb="C9")
    update_passport(child, {"ANCEST": "Friar OP"}, user="curator")
    assert [link.parent for link in child.parent_links] == [mother]

"""`germplasm demo`: a synthetic catalogue loaded through the real validation and services."""
from germplasm.accessions.models import Accession
from germplasm.accessions.services import get_by_number
from germplasm.extensions import db


def test_demo_loads_marked_accessions_with_pedigree(cli):
    result = cli("demo", "--accessions", 60, "--seed", 3)
    assert result.exit_code == 0, result.output
    accessions = db.session.scalars(db.select(Accession)).all()
    assert len(accessions) == 60 and all(a.is_demo for a in accessions)
    wushan = get_by_number("WSL00001", "CHN385")
    assert [n.name for n in wushan.names] == ["巫山脆李", "Wūshān Cuìlǐ"]
    children = [link.child.ancest for link in wushan.progeny_links]
    assert "巫山脆李 × Santa Rosa" in children
    assert {a.sampstat for a in accessions} >= {300, 500}


def test_demo_if_empty_leaves_a_catalogue_alone(cli, make_accession):
    make_accession(accenumb="REAL1")
    result = cli("demo", "--accessions", 20, "--if-empty")
    assert result.exit_code == 0 and "not loaded" in result.output
    assert db.session.scalar(db.select(db.func.count(Accession.id))) == 1

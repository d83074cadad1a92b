"""`germplasm demo`: a synthetic catalogue loaded through the real validation and services."""
from germplasm.accessions.models import Accession
from germplasm.accessions.services import get_by_number
from germplasm.evaluations.models import ALL_YEARS, Campaign, Observation, TraitSummary
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


def test_demo_has_five_years_of_evaluations_with_summaries(cli):
    assert cli("demo", "--accessions", 40, "--seed", 2).exit_code == 0
    years = db.session.scalars(db.select(Campaign.year).order_by(Campaign.year)).all()
    assert years == [2021, 2022, 2023, 2024, 2025]
    wushan = get_by_number("WSL00001", "CHN385")
    harvest = db.session.scalars(db.select(TraitSummary).where(
        TraitSummary.accession_id == wushan.id, TraitSummary.year == ALL_YEARS,
        TraitSummary.descriptor.has(code="HARVEST_DATE"))).one()
    assert harvest.n >= 5 and 186 <= harvest.mean <= 206  # 5 to 25 July
    count = db.session.scalar(db.select(db.func.count(Observation.id)))
    assert count > 40 * 5 * 30


def test_demo_if_empty_leaves_a_catalogue_alone(cli, make_accession):
    make_accession(accenumb="REAL1")
    result = cli("demo", "--accessions", 20, "--if-empty")
    assert result.exit_code == 0 and "not loaded" in result.output
    assert db.session.scalar(db.select(db.func.count(Accession.id))) == 1


def test_demo_draws_photos_marked_as_drawings(cli, client):
    from germplasm.accessions.models import AccessionPhoto

    assert cli("demo", "--accessions", 30, "--seed", 4).exit_code == 0
    photos = db.session.scalars(db.select(AccessionPhoto)).all()
    assert len(photos) == 24 and all("非实拍" in p.caption for p in photos)
    public = {a.id for a in db.session.scalars(db.select(Accession).where(
        Accession.restricted.is_(False)))}
    assert {p.accession_id for p in photos} <= public
    thumb = client.get(f"/photos/{photos[0].id}/thumb")
    assert thumb.status_code == 200 and thumb.mimetype == "image/jpeg"

"""Evaluation campaigns: create, find, and keep their worklist and descriptor set."""
from sqlalchemy import func

from germplasm.evaluations.models import Campaign, Descriptor, Observation, WorklistEntry
from germplasm.extensions import db


class CampaignProblem(ValueError):
    pass


def find(name: str) -> Campaign | None:
    return db.session.scalar(db.select(Campaign).filter_by(name=name))


def get_or_create(name: str, year: int | None = None, site: str | None = None,
                  observers: str | None = None) -> tuple[Campaign, bool]:
    campaign = find(name)
    if campaign is not None:
        if year is not None and year != campaign.year:
            raise CampaignProblem(f"campaign {name!r} is for {campaign.year}, not {year}")
        return campaign, False
    if year is None:
        raise CampaignProblem(f"campaign {name!r} does not exist; give its --year to create it")
    campaign = Campaign(name=name, year=year, site=site, observers=observers)
    db.session.add(campaign)
    db.session.flush()
    return campaign, True


def add_descriptors(campaign: Campaign, descriptors) -> None:
    present = {d.id for d in campaign.descriptors}
    campaign.descriptors.extend(d for d in descriptors if d.id not in present)


def add_to_worklist(campaign: Campaign, accession_ids) -> int:
    present = set(db.session.scalars(db.select(WorklistEntry.accession_id)
                                     .filter_by(campaign_id=campaign.id)))
    position = len(present)
    added = 0
    for accession_id in dict.fromkeys(accession_ids):
        if accession_id not in present:
            db.session.add(WorklistEntry(campaign_id=campaign.id, accession_id=accession_id,
                                         position=position + added))
            added += 1
    db.session.flush()
    return added


def progress(campaign: Campaign) -> dict[int, int]:
    """{accession id: number of descriptors with at least one value} for the worklist."""
    query = (db.select(Observation.accession_id,
                       func.count(func.distinct(Observation.descriptor_id)))
             .where(Observation.campaign_id == campaign.id)
             .group_by(Observation.accession_id))
    return dict(db.session.execute(query).all())


def descriptors_by_code(codes) -> list[Descriptor]:
    codes = list(codes)
    found = {d.code: d for d in db.session.scalars(
        db.select(Descriptor).where(Descriptor.code.in_(codes)))}
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise CampaignProblem(f"unknown descriptor code(s): {', '.join(unknown)}")
    return [found[c] for c in codes]


def accession_ids(numbers: list[str]) -> list[int]:
    """Accession ids for accession numbers, in the given order; unknown numbers are an error."""
    from germplasm.accessions.models import Accession

    found = dict(db.session.execute(
        db.select(Accession.accenumb, Accession.id).where(Accession.accenumb.in_(numbers))).all())
    unknown = [n for n in numbers if n not in found]
    if unknown:
        raise CampaignProblem(f"no such accession(s): {', '.join(unknown[:10])}")
    return [found[n] for n in numbers]

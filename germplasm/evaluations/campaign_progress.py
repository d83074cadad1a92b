"""How far a campaign has come: which (accession, descriptor) cells of its worklist have at
least one value, counted in SQL so a 500 × 64 campaign is a few small queries, not 32,000
objects. A cell counts once whatever its replicates or plants; only accessions on the
worklist and descriptors of the campaign count."""
from dataclasses import dataclass

from sqlalchemy import func, select

from germplasm.accessions.models import Accession, AccessionName
from germplasm.evaluations.models import Campaign, Observation, WorklistEntry, campaign_descriptors
from germplasm.extensions import db


@dataclass
class Counts:
    descriptors: int
    accessions: int
    filled: int

    @property
    def cells(self) -> int:
        return self.descriptors * self.accessions

    @property
    def percent(self) -> int:
        """Share of cells filled, rounded down so 99.6 % is not shown as done."""
        return self.filled * 100 // self.cells if self.cells else 0


def _cells(campaign_ids):
    """Distinct filled (campaign, accession, descriptor) cells of the given campaigns."""
    return (select(Observation.campaign_id, Observation.accession_id, Observation.descriptor_id)
            .join(WorklistEntry, (WorklistEntry.campaign_id == Observation.campaign_id)
                  & (WorklistEntry.accession_id == Observation.accession_id))
            .join(campaign_descriptors,
                  (campaign_descriptors.c.campaign_id == Observation.campaign_id)
                  & (campaign_descriptors.c.descriptor_id == Observation.descriptor_id))
            .where(Observation.campaign_id.in_(campaign_ids)).distinct())


def overview(campaign_ids: list[int]) -> dict[int, Counts]:
    """Counts for the campaigns list."""
    descriptors = _count_by(campaign_descriptors.c.campaign_id, campaign_ids)
    accessions = _count_by(WorklistEntry.campaign_id, campaign_ids)
    cells = _cells(campaign_ids).subquery()
    filled = dict(db.session.execute(select(cells.c.campaign_id, func.count())
                                     .group_by(cells.c.campaign_id)).all())
    return {i: Counts(descriptors.get(i, 0), accessions.get(i, 0), filled.get(i, 0))
            for i in campaign_ids}


def _count_by(column, campaign_ids) -> dict[int, int]:
    return dict(db.session.execute(select(column, func.count()).where(column.in_(campaign_ids))
                                   .group_by(column)).all())


def per_descriptor(campaign: Campaign) -> dict[int, int]:
    """{descriptor id: accessions with a value}."""
    cells = _cells([campaign.id]).subquery()
    return dict(db.session.execute(select(cells.c.descriptor_id, func.count())
                                   .group_by(cells.c.descriptor_id)).all())


def per_accession(campaign: Campaign) -> dict[int, int]:
    """{accession id: descriptors with a value}."""
    cells = _cells([campaign.id]).subquery()
    return dict(db.session.execute(select(cells.c.accession_id, func.count())
                                   .group_by(cells.c.accession_id)).all())


def filled_cells(campaign: Campaign, accession_ids: list[int]) -> set[tuple[int, int]]:
    """{(accession id, descriptor id)} with a value, for one page of accessions."""
    query = _cells([campaign.id]).where(Observation.accession_id.in_(accession_ids))
    return {(a, d) for _c, a, d in db.session.execute(query)}


def worklist_page(campaign: Campaign, page: int, per_page: int) -> tuple[list, int]:
    """(position, accession id, number, name) rows of one page, and the worklist's length.
    Names come from one query over the page, not from 500 loaded accessions."""
    total = db.session.scalar(select(func.count()).where(WorklistEntry.campaign_id == campaign.id))
    rows = db.session.execute(
        select(WorklistEntry.accession_id, Accession.accenumb).join(Accession)
        .where(WorklistEntry.campaign_id == campaign.id)
        .order_by(WorklistEntry.position, WorklistEntry.id)
        .offset((page - 1) * per_page).limit(per_page)).all()
    names = _names([a for a, _n in rows])
    start = (page - 1) * per_page
    return [(start + i + 1, a, n, names.get(a, n)) for i, (a, n) in enumerate(rows)], total


def _names(ids: list[int]) -> dict[int, str]:
    """Each accession's first name (its display name), without loading the accessions."""
    names = {}
    query = (select(AccessionName.accession_id, AccessionName.name)
             .where(AccessionName.accession_id.in_(ids))
             .order_by(AccessionName.position.desc(), AccessionName.id.desc()))
    for accession_id, name in db.session.execute(query):
        names[accession_id] = name  # the last written is the first in position order
    return names

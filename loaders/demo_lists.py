"""The demo's published lists: saved selections the genebank shows everyone (on the web by
their link, and as BrAPI lists), made through the selections' service door."""
from sqlalchemy import func, select

from germplasm.accessions.models import Accession, AccessionName
from germplasm.evaluations.models import Descriptor, TraitSummary
from germplasm.extensions import db
from germplasm.selections import saved

CORE, ELITE, WILD = "巫山脆李 core collection", "elite material 2026", "野生近缘种 wild relatives"
SIZE = 30
PUBLIC = Accession.restricted.is_(False)


def add_demo_lists() -> int:
    """Lists made (deterministic: the catalogue's order and its 2026 summaries decide)."""
    made = 0
    for name, ids in ((CORE, _core()), (ELITE, _elite()), (WILD, _wild())):
        if ids:
            saved.create(name, None, ids, published=True)
            made += 1
    return made


def _core() -> list[int]:
    """The Wushan crisp plums: the landrace the nursery was founded for."""
    named = select(AccessionName.accession_id).where(AccessionName.name.like("%脆李%"))
    return list(db.session.scalars(select(Accession.id).where(
        Accession.id.in_(named), PUBLIC).order_by(Accession.id).limit(SIZE)))


def _elite() -> list[int]:
    """Chosen for 2026: the sweetest fruit of the latest evaluated year (highest mean soluble
    solids)."""
    latest = select(func.max(TraitSummary.year)).scalar_subquery()
    query = (select(TraitSummary.accession_id)
             .join(Descriptor, Descriptor.id == TraitSummary.descriptor_id)
             .join(Accession, Accession.id == TraitSummary.accession_id)
             .where(Descriptor.code == "SSC", TraitSummary.year == latest,
                    TraitSummary.mean.is_not(None), PUBLIC)
             .order_by(TraitSummary.mean.desc(), TraitSummary.accession_id).limit(SIZE))
    return list(db.session.scalars(query))


def _wild() -> list[int]:
    return list(db.session.scalars(select(Accession.id).where(
        Accession.sampstat == 100, PUBLIC).order_by(Accession.id).limit(SIZE)))

"""Setting a campaign up: its fields, descriptor set and worklist in one step. The one door
for the web's campaign pages and `germplasm campaign create`: everything is checked before
anything is written (an unknown accession number leaves no half-made campaign), and every
change is audited."""
import re

from germplasm.accessions.models import Accession
from germplasm.audit import services as audit
from germplasm.evaluations import campaigns
from germplasm.evaluations.campaign_edits import (
    CampaignEditProblem,
    create_campaign,
    update_campaign,
)
from germplasm.evaluations.models import Campaign, Descriptor, WorklistEntry
from germplasm.extensions import db
from search.messages import gettext as _

SEPARATORS = re.compile(r"[\s,，、;；]+")  # what people paste between accession numbers
NAMED_AT_MOST = 20  # unknown numbers named in a message; the rest are counted


def split_numbers(text: str | None) -> list[str]:
    """Accession numbers from pasted text, in order, each once."""
    return list(dict.fromkeys(p for p in SEPARATORS.split(text or "") if p))


def accession_ids(numbers: list[str]) -> list[int]:
    """Ids for accession numbers in the given order; unknown numbers are an error naming them."""
    found = {}
    for start in range(0, len(numbers), 900):  # stay under SQLite's bound-parameter limit
        chunk = numbers[start:start + 900]
        found.update(db.session.execute(db.select(Accession.accenumb, Accession.id)
                                        .where(Accession.accenumb.in_(chunk))).all())
    unknown = [n for n in numbers if n not in found]
    if unknown:
        named = ", ".join(unknown[:NAMED_AT_MOST])
        more = len(unknown) - NAMED_AT_MOST
        message = _("no accession has the number(s) %(numbers)s", numbers=named)
        if more > 0:
            message += " " + _("and %(n)s more", n=more)
        raise CampaignEditProblem({"accessions": [message]})
    return [found[n] for n in numbers]


def create(values: dict, descriptors: list[Descriptor], accession_ids: list[int], user: str,
           source: str) -> Campaign:
    """A new campaign with its descriptor set and worklist (accession ids already resolved)."""
    campaign = create_campaign(values, descriptors, user, source=source)
    add_accessions(campaign, accession_ids, user, source)
    return campaign


def extend(campaign: Campaign, values: dict, descriptors: list[Descriptor],
           accession_ids: list[int], user: str, source: str) -> tuple[dict, int]:
    """Apply field edits and the new descriptor set (dropping one with values is refused),
    then add accessions to the worklist; ({field: (old, new)}, accessions added)."""
    changes = update_campaign(campaign, values, descriptors, user, source=source)
    return changes, add_accessions(campaign, accession_ids, user, source)


def add_accessions(campaign: Campaign, ids: list[int], user: str, source: str) -> int:
    """Append accessions not yet on the worklist; one audit entry naming those added."""
    before = set(db.session.scalars(db.select(WorklistEntry.accession_id)
                                    .filter_by(campaign_id=campaign.id)))
    new_ids = [i for i in dict.fromkeys(ids) if i not in before]
    if not new_ids:
        return 0
    campaigns.add_to_worklist(campaign, new_ids)
    db.session.expire(campaign, ["worklist"])
    audit.record(user, "campaign", campaign.id, "update", field="worklist",
                 old=len(before), new=_numbers_of(new_ids), source=source)
    return len(new_ids)


def _numbers_of(ids: list[int]) -> list[str]:
    numbers = {}
    for start in range(0, len(ids), 900):
        numbers.update(db.session.execute(db.select(Accession.id, Accession.accenumb)
                                          .where(Accession.id.in_(ids[start:start + 900]))).all())
    return [numbers[i] for i in ids]

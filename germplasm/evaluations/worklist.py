"""The worklist as staff walk it: unfinished accessions only, and jumping to one by number
or name instead of scrolling 500 rows on a phone."""
from germplasm.evaluations.models import Campaign, WorklistEntry


def unfinished(campaign: Campaign, done: dict[int, int]) -> list[WorklistEntry]:
    """Entries still missing at least one of the campaign's descriptors."""
    total = len(campaign.descriptors)
    return [e for e in campaign.worklist if done.get(e.accession_id, 0) < total]


def _keys(entry: WorklistEntry) -> list[str]:
    return [entry.accession.accenumb.casefold(),
            *(n.name.casefold() for n in entry.accession.names)]


def find(campaign: Campaign, text: str) -> list[WorklistEntry]:
    """Worklist entries whose number or a name is `text` (any case); failing that, those
    whose number or a name contains it."""
    wanted = text.strip().casefold()
    if not wanted:
        return []
    exact = [e for e in campaign.worklist if wanted in _keys(e)]
    if exact:
        return exact
    return [e for e in campaign.worklist if any(wanted in key for key in _keys(e))]

"""Edits of a campaign's own fields (name, year, site, observers, description, descriptors),
the one door for the admin and any later API: validated, audited, and with the trait
summaries moved when the year changes (they are kept per year, so a campaign moved from
2025 to 2026 must not leave its values counted under 2025)."""
from germplasm import locking
from germplasm.audit import services as audit
from germplasm.evaluations import summaries
from germplasm.evaluations.campaigns import CampaignProblem
from germplasm.evaluations.models import Campaign, Observation
from germplasm.extensions import db
from search.messages import gettext as _
from search.state import mark_changed

TEXT_LIMITS = {"name": 200, "site": 200, "observers": 500}
FIELDS = ("name", "year", "site", "observers", "description")


class CampaignEditProblem(CampaignProblem):
    """A refused edit; `errors` maps each field to its messages."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))


def update_campaign(campaign: Campaign, values: dict, descriptors: list, user: str,
                    source: str = "admin") -> dict:
    """Apply `values` (a subset of FIELDS) and the descriptor set; {field: (old, new)}."""
    locking.lock_rows(Campaign, [campaign.id])  # entry saves of this campaign wait for us
    values = {k: _blank(v) for k, v in values.items() if k in FIELDS}
    check(campaign, values, descriptors)
    changes = {k: (getattr(campaign, k), v) for k, v in values.items() if getattr(campaign, k) != v}
    descriptor_change = _descriptor_change(campaign, descriptors)
    for field, (_old, new) in changes.items():
        setattr(campaign, field, new)
    campaign.descriptors = sorted(descriptors, key=lambda d: d.id)
    db.session.flush()
    if "year" in changes:
        _move_summaries(campaign)
    if descriptor_change:
        changes["descriptors"] = descriptor_change
    for field, (old, new) in changes.items():
        audit.record(user, "campaign", campaign.id, "update", field=field, old=old, new=new,
                     source=source)
    return changes


def create_campaign(values: dict, descriptors: list, user: str, source: str = "admin") -> Campaign:
    values = {k: _blank(v) for k, v in values.items() if k in FIELDS}
    campaign = Campaign()
    check(campaign, {"name": None, "year": None} | values, descriptors)
    for field, value in values.items():
        setattr(campaign, field, value)
    campaign.descriptors = sorted(descriptors, key=lambda d: d.id)
    db.session.add(campaign)
    db.session.flush()
    audit.record(user, "campaign", campaign.id, "create", new=campaign.name, source=source)
    return campaign


def check(campaign: Campaign, values: dict, descriptors: list) -> None:
    errors = {}
    for field, limit in TEXT_LIMITS.items():
        if len(values.get(field) or "") > limit:
            errors[field] = [_("at most %(n)s characters", n=limit)]
    if "name" in values and not values["name"]:
        errors["name"] = [_("a campaign needs a name")]
    elif values.get("name") and _name_taken(campaign, values["name"]):
        errors["name"] = [_("another campaign is already called %(name)s", name=values["name"])]
    if "year" in values and not _valid_year(values["year"]):
        errors["year"] = [_("a year from 1900 to 2100")]
    recorded = _recorded_descriptors(campaign) - {d.id for d in descriptors}
    if recorded:
        codes = sorted(d.code for d in campaign.descriptors if d.id in recorded)
        errors["descriptors"] = [_("%(codes)s already have observations in this campaign; "
                                   "they cannot be removed", codes=", ".join(codes))]
    if errors:
        raise CampaignEditProblem(errors)


def _valid_year(year) -> bool:
    return isinstance(year, int) and 1900 <= year <= 2100


def _name_taken(campaign: Campaign, name: str) -> bool:
    return db.session.scalar(db.select(Campaign.id).where(
        Campaign.name == name, Campaign.id != campaign.id)) is not None


def _recorded_descriptors(campaign: Campaign) -> set[int]:
    return set(db.session.scalars(db.select(Observation.descriptor_id).distinct().where(
        Observation.campaign_id == campaign.id)))


def _descriptor_change(campaign: Campaign, descriptors: list):
    old = sorted(d.code for d in campaign.descriptors)
    new = sorted(d.code for d in descriptors)
    return (",".join(old), ",".join(new)) if old != new else None


def _move_summaries(campaign: Campaign) -> None:
    """Recompute every summary the campaign's observations feed: per year (old and new)
    and overall, for each (accession, descriptor) it holds values of."""
    pairs = set(db.session.execute(db.select(Observation.accession_id, Observation.descriptor_id)
                                   .distinct().where(Observation.campaign_id == campaign.id)))
    locking.lock_observations_of(a for a, _ in pairs)
    summaries.refresh(pairs)
    mark_changed(a for a, _ in pairs)


def _blank(value):
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value

"""The web entry form: one accession, every descriptor of its campaign, validated together."""
from dataclasses import dataclass, field
from datetime import date

from germplasm.evaluations import observations
from germplasm.evaluations.models import Campaign, Observation
from germplasm.evaluations.observations import NewObservation
from germplasm.evaluations.values import ValueParser, ValueProblem
from germplasm.extensions import db


@dataclass
class EntryResult:
    errors: dict[str, str] = field(default_factory=dict)  # descriptor code -> message
    saved: int = 0


def current_values(campaign: Campaign, accession_id: int, replicate: int) -> dict[str, str]:
    """What is already recorded, as the form shows it (codes for categories, ISO dates)."""
    query = db.select(Observation).where(
        Observation.campaign_id == campaign.id, Observation.accession_id == accession_id,
        Observation.replicate == replicate, Observation.plant == "")
    return {o.descriptor.code: _shown(o) for o in db.session.scalars(query)}


def _shown(observation: Observation) -> str:
    if observation.value_date:
        return observation.value_date.isoformat()
    if observation.value_text is not None:
        return observation.value_text
    number = observation.value_num
    return str(int(number)) if number is not None and number.is_integer() else str(number)


def save_entry(campaign: Campaign, accession_id: int, form: dict, user: str,
               observer: str | None, observed_on: date | None, replicate: int) -> EntryResult:
    """Validate every field; store them all only when none is wrong."""
    result, items = EntryResult(), []
    for descriptor in campaign.descriptors:
        raw = (form.get(descriptor.code) or "").strip()
        try:
            value = ValueParser(descriptor).parse(raw, campaign.year)
        except ValueProblem as problem:
            result.errors[descriptor.code] = str(problem)
            continue
        if value is not None:
            items.append(NewObservation(accession_id=accession_id, descriptor=descriptor,
                                        value=value, replicate=replicate,
                                        observed_on=observed_on, observer=observer))
    if not result.errors:
        outcome = observations.record(campaign, items, user=user, source="web form")
        result.saved = outcome.created + outcome.updated
    return result

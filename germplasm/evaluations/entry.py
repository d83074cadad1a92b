"""The web entry form: one accession, every descriptor of its campaign, validated together."""
from dataclasses import dataclass, field
from datetime import date

from germplasm import locking
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
    fresh = query.execution_options(populate_existing=True)  # as committed, not as cached
    return {o.descriptor.code: _shown(o) for o in db.session.scalars(fresh)}


def _shown(observation: Observation) -> str:
    if observation.value_date:
        return observation.value_date.isoformat()
    if observation.value_text is not None:
        return observation.value_text
    number = observation.value_num
    return str(int(number)) if number is not None and number.is_integer() else str(number)


def save_entry(campaign: Campaign, accession_id: int, form: dict, user: str,
               observer: str | None, observed_on: date | None, replicate: int,
               shown: dict | None = None) -> EntryResult:
    """Validate every field; store them all only when none is wrong.

    `shown` is what the form displayed when it was opened: a value someone else changed
    since then (another phone, a sheet import) is a conflict, not silently overwritten."""
    locking.lock_rows(Campaign, [campaign.id])
    locking.lock_observations_of([accession_id])
    result, items = EntryResult(), []
    if shown is not None:
        result.errors |= changed_meanwhile(campaign, accession_id, replicate, form, shown)
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


def changed_meanwhile(campaign: Campaign, accession_id: int, replicate: int, form: dict,
                      shown: dict) -> dict[str, str]:
    """{code: message} for values changed since the form was opened that the user would
    overwrite with something else."""
    current, conflicts = current_values(campaign, accession_id, replicate), {}
    for descriptor in campaign.descriptors:
        code = descriptor.code
        now, before = current.get(code, ""), str(shown.get(code, ""))
        typed = (form.get(code) or "").strip()
        if now != before and typed != now:
            conflicts[code] = (f"changed by someone else to {now or 'empty'!r} since this form "
                               "was opened; check it and save again")
    return conflicts

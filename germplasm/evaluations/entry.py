"""The web entry form: one accession, every descriptor of its campaign, validated together."""
from dataclasses import dataclass, field

from flask_babel import gettext as _

from germplasm import locking
from germplasm.evaluations import observations
from germplasm.evaluations.entry_fields import (
    NOTE,
    EntryMeta,
    EntryProblem,
    locale,
    notes,
    typed_date,
)
from germplasm.evaluations.models import Campaign, Descriptor, Observation
from germplasm.evaluations.observations import NewObservation
from germplasm.evaluations.values import ValueParser, ValueProblem, is_missing
from germplasm.extensions import db


@dataclass
class EntryResult:
    errors: dict[str, str] = field(default_factory=dict)  # descriptor code -> message
    saved: int = 0


def current_values(campaign: Campaign, accession_id: int, replicate: int,
                   plant: str = "") -> dict[str, str]:
    """What is already recorded, as the form shows it (codes for categories, ISO dates),
    with each observation's notes under note-CODE."""
    query = db.select(Observation).where(
        Observation.campaign_id == campaign.id, Observation.accession_id == accession_id,
        Observation.replicate == replicate, Observation.plant == plant)
    fresh = query.execution_options(populate_existing=True)  # as committed, not as cached
    values = {}
    for o in db.session.scalars(fresh):
        values[o.descriptor.code] = _shown(o)
        if o.notes:
            values[NOTE + o.descriptor.code] = o.notes
    return values


def _shown(observation: Observation) -> str:
    if observation.value_date:
        return observation.value_date.isoformat()
    if observation.value_text is not None:
        return observation.value_text
    number = observation.value_num
    return str(int(number)) if number is not None and number.is_integer() else str(number)


def save_entry(campaign: Campaign, accession_id: int, form: dict, user: str, meta: EntryMeta,
               shown: dict | None = None) -> EntryResult:
    """Validate every field; store them all only when none is wrong.

    `shown` is what the form displayed when it was opened: a value someone else changed
    since then (another phone, a sheet import) is a conflict, not silently overwritten."""
    locking.lock_rows(Campaign, [campaign.id])
    locking.lock_observations_of([accession_id])
    result, items = EntryResult(), []
    if shown is not None:
        result.errors |= changed_meanwhile(campaign, accession_id, meta, form, shown)
    for descriptor in campaign.descriptors:
        try:
            item = _item(campaign, descriptor, accession_id, form, meta)
        except (ValueProblem, EntryProblem) as problem:
            result.errors[descriptor.code] = str(problem)
            continue
        if item is not None:
            items.append(item)
    if not result.errors:
        outcome = observations.record(campaign, items, user=user, source="web form")
        result.saved = outcome.created + outcome.updated
    return result


def _item(campaign: Campaign, descriptor: Descriptor, accession_id: int, form: dict,
          meta: EntryMeta) -> NewObservation | None:
    """One descriptor's observation from the form; None when its field is empty."""
    label = descriptor.name(locale())
    raw = (form.get(descriptor.code) or "").strip()
    note = notes(label, form.get(NOTE + descriptor.code))
    if descriptor.data_type == "Date" and not is_missing(raw):
        raw = typed_date(label, raw, campaign.year).isoformat()
    value = ValueParser(descriptor).parse(raw, campaign.year)
    if value is None:
        if note:  # a note alone would be lost: observations are values
            raise EntryProblem(_("%(field)s: a note needs a value", field=label))
        return None
    return NewObservation(accession_id=accession_id, descriptor=descriptor, value=value,
                          replicate=meta.replicate, plant=meta.plant,
                          observed_on=meta.observed_on, observer=meta.observer, notes=note)


def changed_meanwhile(campaign: Campaign, accession_id: int, meta: EntryMeta, form: dict,
                      shown: dict) -> dict[str, str]:
    """{code: message} for values changed since the form was opened that the user would
    overwrite with something else."""
    current = current_values(campaign, accession_id, meta.replicate, meta.plant)
    conflicts = {}
    for descriptor in campaign.descriptors:
        code = descriptor.code
        now, before = current.get(code, ""), str(shown.get(code, ""))
        typed = (form.get(code) or "").strip()
        if now != before and typed != now:
            conflicts[code] = _("changed by someone else to “%(value)s” since this form was "
                                "opened; check it and save again", value=now or _("empty"))
    return conflicts

"""PUT /observations and /observations/{id}: new values for stored observations. A field the
body leaves out keeps its stored value (so `{}` changes nothing); an observation's study,
unit and variable are what it is, so a body naming others is refused (post a new one
instead). Changed observations go through the same service as POST."""
from flask_babel import gettext as _
from sqlalchemy import select

from germplasm.accessions.models import Accession
from germplasm.brapi.observation_writes import Problems, clean, day, unit_place
from germplasm.brapi.study_records import number
from germplasm.evaluations.listing import display_value
from germplasm.evaluations.models import Observation
from germplasm.extensions import db
from germplasm.sharing.access import accession_scope

FIXED = ("studyDbId", "observationUnitDbId", "observationVariableDbId", "germplasmDbId")


def stored(observation_db_id: str) -> Observation | None:
    query = select(Observation).join(Accession, Accession.id == Observation.accession_id) \
        .where(Observation.id == number(observation_db_id))
    scope = accession_scope()
    return db.session.scalar(query if scope is None else query.where(scope))


def _item(observation: Observation) -> dict:
    return {"accenumb": observation.accession.accenumb,
            "instcode": observation.accession.instcode, "plant": observation.plant,
            "descriptor": observation.descriptor.code,
            "value": display_value(observation.descriptor.data_type, observation.value_num,
                                   observation.value_text, observation.value_date),
            "observed_on": observation.observed_on.isoformat()
            if observation.observed_on else "",
            "observer": observation.observer or "", "notes": observation.notes or "",
            "replicate": str(observation.replicate)}


def _same(field: str, given: str, observation: Observation) -> bool:
    if field == "studyDbId":
        return number(given) == observation.campaign_id
    if field == "germplasmDbId":
        return number(given) == observation.accession_id
    if field == "observationVariableDbId":
        return given.upper() == observation.descriptor.code.upper()
    place = unit_place(given)
    return place is not None and (place[0].id, place[1]) == \
        (observation.accession_id, observation.plant)


def put_item(name: str, observation: Observation, body, problems: Problems):
    """(campaign id, service item) of the observation with the body's values, None when
    nothing changes (or with problems)."""
    if not isinstance(body, dict):
        problems.add(name, None, _("must be an object"))
        return None
    for field in FIXED:
        given = clean(body.get(field))
        if given and not _same(field, given, observation):
            problems.add(name, field, _("cannot be changed; post a new observation instead"))
    stamp = body.get("observationTimeStamp")
    if clean(stamp) and day(stamp) is None:
        problems.add(name, "observationTimeStamp", _("is not an ISO 8601 date and time"))
        return None
    current = _item(observation)
    new = dict(current)
    if body.get("value") is not None:
        new["value"] = clean(body["value"])
    if clean(stamp):
        new["observed_on"] = day(stamp)
    if body.get("collector") is not None:
        new["observer"] = clean(body["collector"])
    info = body.get("additionalInfo")
    if isinstance(info, dict) and info.get("notes") is not None:
        new["notes"] = clean(info["notes"])
    return None if new == current else (observation.campaign_id, new)

"""GET /brapi/v2/variables, variables/{observationVariableDbId}, traits, methods, scales and
ontologies: the descriptor catalogue as BrAPI's phenotyping vocabulary. The catalogue is
small (tens of descriptors), so records are built in memory and filtered there."""
from flask import Blueprint, abort, request
from flask_babel import gettext as _
from sqlalchemy import select

from germplasm.brapi import ontologies, variable_records
from germplasm.brapi.envelope import one, paging, slice_of
from germplasm.brapi.filters import accession_id as whole_id  # an id of ours, or None
from germplasm.evaluations.models import Campaign, Descriptor
from germplasm.extensions import db
from germplasm.sharing.descriptor_records import descriptor_by_code
from schemas.brapi_phenotypes import (
    MethodSchema,
    OntologySchema,
    ScaleSchema,
    TraitSchema,
    VariableSchema,
)

bp = Blueprint("brapi_phenotypes", __name__, url_prefix="/brapi/v2")


def field(*keys):
    """A reader of one value of a record, down nested objects (None when a level is)."""
    def value(record):
        for key in keys:
            record = (record or {}).get(key)
        return record
    return value


# The spec's filters of a variable (and of its trait, method and scale): each reads one value
# of the variable record, which must equal the one asked for.
VARIABLE_FILTERS = {
    "observationVariableDbId": field("observationVariableDbId"),
    "observationVariableName": field("observationVariableName"),
    "observationVariablePUI": field("observationVariablePUI"),
    "traitClass": field("trait", "traitClass"),
    "traitDbId": field("trait", "traitDbId"), "traitName": field("trait", "traitName"),
    "traitPUI": field("trait", "traitPUI"),
    "methodDbId": field("method", "methodDbId"), "methodName": field("method", "methodName"),
    "methodPUI": field("method", "methodPUI"),
    "scaleDbId": field("scale", "scaleDbId"), "scaleName": field("scale", "scaleName"),
    "scalePUI": field("scale", "scalePUI"),
    "ontologyDbId": field("ontologyReference", "ontologyDbId"),
    "commonCropName": field("commonCropName"),
}
PART_FILTERS = {name: VARIABLE_FILTERS[name]  # those of traits, methods and scales
                for name in ("observationVariableDbId", "ontologyDbId", "commonCropName")}


def descriptors(study: str = "") -> list[Descriptor]:
    """Every descriptor, retired ones too, in catalogue order; a study (a campaign's id)
    narrows them to that campaign's descriptors."""
    query = select(Descriptor).order_by(Descriptor.id)
    if study:
        campaign = db.session.get(Campaign, whole_id(study) or 0)
        wanted = {d.id for d in campaign.descriptors} if campaign else set()
        query = query.where(Descriptor.id.in_(sorted(wanted)))
    return list(db.session.scalars(query))


def filtered(records: list[dict], filters: dict) -> list[dict]:
    """The records whose value read by each filter asked for equals the one asked for."""
    for name, read in filters.items():
        wanted = request.args.get(name, "").strip()
        if wanted:
            records = [r for r in records if read(r) == wanted]
    return records


def _variables(filters: dict) -> list[dict]:
    study = request.args.get("studyDbId", "").strip()
    return filtered([variable_records.variable(d) for d in descriptors(study)], filters)


@bp.get("/variables")
def variables():
    pages = paging()
    return slice_of(VariableSchema(many=True).dump(_variables(VARIABLE_FILTERS)), pages)


@bp.get("/variables/<string:observationVariableDbId>")
def variable(observationVariableDbId: str):  # noqa: N803 (BrAPI's name, shown in /serverinfo)
    found = descriptor_by_code(observationVariableDbId)
    if found is None:
        abort(404, _("There is no observation variable with this id."))
    return one(VariableSchema().dump(variable_records.variable(found)))


def _parts(part: str, schema):
    """The traits, methods or scales of the variables: one each, filtered by its own id."""
    pages = paging()
    key = f"{part}DbId"
    records = [v[part] for v in _variables(PART_FILTERS)]
    wanted = request.args.get(key, "").strip()
    if wanted:
        records = [r for r in records if r[key] == wanted]
    return slice_of(schema(many=True).dump(records), pages)


@bp.get("/traits")
def traits():
    return _parts("trait", TraitSchema)


@bp.get("/methods")
def methods():
    return _parts("method", MethodSchema)


@bp.get("/scales")
def scales():
    return _parts("scale", ScaleSchema)


@bp.get("/ontologies")
def ontology_list():
    pages = paging()
    records = ontologies.ontologies(descriptors())
    for name in ("ontologyDbId", "ontologyName"):
        wanted = request.args.get(name, "").strip()
        if wanted:
            records = [r for r in records if r[name] == wanted]
    return slice_of(OntologySchema(many=True).dump(records), pages)

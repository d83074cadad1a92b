"""GET /brapi/v2/attributes, attributes/{attributeDbId}, attributes/categories,
attributevalues, attributevalues/{attributeValueDbId} and breedingmethods: descriptors seen
from the germplasm side (attributeDbId = the descriptor's code, category = its group), the
overall trait summaries of the accessions the caller may see, and the breeding methods."""
from flask import Blueprint, abort, request
from flask_babel import gettext as _
from sqlalchemy import distinct, select

from germplasm.brapi import attribute_values, breeding_methods, variable_records
from germplasm.brapi.envelope import listing, one, page_of, paging, slice_of
from germplasm.brapi.variables import descriptors, field, filtered
from germplasm.evaluations.models import Descriptor, TraitSummary
from germplasm.evaluations.queries import GROUP_ORDER
from germplasm.extensions import db
from germplasm.sharing.descriptor_records import descriptor_by_code
from schemas.brapi_attributes import AttributeSchema, AttributeValueSchema, BreedingMethodSchema

bp = Blueprint("brapi_attributes", __name__, url_prefix="/brapi/v2")
ATTRIBUTE_FILTERS = {
    "attributeDbId": field("attributeDbId"), "attributeName": field("attributeName"),
    "attributePUI": field("attributePUI"), "attributeCategory": field("attributeCategory"),
    "traitDbId": field("trait", "traitDbId"), "traitName": field("trait", "traitName"),
    "traitPUI": field("trait", "traitPUI"),
    "methodDbId": field("method", "methodDbId"), "methodName": field("method", "methodName"),
    "methodPUI": field("method", "methodPUI"),
    "scaleDbId": field("scale", "scaleDbId"), "scaleName": field("scale", "scaleName"),
    "scalePUI": field("scale", "scalePUI"), "commonCropName": field("commonCropName"),
}


def _categories() -> list[str]:
    groups = db.session.scalars(select(distinct(Descriptor.group)))
    return sorted(groups, key=lambda group: (GROUP_ORDER.get(group, 9), group))


def _measured_on(germplasm_db_id: str) -> set[str]:
    """The codes of the descriptors with a value for this accession (if the caller sees it)."""
    query = attribute_values.visible_values(filters=()).where(
        attribute_values.FILTERS["germplasmDbId"](germplasm_db_id))
    return {summary.descriptor.code for summary in db.session.scalars(query).unique()}


@bp.get("/attributes")
def attributes():
    pages = paging()
    category = request.args.get("attributeCategory", "").strip()
    if category and category not in _categories():
        abort(400, _("attributeCategory must be one of %(names)s",
                     names=", ".join(_categories())))
    records = filtered([variable_records.attribute(d) for d in descriptors()],
                       ATTRIBUTE_FILTERS)
    germplasm = request.args.get("germplasmDbId", "").strip()
    if germplasm:
        measured = _measured_on(germplasm)
        records = [r for r in records if r["attributeDbId"] in measured]
    return slice_of(AttributeSchema(many=True).dump(records), pages)


@bp.get("/attributes/categories")
def attribute_categories():
    return slice_of(_categories(), paging())


@bp.get("/attributes/<string:attributeDbId>")
def attribute(attributeDbId: str):  # noqa: N803 (BrAPI's name, shown in /serverinfo)
    found = descriptor_by_code(attributeDbId)
    if found is None:
        abort(404, _("There is no germplasm attribute with this id."))
    return one(AttributeSchema().dump(variable_records.attribute(found)))


@bp.get("/attributevalues")
def attribute_value_list():
    pages = paging()
    total, rows = page_of(attribute_values.visible_values(), (TraitSummary.id,), pages)
    return listing(AttributeValueSchema(many=True).dump(
        [attribute_values.record(summary) for summary in rows]), total, pages)


@bp.get("/attributevalues/<string:attributeValueDbId>")
def attribute_value(attributeValueDbId: str):  # noqa: N803
    query = attribute_values.visible_values(filters=()).where(
        attribute_values.FILTERS["attributeValueDbId"](attributeValueDbId))
    found = db.session.scalars(query).unique().first()
    if found is None:  # the same answer for an id that does not exist and one not shown
        abort(404, _("There is no germplasm attribute value with this id."))
    return one(AttributeValueSchema().dump(attribute_values.record(found)))


@bp.get("/breedingmethods")
def breedingmethods():
    return slice_of(BreedingMethodSchema(many=True).dump(breeding_methods.records()), paging())

"""Germplasm attribute values: one per overall trait summary (TraitSummary.year ALL_YEARS) of
an accession the caller may see, its value as text: the mode (a category code) for ordinal
and nominal descriptors, the mean for numbers, the mean day as MM-DD for dates. Text
descriptors have no summary value and give none. The id is the summary's id."""
from flask import request
from sqlalchemy import or_, select
from sqlalchemy.orm import contains_eager

from germplasm.accessions.models import Accession
from germplasm.brapi.filters import accession_id as whole_id  # an id of ours, or None
from germplasm.brapi.language import chinese, pick
from germplasm.brapi.words import text_of
from germplasm.evaluations.display import trait_value
from germplasm.evaluations.models import ALL_YEARS, Descriptor, TraitSummary
from germplasm.sharing.access import accession_scope

CATEGORICAL = ("Ordinal", "Nominal")


def _by_id(column):
    return lambda value: column == whole_id(value) if whole_id(value) else column.is_(None)


FILTERS = {
    "attributeValueDbId": _by_id(TraitSummary.id),
    "germplasmDbId": _by_id(TraitSummary.accession_id),
    "attributeDbId": lambda value: Descriptor.code == value,
    "attributeName": lambda value: or_(Descriptor.name_zh == value, Descriptor.name_en == value),
    "commonCropName": lambda value: Accession.cropname == value,
}


def visible_values(filters=FILTERS):
    """select(TraitSummary) of the overall summaries with a value, of visible accessions,
    with the request's filters applied."""
    query = (select(TraitSummary)
             .join(Accession, Accession.id == TraitSummary.accession_id)
             .join(TraitSummary.descriptor)
             .options(contains_eager(TraitSummary.accession), contains_eager(
                 TraitSummary.descriptor))
             .where(TraitSummary.year == ALL_YEARS,
                    or_(TraitSummary.mean.is_not(None), TraitSummary.mode.is_not(None))))
    scope = accession_scope()
    if scope is not None:
        query = query.where(scope)
    for name in filters:
        value = request.args.get(name, "").strip()
        if value:
            query = query.where(FILTERS[name](value))
    return query


def value_text(summary: TraitSummary) -> str | None:
    descriptor = summary.descriptor
    if descriptor.data_type in CATEGORICAL and summary.mode is not None:
        return summary.mode
    if summary.mean is None:
        return None
    if descriptor.data_type == "Date":
        return trait_value(summary.mean, descriptor)  # the mean day of the year, MM-DD
    if descriptor.decimals is not None:
        return f"{summary.mean:.{descriptor.decimals}f}"
    return text_of(round(summary.mean, 2))


def _details(summary: TraitSummary) -> dict:
    """How the value came about, as strings (BrAPI's additionalInfo holds strings)."""
    descriptor, language = summary.descriptor, "zh" if chinese() else "en"
    info = {"summary": "mode" if descriptor.data_type in CATEGORICAL else "mean",
            "observations": str(summary.n)}
    for key in ("min", "max", "sd"):
        number = getattr(summary, key)
        if number is not None and descriptor.data_type != "Date":
            info[key] = text_of(round(number, 4))
    label = next((c.label(language) for c in descriptor.categories
                  if c.code == summary.mode), None)
    if label:
        info["label"] = label
    return info


def record(summary: TraitSummary) -> dict:
    descriptor, accession = summary.descriptor, summary.accession
    return {"attributeValueDbId": str(summary.id), "attributeDbId": descriptor.code,
            "attributeName": pick(descriptor.name_zh, descriptor.name_en),
            "germplasmDbId": str(accession.id), "germplasmName": accession.display_name,
            "value": value_text(summary), "additionalInfo": _details(summary)}

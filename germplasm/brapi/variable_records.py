"""A descriptor as a BrAPI observation variable (trait + method + scale) and as a germplasm
attribute. The ids are the descriptor's code everywhere (observationVariableDbId, traitDbId,
methodDbId, scaleDbId, attributeDbId): a fixed convention that the observation calls and
clients rely on. Texts are in the caller's language; a retired descriptor stays listed
(older observations and campaigns refer to it) with status "obsolete"."""
from flask import url_for

from germplasm.brapi import ontologies
from germplasm.brapi.language import chinese, pick
from germplasm.brapi.words import text_of
from germplasm.evaluations.models import Descriptor

CROP = "plum"  # the descriptor list is the plum list (MCPD CROPNAME of the accessions)


def status(descriptor: Descriptor) -> str:
    return "recommended" if descriptor.active else "obsolete"


def _other_names(descriptor: Descriptor) -> list[str]:
    """The name in the other language and the ontology's English trait name, once each."""
    shown = descriptor.name("zh" if chinese() else "en")
    names = [descriptor.name_en, descriptor.name_zh, descriptor.trait_name]
    return [name for name in dict.fromkeys(names) if name and name != shown]


def trait(descriptor: Descriptor) -> dict:
    return {"traitDbId": descriptor.code, "traitName": pick(descriptor.name_zh,
                                                            descriptor.name_en),
            "traitClass": descriptor.trait_class,
            "traitDescription": pick(descriptor.definition_zh, descriptor.definition_en),
            "mainAbbreviation": descriptor.code, "alternativeAbbreviations": [],
            "status": status(descriptor), "synonyms": _other_names(descriptor),
            "ontologyReference": ontologies.reference(descriptor)}


def method(descriptor: Descriptor) -> dict:
    return {"methodDbId": descriptor.code, "methodName": descriptor.method_name,
            "description": pick(descriptor.method_zh, descriptor.method_en),
            "bibliographicalReference": ontologies.ontology(descriptor)["ontologyName"]
            if ontologies.ontology_id(descriptor) != ontologies.OURS else None,
            "ontologyReference": ontologies.reference(descriptor)}


def _valid_values(descriptor: Descriptor) -> dict:
    """Categories (code and label) or the range: numbers, or MM-DD for dates."""
    language = "zh" if chinese() else "en"
    low, high = ((descriptor.min_date, descriptor.max_date) if descriptor.data_type == "Date"
                 else (text_of(descriptor.min_value), text_of(descriptor.max_value)))
    return {"categories": [{"value": c.code, "label": c.label(language)}
                           for c in descriptor.categories],
            "minimumValue": low, "maximumValue": high}


def scale(descriptor: Descriptor) -> dict:
    return {"scaleDbId": descriptor.code, "scaleName": descriptor.scale_name,
            "dataType": descriptor.data_type, "decimalPlaces": descriptor.decimals,
            "units": descriptor.unit, "validValues": _valid_values(descriptor),
            "additionalInfo": {"dateFormat": "MM-DD"} if descriptor.data_type == "Date"
            else None,
            "ontologyReference": ontologies.reference(descriptor)}


def _common(descriptor: Descriptor) -> dict:
    return {"trait": trait(descriptor), "method": method(descriptor), "scale": scale(descriptor),
            "ontologyReference": ontologies.reference(descriptor), "commonCropName": CROP,
            "documentationURL": url_for("descriptors.detail", code=descriptor.code,
                                        _external=True),
            "language": "zh" if chinese() else "en", "status": status(descriptor),
            "synonyms": _other_names(descriptor),
            "additionalInfo": {"group": descriptor.group, "version": str(descriptor.version),
                               **({"better": descriptor.better} if descriptor.better else {})}}


def variable(descriptor: Descriptor) -> dict:
    return {"observationVariableDbId": descriptor.code,
            "observationVariableName": pick(descriptor.name_zh, descriptor.name_en),
            **_common(descriptor)}


def attribute(descriptor: Descriptor) -> dict:
    return {"attributeDbId": descriptor.code,
            "attributeName": pick(descriptor.name_zh, descriptor.name_en),
            "attributeCategory": descriptor.group,
            "attributeDescription": pick(descriptor.definition_zh, descriptor.definition_en),
            **_common(descriptor)}

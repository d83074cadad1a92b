"""BrAPI v2.1 Phenotyping vocabulary: observation variables and their trait, method and scale,
and the ontologies they come from (germplasm.brapi.variable_records fills them from
descriptors). Germplasm attributes share the variable's fields (schemas.brapi_attributes)."""
from marshmallow import Schema, fields

from schemas.brapi_fields import external_references, integer, many, mapping, text


class DocumentationLinkSchema(Schema):
    URL = text()
    type = text()  # OBO, RDF or WEBPAGE


class OntologyReferenceSchema(Schema):
    ontologyDbId = fields.String(required=True)
    ontologyName = fields.String(required=True)
    version = text()
    documentationLinks = many(DocumentationLinkSchema)


def reference() -> fields.Nested:
    return fields.Nested(OntologyReferenceSchema, dump_default=None, allow_none=True)


class TraitSchema(Schema):
    traitDbId = text()
    traitName = text()
    traitPUI = text()
    traitClass = text()
    traitDescription = text()
    mainAbbreviation = text()
    alternativeAbbreviations = many(fields.String())
    attribute = text()
    attributePUI = text()
    entity = text()
    entityPUI = text()
    status = text()
    synonyms = many(fields.String())
    additionalInfo = mapping()
    externalReferences = external_references()
    ontologyReference = reference()


class MethodSchema(Schema):
    methodDbId = text()
    methodName = text()
    methodPUI = text()
    methodClass = text()
    description = text()
    formula = text()
    bibliographicalReference = text()
    additionalInfo = mapping()
    externalReferences = external_references()
    ontologyReference = reference()


class CategorySchema(Schema):
    value = text()
    label = text()


class ValidValuesSchema(Schema):
    categories = many(CategorySchema)
    minimumValue = text()
    maximumValue = text()


class ScaleSchema(Schema):
    scaleDbId = text()
    scaleName = text()
    scalePUI = text()
    dataType = text()
    decimalPlaces = integer()
    units = text()
    validValues = fields.Nested(ValidValuesSchema, dump_default=None, allow_none=True)
    additionalInfo = mapping()
    externalReferences = external_references()
    ontologyReference = reference()


class VariableFieldsSchema(Schema):
    """What an observation variable and a germplasm attribute have in common."""
    trait = fields.Nested(TraitSchema, dump_default=None, allow_none=True)
    method = fields.Nested(MethodSchema, dump_default=None, allow_none=True)
    scale = fields.Nested(ScaleSchema, dump_default=None, allow_none=True)
    ontologyReference = reference()
    commonCropName = text()
    contextOfUse = many(fields.String())
    defaultValue = text()
    documentationURL = text()
    growthStage = text()
    institution = text()
    language = text()
    scientist = text()
    status = text()
    submissionTimestamp = text()
    synonyms = many(fields.String())
    additionalInfo = mapping()
    externalReferences = external_references()


class VariableSchema(VariableFieldsSchema):
    observationVariableDbId = text()
    observationVariableName = text()
    observationVariablePUI = text()


class OntologySchema(Schema):
    ontologyDbId = text()
    ontologyName = text()
    description = text()
    authors = text()
    copyright = text()
    licence = text()
    documentationURL = text()
    version = text()
    additionalInfo = mapping()

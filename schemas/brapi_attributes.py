"""BrAPI v2.1 germplasm attributes (descriptors seen from the germplasm side), their values
(overall trait summaries) and breeding methods."""
from marshmallow import Schema, fields

from schemas.brapi_fields import external_references, mapping, text
from schemas.brapi_phenotypes import VariableFieldsSchema


class AttributeSchema(VariableFieldsSchema):
    attributeDbId = text()
    attributeName = text()
    attributePUI = text()
    attributeCategory = text()
    attributeDescription = text()


class AttributeValueSchema(Schema):
    attributeValueDbId = text()
    attributeDbId = text()
    attributeName = text()
    germplasmDbId = text()
    germplasmName = text()
    value = text()
    determinedDate = text()
    additionalInfo = mapping()
    externalReferences = external_references()


class BreedingMethodSchema(Schema):
    breedingMethodDbId = fields.String(required=True)
    breedingMethodName = text()
    abbreviation = text()
    description = text()

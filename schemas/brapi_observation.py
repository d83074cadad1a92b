"""BrAPI v2.1 ObservationUnits (trees, worklist entries) and Observations; every property of
the validator's schemas is present, null when empty."""
from marshmallow import Schema, fields

from schemas.api_fields import UtcDateTime
from schemas.brapi_fields import external_references, integer, many, mapping, text


def nested(schema) -> fields.Nested:
    return fields.Nested(schema, dump_default=None, allow_none=True)


class LevelSchema(Schema):
    levelName = text()
    levelCode = text()
    levelOrder = integer()


class LevelRelationshipSchema(LevelSchema):
    observationUnitDbId = text()


class PositionSchema(Schema):
    entryType = text()
    geoCoordinates = mapping()
    observationLevel = nested(LevelSchema)
    observationLevelRelationships = many(LevelRelationshipSchema)
    positionCoordinateX = text()
    positionCoordinateXType = text()
    positionCoordinateY = text()
    positionCoordinateYType = text()


class ObservationUnitSchema(Schema):
    observationUnitDbId = text()
    observationUnitName = text()
    observationUnitPUI = text()
    observationUnitPosition = nested(PositionSchema)
    additionalInfo = mapping()
    crossDbId = text()
    crossName = text()
    externalReferences = external_references()
    germplasmDbId = text()
    germplasmName = text()
    locationDbId = text()
    locationName = text()
    observations = many(mapping())
    programDbId = text()
    programName = text()
    seedLotDbId = text()
    seedLotName = text()
    studyDbId = text()
    studyName = text()
    treatments = many(mapping())
    trialDbId = text()
    trialName = text()


class SeasonSchema(Schema):
    seasonDbId = fields.String(required=True)
    seasonName = text()
    year = integer()


class ObservationSchema(Schema):
    observationDbId = text()
    observationUnitDbId = text()
    observationUnitName = text()
    observationVariableDbId = text()
    observationVariableName = text()
    observationTimeStamp = UtcDateTime(dump_default=None, allow_none=True)
    value = text()
    collector = text()
    uploadedBy = text()
    additionalInfo = mapping()
    externalReferences = external_references()
    geoCoordinates = mapping()
    germplasmDbId = text()
    germplasmName = text()
    season = nested(SeasonSchema)
    studyDbId = text()

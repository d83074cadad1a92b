"""BrAPI v2.1 Studies and Trials: an evaluation campaign is a study, the campaigns of one
year are a trial. Every property of the validator's schemas is present, null when empty."""
from marshmallow import Schema, fields

from schemas.api_fields import UtcDateTime
from schemas.brapi_fields import external_references, integer, many, mapping, text


def flag() -> fields.Boolean:
    return fields.Boolean(dump_default=None, allow_none=True)


class LastUpdateSchema(Schema):
    timestamp = UtcDateTime(dump_default=None, allow_none=True)
    version = text()


class ObservationLevelSchema(Schema):
    levelName = text()
    levelOrder = integer()


class StudySchema(Schema):
    studyDbId = text()
    studyName = text()
    studyCode = text()
    studyDescription = text()
    studyPUI = text()
    studyType = text()
    active = flag()
    additionalInfo = mapping()
    commonCropName = text()
    contacts = many(mapping())
    culturalPractices = text()
    dataLinks = many(mapping())
    documentationURL = text()
    startDate = text()
    endDate = text()
    environmentParameters = many(mapping())
    experimentalDesign = mapping()
    externalReferences = external_references()
    growthFacility = mapping()
    lastUpdate = fields.Nested(LastUpdateSchema, dump_default=None, allow_none=True)
    license = text()
    locationDbId = text()
    locationName = text()
    observationLevels = many(ObservationLevelSchema)
    observationUnitsDescription = text()
    observationVariableDbIds = many(text())
    seasons = many(text())
    trialDbId = text()
    trialName = text()


class TrialSchema(Schema):
    trialDbId = text()
    trialName = text()
    trialDescription = text()
    trialPUI = text()
    active = flag()
    additionalInfo = mapping()
    commonCropName = text()
    contacts = many(mapping())
    datasetAuthorships = many(mapping())
    documentationURL = text()
    startDate = text()
    endDate = text()
    externalReferences = external_references()
    programDbId = text()
    programName = text()
    publications = many(mapping())

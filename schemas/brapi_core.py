"""BrAPI v2.1 Core objects: serverinfo, programs, locations, seasons, people."""
from marshmallow import Schema, fields

from schemas.brapi_fields import external_references, integer, mapping, text


class CallSchema(Schema):
    service = fields.String(required=True)
    methods = fields.List(fields.String(), required=True)
    versions = fields.List(fields.String(), required=True)
    contentTypes = fields.List(fields.String(), required=True)
    dataTypes = fields.List(fields.String(), required=True)


class ServerInfoSchema(Schema):
    calls = fields.List(fields.Nested(CallSchema), required=True)
    contactEmail = text()
    documentationURL = text()
    location = text()
    organizationName = text()
    organizationURL = text()
    serverDescription = text()
    serverName = text()


class ProgramSchema(Schema):
    programDbId = text()
    programName = text()
    abbreviation = text()
    additionalInfo = mapping()
    commonCropName = text()
    documentationURL = text()
    externalReferences = external_references()
    fundingInformation = text()
    leadPersonDbId = text()
    leadPersonName = text()
    objective = text()
    programType = text()


class LocationSchema(Schema):
    locationDbId = text()
    locationName = text()
    locationType = text()
    abbreviation = text()
    additionalInfo = mapping()
    coordinateDescription = text()
    coordinateUncertainty = text()
    coordinates = mapping()
    countryCode = text()
    countryName = text()
    documentationURL = text()
    environmentType = text()
    exposure = text()
    externalReferences = external_references()
    instituteAddress = text()
    instituteName = text()
    parentLocationDbId = text()
    parentLocationName = text()
    siteStatus = text()
    slope = text()
    topography = text()


class SeasonSchema(Schema):
    seasonDbId = fields.String(required=True)
    seasonName = text()
    year = integer()


class PersonSchema(Schema):
    personDbId = text()
    firstName = text()
    middleName = text()
    lastName = text()
    userID = text()
    description = text()
    emailAddress = text()
    mailingAddress = text()
    phoneNumber = text()
    additionalInfo = mapping()
    externalReferences = external_references()


"""BrAPI v2.1 Germplasm objects: germplasm, its MCPD record, pedigree nodes and progeny
(germplasm.brapi.germplasm_records fills them from accessions)."""
from marshmallow import fields

from schemas.brapi_fields import (
    RecordSchema,
    external_references,
    integer,
    many,
    mapping,
    text,
)


class DonorSchema(RecordSchema):
    donorAccessionNumber = text()
    donorInstituteCode = text()


class OriginSchema(RecordSchema):
    coordinateUncertainty = text()
    coordinates = mapping()  # a GeoJSON Feature with a Point


class StorageTypeSchema(RecordSchema):
    code = text()
    description = text()


class SynonymSchema(RecordSchema):
    synonym = text()
    type = text()


class TaxonIdSchema(RecordSchema):
    sourceName = fields.String(required=True)
    taxonId = fields.String(required=True)


class GermplasmSchema(RecordSchema):
    germplasmDbId = text()
    germplasmName = text()
    germplasmPUI = text()
    defaultDisplayName = text()
    accessionNumber = text()
    acquisitionDate = text()
    additionalInfo = mapping()
    biologicalStatusOfAccessionCode = text()
    biologicalStatusOfAccessionDescription = text()
    breedingMethodDbId = text()
    breedingMethodName = text()
    collection = text()
    commonCropName = text()
    countryOfOriginCode = text()
    documentationURL = text()
    donors = many(DonorSchema)
    externalReferences = external_references()
    genus = text()
    germplasmOrigin = many(OriginSchema)
    germplasmPreprocessing = text()
    instituteCode = text()
    instituteName = text()
    pedigree = text()
    seedSource = text()
    seedSourceDescription = text()
    species = text()
    speciesAuthority = text()
    storageTypes = many(StorageTypeSchema)
    subtaxa = text()
    subtaxaAuthority = text()
    synonyms = many(SynonymSchema)
    taxonIds = many(TaxonIdSchema)


class InstituteSchema(RecordSchema):
    instituteCode = text()
    instituteName = text()


class CollectingInstituteSchema(InstituteSchema):
    instituteAddress = text()


class CollectingSiteSchema(RecordSchema):
    coordinateUncertainty = text()
    elevation = text()
    georeferencingMethod = text()
    latitudeDecimal = text()
    latitudeDegrees = text()
    locationDescription = text()
    longitudeDecimal = text()
    longitudeDegrees = text()
    spatialReferenceSystem = text()


class CollectingInfoSchema(RecordSchema):
    collectingDate = text()
    collectingInstitutes = many(CollectingInstituteSchema)
    collectingMissionIdentifier = text()
    collectingNumber = text()
    collectingSite = fields.Nested(CollectingSiteSchema, dump_default=None, allow_none=True)


class DonorInfoSchema(RecordSchema):
    donorAccessionNumber = text()
    donorAccessionPui = text()
    donorInstitute = fields.Nested(InstituteSchema, dump_default=None, allow_none=True)


class McpdSchema(RecordSchema):
    germplasmDbId = text()
    germplasmPUI = text()
    accessionNames = many(fields.String())
    accessionNumber = text()
    acquisitionDate = text()
    acquisitionSourceCode = text()
    alternateIDs = many(fields.String())
    ancestralData = text()
    biologicalStatusOfAccessionCode = text()
    breedingInstitutes = many(InstituteSchema)
    collectingInfo = fields.Nested(CollectingInfoSchema, dump_default=None, allow_none=True)
    commonCropName = text()
    countryOfOrigin = text()
    donorInfo = fields.Nested(DonorInfoSchema, dump_default=None, allow_none=True)
    genus = text()
    instituteCode = text()
    mlsStatus = text()
    remarks = text()
    safetyDuplicateInstitutes = many(InstituteSchema)
    species = text()
    speciesAuthority = text()
    storageTypeCodes = many(fields.String())
    subtaxon = text()
    subtaxonAuthority = text()


class RelativeSchema(RecordSchema):
    germplasmDbId = fields.String(required=True)
    germplasmName = text()
    parentType = fields.String(required=True)


class SiblingSchema(RecordSchema):
    germplasmDbId = fields.String(required=True)
    germplasmName = text()


class PedigreeNodeSchema(RecordSchema):
    germplasmDbId = text()
    germplasmName = text()
    germplasmPUI = text()
    defaultDisplayName = text()
    additionalInfo = mapping()
    breedingMethodDbId = text()
    breedingMethodName = text()
    crossingProjectDbId = text()
    crossingYear = integer()
    externalReferences = external_references()
    familyCode = text()
    parents = fields.List(fields.Nested(RelativeSchema), dump_default=None, allow_none=True)
    pedigreeString = text()
    progeny = fields.List(fields.Nested(RelativeSchema), dump_default=None, allow_none=True)
    siblings = fields.List(fields.Nested(SiblingSchema), dump_default=None, allow_none=True)


class ProgenySchema(RecordSchema):
    germplasmDbId = fields.String(required=True)
    germplasmName = text()
    progeny = fields.List(fields.Nested(RelativeSchema), required=True)

"""BrAPI v2.1 SeedLots: a lot of material of one accession (scions, budwood, trees, seed...)
and the movements of its ledger; amounts in the lot's unit, times ISO 8601 in UTC."""
from marshmallow import Schema

from schemas.api_fields import UtcDateTime
from schemas.brapi_fields import external_references, integer, many, mapping, number, text


def moment() -> UtcDateTime:
    return UtcDateTime(dump_default=None, allow_none=True)


class ContentMixtureSchema(Schema):
    germplasmDbId = text()
    germplasmName = text()
    crossDbId = text()
    crossName = text()
    mixturePercentage = integer()


class SeedLotSchema(Schema):
    seedLotDbId = text()
    seedLotName = text()
    seedLotDescription = text()
    additionalInfo = mapping()
    amount = number()
    units = text()
    contentMixture = many(ContentMixtureSchema)
    createdDate = moment()
    lastUpdated = moment()
    externalReferences = external_references()
    locationDbId = text()
    locationName = text()
    programDbId = text()
    programName = text()
    sourceCollection = text()
    storageLocation = text()


class TransactionSchema(Schema):
    transactionDbId = text()
    transactionDescription = text()
    transactionTimestamp = moment()
    additionalInfo = mapping()
    amount = number()
    units = text()
    fromSeedLotDbId = text()
    toSeedLotDbId = text()
    externalReferences = external_references()

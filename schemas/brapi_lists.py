"""BrAPI v2.1 Lists (saved selections of accessions, germplasm.brapi.list_records fills
them) and the answer to a search request (its searchResultsDbId)."""
from marshmallow import Schema, fields

from schemas.api_fields import UtcDateTime
from schemas.brapi_fields import external_references, integer, mapping, text


class ListSummarySchema(Schema):
    listDbId = text()
    listName = text()
    listType = text()
    listDescription = text()
    listSize = integer()
    listSource = text()
    listOwnerName = text()
    listOwnerPersonDbId = text()
    dateCreated = UtcDateTime(dump_default=None, allow_none=True)
    dateModified = UtcDateTime(dump_default=None, allow_none=True)
    additionalInfo = mapping()
    externalReferences = external_references()


class ListDetailsSchema(ListSummarySchema):
    data = fields.List(fields.String(), dump_default=list)


class SearchRequestedSchema(Schema):
    searchResultsDbId = fields.String(required=True)

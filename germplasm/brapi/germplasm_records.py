"""An accession as BrAPI Germplasm and as its MCPD record: the same values as the MCPD export
(loaders.mcpd_export.mcpd_row), wild collecting sites rounded to 0.1° for callers who may
not see them exactly, names after the first as synonyms with their type."""
from types import SimpleNamespace
from urllib.parse import quote

from flask import url_for
from sqlalchemy import select

from germplasm.accessions.models import Accession, Taxon
from germplasm.brapi import breeding_methods
from germplasm.brapi.passport_parts import Parts, among
from germplasm.brapi.words import code_labels, iso_date, text_of
from germplasm.extensions import db
from loaders.mcpd_export import mcpd_row, shown_point

# What germplasm() reads of an accession and its taxon. A page's accessions are read as plain
# rows of these (page_rows); the names and multi-valued fields come from passport_parts.
COLUMNS = ("id", "puid", "doi", "instcode", "accenumb", "acqdate", "sampstat", "cropname",
           "origcty", "donorcode", "donornumb", "ancest", "historic", "declatitude",
           "declongitude", "coorduncert")
TAXON = ("genus", "species", "spauthor", "subtaxa", "subtauthor")


def page_rows(ids: list[int]) -> list[SimpleNamespace]:
    """The accessions of a page (whose ids were found first: stepping over the rows before a
    deep page is cheap for ids, not for whole rows), in the order of `ids`, as objects with
    the attributes germplasm() reads, `taxon` among them: ORM objects cost a sixth of a page
    of 1,000 records (benchmarks/brapi.py), and reading anything else fails loudly."""
    query = select(*(getattr(Accession, c) for c in COLUMNS),
                   *(getattr(Taxon, c) for c in TAXON)) \
        .join(Taxon, Taxon.id == Accession.taxon_id).where(among(Accession.id, ids))
    found, split = {}, len(COLUMNS)
    for row in db.session.connection().execute(query):  # plain rows: no ORM on the way
        accession = SimpleNamespace(**dict(zip(COLUMNS, row[:split], strict=True)))
        accession.taxon = SimpleNamespace(**dict(zip(TAXON, row[split:], strict=True)))
        found[accession.id] = accession
    return [found[number] for number in ids if number in found]


def puid(accession: Accession) -> str:
    """The accession's PUID or DOI when it has one, else the stable URL of its BrAPI record."""
    return accession.puid or accession.doi or url_for(
        "brapi_germplasm.germplasm_one", germplasmDbId=str(accession.id), _external=True)


class Page:
    """What the records of a page share, worked out once: institute names, code labels and
    breeding method names in the caller's language, and URL templates (url_for for each
    record cost as much as the rest of a record: each URL is built once around a marker, and
    every value escaped into it as werkzeug's converters escape a path segment,
    BaseConverter.to_url)."""
    MARKER = "0BRAPI0MARKER0"
    SEGMENT_SAFE = "!$&'()*+,/:;=@"

    def __init__(self, institutes: dict):
        self.institutes = institutes
        self.sampstat, self.storage = code_labels("SAMPSTAT"), code_labels("STORAGE")
        self.methods = breeding_methods.method_names()
        self.record = self._template("brapi_germplasm.germplasm_one", "germplasmDbId")
        self.page = self._template("accessions.detail", "accenumb")

    def _template(self, endpoint: str, key: str):
        prefix, _, suffix = url_for(endpoint, _external=True, **{key: self.MARKER}) \
            .partition(self.MARKER)
        return lambda value: f"{prefix}{quote(str(value), safe=self.SEGMENT_SAFE)}{suffix}"

    def puid(self, accession: Accession) -> str:
        """puid() for a record of the page."""
        return accession.puid or accession.doi or self.record(accession.id)


def germplasm(accession: Accession | SimpleNamespace, exact: bool, parts: Parts,
              page: Page) -> dict:
    """`accession`: an Accession or a row of page_rows() (only COLUMNS and the taxon's TAXON
    are read); `parts`: its names and multi-valued fields (passport_parts.parts_of)."""
    name = parts.display_name or accession.accenumb
    return {
        "germplasmDbId": str(accession.id), "germplasmName": name, "defaultDisplayName": name,
        "germplasmPUI": page.puid(accession), "accessionNumber": accession.accenumb,
        "acquisitionDate": iso_date(accession.acqdate),
        "biologicalStatusOfAccessionCode": text_of(accession.sampstat),
        "biologicalStatusOfAccessionDescription": None if accession.sampstat is None
        else page.sampstat.get(str(accession.sampstat)),
        "commonCropName": accession.cropname, "countryOfOriginCode": accession.origcty,
        "documentationURL": page.page(accession.accenumb),
        "donors": _donors(accession), "externalReferences": _references(accession, parts),
        "genus": accession.taxon.genus, "species": accession.taxon.species or None,
        "speciesAuthority": accession.taxon.spauthor or None,
        "subtaxa": accession.taxon.subtaxa or None,
        "subtaxaAuthority": accession.taxon.subtauthor or None,
        "germplasmOrigin": _origin(accession, exact),
        "instituteCode": accession.instcode,
        "instituteName": page.institutes.get(accession.instcode),
        "pedigree": accession.ancest,
        "storageTypes": [{"code": code, "description": page.storage.get(code)}
                         for code in parts.multi.get("STORAGE", [])],
        "synonyms": [{"synonym": name, "type": kind} for name, kind in parts.names[1:]],
        "additionalInfo": {"historic": "true" if accession.historic else "false"},
        **breeding_methods.germplasm_fields(accession, page.methods),  # breeding_methods.py
    }


def _donors(accession: Accession) -> list[dict]:
    if not (accession.donorcode or accession.donornumb):
        return []
    return [{"donorAccessionNumber": accession.donornumb,
             "donorInstituteCode": accession.donorcode}]


def _references(accession: Accession, parts: Parts) -> list[dict]:
    doi = [{"referenceId": accession.doi, "referenceSource": "DOI"}] if accession.doi else []
    return doi + [{"referenceId": other, "referenceSource": "MCPD OTHERNUMB"}
                  for other in parts.multi.get("OTHERNUMB", [])]


def rounded(accession: Accession, exact: bool) -> bool:
    """mcpd_row's rule: a wild accession's site is rounded for callers without exact sites
    (its recorded uncertainty then says nothing of the point shown, and is left out)."""
    return not exact and accession.sampstat is not None and 100 <= accession.sampstat < 200


def _origin(accession: Accession, exact: bool) -> list[dict]:
    """The collecting site as a GeoJSON point ([longitude, latitude]) as the MCPD export
    shows it; its recorded uncertainty only where the point is shown as recorded."""
    latitude, longitude = shown_point(accession, public=not exact)
    if latitude is None or longitude is None:
        return []
    return [{"coordinateUncertainty": None if rounded(accession, exact)
             else text_of(accession.coorduncert),
             "coordinates": {"type": "Feature", "properties": {}, "geometry": {
                 "type": "Point", "coordinates": [longitude, latitude]}}}]


def mcpd(accession: Accession, exact: bool, institutes: dict) -> dict:
    row = mcpd_row(accession, public=not exact)
    return {
        "germplasmDbId": str(accession.id), "germplasmPUI": puid(accession),
        "accessionNames": [n.name for n in accession.names],
        "accessionNumber": accession.accenumb, "acquisitionDate": iso_date(accession.acqdate),
        "acquisitionSourceCode": text_of(accession.collsrc),
        "alternateIDs": accession.multi("OTHERNUMB"), "ancestralData": accession.ancest,
        "biologicalStatusOfAccessionCode": text_of(accession.sampstat),
        "breedingInstitutes": _institutes(accession.multi("BREDCODE"), institutes,
                                          accession.bredname),
        "collectingInfo": _collecting(accession, row, institutes, rounded(accession, exact)),
        "commonCropName": accession.cropname, "countryOfOrigin": accession.origcty,
        "donorInfo": {"donorAccessionNumber": accession.donornumb, "donorAccessionPui": None,
                      "donorInstitute": {"instituteCode": accession.donorcode,
                                         "instituteName": accession.donorname}}
        if accession.donorcode or accession.donornumb or accession.donorname else None,
        "genus": accession.taxon.genus, "instituteCode": accession.instcode,
        "mlsStatus": text_of(accession.mlsstat), "remarks": accession.remarks,
        "safetyDuplicateInstitutes": _institutes(accession.multi("DUPLSITE"), institutes,
                                                 accession.duplinstname),
        "species": accession.taxon.species or None,
        "speciesAuthority": accession.taxon.spauthor or None,
        "storageTypeCodes": accession.multi("STORAGE"),
        "subtaxon": accession.taxon.subtaxa or None,
        "subtaxonAuthority": accession.taxon.subtauthor or None,
    }


def _institutes(codes: list[str], names: dict, only_name: str | None) -> list[dict]:
    """Institutes by code (named when we know them); a name alone when no code was given."""
    if not codes:
        return [{"instituteCode": None, "instituteName": only_name}] if only_name else []
    return [{"instituteCode": code, "instituteName": names.get(code) or
             (only_name if len(codes) == 1 else None)} for code in codes]


def _collecting(accession: Accession, row: dict, names: dict, rounded_site: bool) -> dict:
    collectors = _institutes(accession.multi("COLLCODE"), names, accession.collname)
    for institute in collectors:
        institute["instituteAddress"] = accession.collinstaddress
    return {"collectingDate": iso_date(accession.colldate),
            "collectingInstitutes": collectors,
            "collectingMissionIdentifier": accession.collmissid,
            "collectingNumber": accession.collnumb,
            "collectingSite": {
                "coordinateUncertainty": None if rounded_site else text_of(row["COORDUNCERT"]),
                "elevation": text_of(row["ELEVATION"]),
                "georeferencingMethod": row["GEOREFMETH"],
                "latitudeDecimal": text_of(row["DECLATITUDE"]),
                "latitudeDegrees": row["LATITUDE"],
                "locationDescription": row["COLLSITE"],
                "longitudeDecimal": text_of(row["DECLONGITUDE"]),
                "longitudeDegrees": row["LONGITUDE"],
                "spatialReferenceSystem": row["COORDDATUM"]}}

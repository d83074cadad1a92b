"""An accession as BrAPI Germplasm and as its MCPD record: the same values as the MCPD export
(loaders.mcpd_export.mcpd_row), wild collecting sites rounded to 0.1° for callers who may
not see them exactly, names after the first as synonyms with their type."""
from flask import url_for

from germplasm.accessions.models import Accession
from germplasm.brapi import breeding_methods
from germplasm.brapi.words import code_label, iso_date, text_of
from loaders.mcpd_export import mcpd_row


def puid(accession: Accession) -> str:
    """The accession's PUID or DOI when it has one, else the stable URL of its BrAPI record."""
    return accession.puid or accession.doi or url_for(
        "brapi_germplasm.germplasm_one", germplasmDbId=str(accession.id), _external=True)


def germplasm(accession: Accession, exact: bool, institutes: dict) -> dict:
    row = mcpd_row(accession, public=not exact)
    name = accession.display_name
    return {
        "germplasmDbId": str(accession.id), "germplasmName": name, "defaultDisplayName": name,
        "germplasmPUI": puid(accession), "accessionNumber": accession.accenumb,
        "acquisitionDate": iso_date(accession.acqdate),
        "biologicalStatusOfAccessionCode": text_of(accession.sampstat),
        "biologicalStatusOfAccessionDescription": code_label("SAMPSTAT", accession.sampstat),
        "commonCropName": accession.cropname, "countryOfOriginCode": accession.origcty,
        "documentationURL": url_for("accessions.detail", accenumb=accession.accenumb,
                                    _external=True),
        "donors": _donors(accession), "externalReferences": _references(accession),
        "genus": accession.taxon.genus, "species": accession.taxon.species or None,
        "speciesAuthority": accession.taxon.spauthor or None,
        "subtaxa": accession.taxon.subtaxa or None,
        "subtaxaAuthority": accession.taxon.subtauthor or None,
        "germplasmOrigin": _origin(row, exact, accession),
        "instituteCode": accession.instcode, "instituteName": institutes.get(accession.instcode),
        "pedigree": accession.ancest,
        "storageTypes": [{"code": code, "description": code_label("STORAGE", code)}
                         for code in accession.multi("STORAGE")],
        "synonyms": [{"synonym": n.name, "type": n.name_type} for n in accession.names[1:]],
        "additionalInfo": {"historic": "true" if accession.historic else "false"},
        **breeding_methods.germplasm_fields(accession),  # the rule: breeding_methods.py
    }


def _donors(accession: Accession) -> list[dict]:
    if not (accession.donorcode or accession.donornumb):
        return []
    return [{"donorAccessionNumber": accession.donornumb,
             "donorInstituteCode": accession.donorcode}]


def _references(accession: Accession) -> list[dict]:
    doi = [{"referenceId": accession.doi, "referenceSource": "DOI"}] if accession.doi else []
    return doi + [{"referenceId": other, "referenceSource": "MCPD OTHERNUMB"}
                  for other in accession.multi("OTHERNUMB")]


def rounded(accession: Accession, exact: bool) -> bool:
    """mcpd_row's rule: a wild accession's site is rounded for callers without exact sites
    (its recorded uncertainty then says nothing of the point shown, and is left out)."""
    return not exact and accession.sampstat is not None and 100 <= accession.sampstat < 200


def _origin(row: dict, exact: bool, accession: Accession) -> list[dict]:
    """The collecting site as a GeoJSON point ([longitude, latitude]); its recorded
    uncertainty only where the point is shown as recorded."""
    latitude, longitude = row["DECLATITUDE"], row["DECLONGITUDE"]
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

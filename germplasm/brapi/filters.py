"""The germplasm filters of GET /germplasm and /pedigree as SQL conditions on Accession,
AND-ed, on top of the caller's visibility scope."""
from flask import request
from sqlalchemy import exists, func, or_, select

from germplasm.accessions.models import Accession, AccessionName, Taxon
from germplasm.sharing.access import accession_scope

MAX_ID = 2**31  # larger numbers are no id of ours (and overflow PostgreSQL's integer)
FILTERS = ("germplasmDbId", "germplasmName", "accessionNumber", "genus", "species", "synonym",
           "commonCropName", "germplasmPUI")


def visible_accessions():
    """select(Accession) of what the caller may see, with the request's filters applied."""
    query = select(Accession).join(Taxon, Taxon.id == Accession.taxon_id)
    scope = accession_scope()
    if scope is not None:
        query = query.where(scope)
    for name in FILTERS:
        value = request.args.get(name, "").strip()
        if value:
            query = query.where(CONDITIONS[name](value))
    return query


def accession_id(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and 0 < int(text) < MAX_ID else None


def _by_id(value: str):
    number = accession_id(value)
    return Accession.id == number if number is not None else Accession.id.is_(None)


def _named(value: str, synonyms_only: bool = False):
    condition = (AccessionName.accession_id == Accession.id) & (AccessionName.name == value)
    if synonyms_only:  # the first name is the accepted one; the others are synonyms
        condition &= AccessionName.position > 0
    return exists(select(AccessionName.id).where(condition))


def _species(value: str):
    """`salicina`, or the binomial `Prunus salicina`."""
    genus, _, epithet = value.rpartition(" ")
    condition = func.lower(Taxon.species) == epithet.lower()
    return condition & (func.lower(Taxon.genus) == genus.lower()) if genus else condition


def _pui(value: str):
    """A PUID or DOI as stored, or the URL of our record (which ends in its id)."""
    tail = value.rstrip("/").rpartition("/")[2]
    ours = _by_id(tail) if "/brapi/v2/germplasm/" in value else Accession.id.is_(None)
    return or_(Accession.puid == value, Accession.doi == value, ours)


CONDITIONS = {
    "germplasmDbId": _by_id,
    "germplasmName": _named,
    "accessionNumber": lambda value: Accession.accenumb == value,
    "genus": lambda value: func.lower(Taxon.genus) == value.lower(),
    "species": _species,
    "synonym": lambda value: _named(value, synonyms_only=True),
    "commonCropName": lambda value: Accession.cropname == value,
    "germplasmPUI": _pui,
}

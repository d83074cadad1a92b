"""The germplasm filters of GET /germplasm and /pedigree and of POST search/germplasm as SQL
conditions on Accession: each filter takes a list of values (any of them matches: a query
parameter is a list of one, a search body's field a list of many), filters AND-ed, on top of
the caller's visibility scope."""
from flask import request
from sqlalchemy import exists, false, func, or_, select

from germplasm.accessions.models import Accession, AccessionName, Taxon
from germplasm.db import row_id
from germplasm.sharing.access import accession_scope

FILTERS = ("germplasmDbId", "germplasmName", "accessionNumber", "genus", "species", "synonym",
           "commonCropName", "germplasmPUI")


def visible_accessions(filters: dict[str, list[str]] | None = None):
    """select(Accession) of what the caller may see, with `filters` ({filter: values}, the
    request's query parameters when not given) applied."""
    query = select(Accession)  # no join: counting and paging need the accessions alone
    scope = accession_scope()
    if scope is not None:
        query = query.where(scope)
    for name, values in (query_filters() if filters is None else filters).items():
        if values:
            query = query.where(CONDITIONS[name](values))
    return query


def query_filters() -> dict[str, list[str]]:
    return {name: [request.args[name].strip()] for name in FILTERS
            if request.args.get(name, "").strip()}


def accession_id(text: str) -> int | None:
    return row_id(text)


def _by_id(values: list[str]):
    numbers = [n for n in map(accession_id, values) if n is not None]
    return Accession.id.in_(numbers) if numbers else false()


def _named(values: list[str], synonyms_only: bool = False):
    condition = (AccessionName.accession_id == Accession.id) & AccessionName.name.in_(values)
    if synonyms_only:  # the first name is the accepted one; the others are synonyms
        condition &= AccessionName.position > 0
    return exists(select(AccessionName.id).where(condition))


def _of_taxa(condition):
    """Accessions whose taxon meets `condition` (a condition on Taxon)."""
    return Accession.taxon_id.in_(select(Taxon.id).where(condition))


def _species(values: list[str]):
    """`salicina`, or the binomial `Prunus salicina`."""
    return _of_taxa(or_(*(_one_species(value) for value in values)))


def _one_species(value: str):
    genus, _, epithet = value.rpartition(" ")
    condition = func.lower(Taxon.species) == epithet.lower()
    return condition & (func.lower(Taxon.genus) == genus.lower()) if genus else condition


def _pui(values: list[str]):
    """A PUID or DOI as stored, or the URL of our record (which ends in its id)."""
    ours = [value.rstrip("/").rpartition("/")[2] for value in values
            if "/brapi/v2/germplasm/" in value]
    return or_(Accession.puid.in_(values), Accession.doi.in_(values), _by_id(ours))


def _lower_in(column, values: list[str]):
    return func.lower(column).in_([value.lower() for value in values])


CONDITIONS = {
    "germplasmDbId": _by_id,
    "germplasmName": _named,
    "accessionNumber": lambda values: Accession.accenumb.in_(values),
    "genus": lambda values: _of_taxa(_lower_in(Taxon.genus, values)),
    "species": _species,
    "synonym": lambda values: _named(values, synonyms_only=True),
    "commonCropName": lambda values: Accession.cropname.in_(values),
    "germplasmPUI": _pui,
    # Only in search bodies: the holding institute, which is also the program.
    "instituteCode": lambda values: Accession.instcode.in_(values),
}

"""Taxa created, edited and deleted outside an import (the admin): validated, audited, and
with the search documents of the taxon's accessions rebuilt when a searched name changes
(the species facet and the taxon text both come from the taxon row)."""
from flask_babel import gettext as _
from sqlalchemy import func

from germplasm.accessions.models import Accession, Taxon
from germplasm.accessions.reference_checks import ReferenceProblem, changed, cleaned, text_errors
from germplasm.audit import services as audit
from germplasm.extensions import db
from schemas.accession import GENUS, SPECIES
from search.state import mark_changed

FIELDS = ("genus", "species", "spauthor", "subtaxa", "subtauthor", "name_zh", "name_en")
# Stored as "" rather than NULL: the (genus, species, subtaxa) constraint must hold.
EMPTY_STRINGS = ("species", "spauthor", "subtaxa", "subtauthor")
# What a search document or the species facet holds of a taxon.
SEARCHED = ("genus", "species", "subtaxa", "name_zh", "name_en")


def create_taxon(values: dict, user: str, source: str = "admin") -> Taxon:
    values = cleaned({f: "" for f in FIELDS} | values, FIELDS, EMPTY_STRINGS)
    taxon = Taxon()
    check(taxon, values)
    for field, value in values.items():
        setattr(taxon, field, value)
    db.session.add(taxon)
    db.session.flush()
    audit.record(user, "taxon", taxon.id, "create", new=taxon.scientific_name, source=source)
    return taxon


def update_taxon(taxon: Taxon, values: dict, user: str, source: str = "admin") -> dict:
    """Apply `values` (a subset of FIELDS); returns {field: (old, new)}."""
    values = cleaned(values, FIELDS, EMPTY_STRINGS)
    check(taxon, values)
    changes = changed(taxon, values)
    for field, (old, new) in changes.items():
        setattr(taxon, field, new)
        audit.record(user, "taxon", taxon.id, "update", field=field, old=old, new=new,
                     source=source)
    db.session.flush()
    if set(changes) & set(SEARCHED):
        mark_changed(accessions_of(taxon))
    return changes


def delete_taxon(taxon: Taxon, user: str, source: str = "admin") -> None:
    """Refused while accessions belong to the taxon: they would lose their species."""
    used = db.session.scalar(db.select(func.count()).where(Accession.taxon_id == taxon.id))
    if used:
        raise ReferenceProblem({"": [_(
            "%(taxon)s is the taxon of %(n)s accessions; move them to another taxon "
            "before deleting it", taxon=taxon.scientific_name, n=used)]})
    audit.record(user, "taxon", taxon.id, "delete", old=taxon.scientific_name, source=source)
    db.session.delete(taxon)
    db.session.flush()


def accessions_of(taxon: Taxon) -> list[int]:
    return list(db.session.scalars(db.select(Accession.id).where(Accession.taxon_id == taxon.id)))


def check(taxon: Taxon, values: dict) -> None:
    errors = text_errors(Taxon, values)
    genus = values.get("genus", taxon.genus)
    if not genus:
        errors["genus"] = [_("a taxon needs a genus")]
    elif "genus" in values and not GENUS.match(genus):
        errors["genus"] = [_("a genus name with an initial capital, e.g. Prunus")]
    if values.get("species") and not SPECIES.match(values["species"]):
        errors["species"] = [_("a lower-case epithet such as salicina, or sp.")]
    if not errors and _taken(taxon, values):
        errors["species"] = [_("the taxon %(name)s already exists", name=_name(taxon, values))]
    if errors:
        raise ReferenceProblem(errors)


def _key(taxon: Taxon, values: dict) -> tuple[str, str, str]:
    return tuple(values.get(f, getattr(taxon, f)) or "" for f in ("genus", "species", "subtaxa"))


def _name(taxon: Taxon, values: dict) -> str:
    return " ".join(p for p in _key(taxon, values) if p)


def _taken(taxon: Taxon, values: dict) -> bool:
    genus, species, subtaxa = _key(taxon, values)
    query = db.select(Taxon.id).where(Taxon.genus == genus, Taxon.species == species,
                                      Taxon.subtaxa == subtaxa)
    if taxon.id is not None:
        query = query.where(Taxon.id != taxon.id)
    return db.session.scalar(query) is not None

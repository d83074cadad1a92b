"""Taxa and institutes: looked up by their natural keys, created on first use."""
from germplasm.accessions.models import Institute, Taxon
from germplasm.extensions import db


class ReferenceCache:
    """Taxa and institutes of one import, loaded once; new ones are created and reported."""

    def __init__(self):
        self.taxa = {_taxon_key(t.genus, t.species, t.subtaxa): t for t in db.session.scalars(
            db.select(Taxon))}
        self.institutes = set(db.session.scalars(db.select(Institute.code)))

    def taxon(self, row: dict, warnings: list[str]) -> Taxon:
        key = _taxon_key(row["genus"], row.get("species"), row.get("subtaxa"))
        if key not in self.taxa:
            self.taxa[key] = add_taxon(row)
            warnings.append(f"new taxon {self.taxa[key].scientific_name} created")
        return self.taxa[key]

    def institute(self, code: str, warnings: list[str]) -> str:
        if code not in self.institutes:
            db.session.add(Institute(code=code))
            self.institutes.add(code)
            warnings.append(f"new institute {code} created")
        return code


def add_taxon(fields: dict) -> Taxon:
    taxon = Taxon(
        genus=fields["genus"], species=fields.get("species") or "",
        spauthor=fields.get("spauthor") or "", subtaxa=fields.get("subtaxa") or "",
        subtauthor=fields.get("subtauthor") or "",
        name_zh=fields.get("name_zh"), name_en=fields.get("name_en"),
    )
    db.session.add(taxon)
    return taxon


def _taxon_key(genus: str, species: str | None, subtaxa: str | None) -> tuple[str, str, str]:
    return (genus, species or "", subtaxa or "")

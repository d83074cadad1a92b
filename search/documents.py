"""Build the search document of each accession from the database."""
from collections import defaultdict
from collections.abc import Iterator

from germplasm.accessions.models import (
    Accession,
    AccessionMultiValue,
    AccessionName,
    Institute,
    Taxon,
)
from germplasm.evaluations.models import ALL_YEARS, Descriptor, TraitSummary
from germplasm.extensions import db
from germplasm.reference.models import CodeListEntry, Country
from germplasm.reference.provinces import province_of
from search.analyzers import pinyin_forms

NUMERIC_TYPES = ("Numerical", "Ordinal", "Date")


class DocumentBuilder:
    """Loads the lookup tables once, then turns batches of accessions into documents.

    Plain rows rather than ORM objects: a full build reads 50,000 accessions, and building
    objects for them was a third of the main process's work."""

    def __init__(self):
        self.countries = {c.code: c for c in db.session.scalars(db.select(Country))}
        self.labels = {(e.list_name, e.code): e for e in
                       db.session.scalars(db.select(CodeListEntry))}
        self.descriptors = {d.id: d for d in db.session.scalars(db.select(Descriptor))}
        self.taxa = {t.id: t for t in db.session.scalars(db.select(Taxon))}
        # The holding institute's names, so that searching for them finds its accessions.
        self.institutes = {code: [n for n in names if n] for code, *names in db.session.execute(
            db.select(Institute.code, Institute.name_zh, Institute.name_en))}

    def documents(self, accession_ids: list[int], batch: int = 1000,
                  release=lambda: None) -> Iterator[dict]:
        """`release` runs after each batch; a full rebuild passes session.expunge_all so
        that memory stays flat over 50,000 accessions."""
        for start in range(0, len(accession_ids), batch):
            chunk = accession_ids[start:start + batch]
            traits, names, multi = self._traits(chunk), self._names(chunk), self._multi(chunk)
            rows = db.session.execute(db.select(*ACCESSION_COLUMNS).where(
                Accession.id.in_(chunk)).order_by(Accession.id))
            for row in rows:
                yield self.document(row, names.get(row.id, []), multi.get(row.id, {}),
                                    traits.get(row.id, {}))
            release()

    def _names(self, chunk: list[int]) -> dict[int, list[str]]:
        names = defaultdict(list)
        query = db.select(AccessionName.accession_id, AccessionName.name).where(
            AccessionName.accession_id.in_(chunk)).order_by(AccessionName.position)
        for accession_id, name in db.session.execute(query):
            names[accession_id].append(name)
        return names

    def _multi(self, chunk: list[int]) -> dict[int, dict[str, list[str]]]:
        values = defaultdict(lambda: defaultdict(list))
        query = db.select(AccessionMultiValue.accession_id, AccessionMultiValue.field,
                          AccessionMultiValue.value).where(
            AccessionMultiValue.accession_id.in_(chunk)).order_by(AccessionMultiValue.position)
        for accession_id, field, value in db.session.execute(query):
            values[accession_id][field].append(value)
        return values

    def _traits(self, chunk: list[int]) -> dict[int, dict]:
        traits = defaultdict(dict)
        query = db.select(TraitSummary.accession_id, TraitSummary.descriptor_id,
                          TraitSummary.mean, TraitSummary.mode).where(
            TraitSummary.year == ALL_YEARS, TraitSummary.accession_id.in_(chunk))
        for accession_id, descriptor_id, mean, mode in db.session.execute(query):
            descriptor = self.descriptors[descriptor_id]
            if descriptor.data_type in NUMERIC_TYPES and mean is not None:
                traits[accession_id][f"t_{descriptor.code}"] = mean
            if mode is not None:
                traits[accession_id][f"c_{descriptor.code}"] = mode
        return traits

    def document(self, row, names: list[str], multi: dict[str, list[str]],
                 traits: dict) -> dict:
        taxon = self.taxa[row.taxon_id]
        province = province_of(row.collsite) if row.origcty == "CHN" else None
        storage = multi.get("STORAGE", [])
        return {
            "key": str(row.id), "aid": row.id, "accenumb": row.accenumb,
            "names": " ; ".join(names), "pinyin": pinyin_forms(" ".join(names)),
            "taxon": " ".join(filter(None, (taxon.genus, taxon.species, taxon.subtaxa,
                                            taxon.name_zh, taxon.name_en))),
            "origin": self._origin(row, province),
            "institute": " ".join(filter(None, [
                row.instcode, *self.institutes.get(row.instcode, []), row.collname,
                row.bredname, row.donorname, *multi.get("COLLCODE", []),
                *multi.get("BREDCODE", [])])),
            "pedigree": row.ancest or "",
            "notes": " ".join(filter(None, [row.remarks, *self._labels(row, storage)])),
            "species": taxon.species or "", "genus": taxon.genus,
            "origcty": row.origcty or "", "province": province or "",
            "sampstat": row.sampstat or 0, "storage": ",".join(storage),
            "historic": row.historic, "restricted": row.restricted,
        } | traits

    def _origin(self, row, province: str | None) -> str:
        country = self.countries.get(row.origcty)
        parts = [row.origcty, row.collsite, province]
        if country:
            parts += [country.name_en, country.name_zh]
        return " ".join(filter(None, parts))

    def _labels(self, row, storage: list[str]) -> list[str]:
        keys = [("SAMPSTAT", str(row.sampstat))] + [("STORAGE", code) for code in storage]
        entries = [self.labels.get(key) for key in keys]
        return [text for e in entries if e for text in (e.label_en, e.label_zh)]


ACCESSION_COLUMNS = (Accession.id, Accession.accenumb, Accession.instcode, Accession.taxon_id,
                     Accession.collname, Accession.bredname, Accession.donorname,
                     Accession.ancest, Accession.remarks, Accession.sampstat, Accession.origcty,
                     Accession.collsite, Accession.historic, Accession.restricted)

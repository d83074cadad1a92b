"""Build the search document of each accession from the database."""
from collections import defaultdict
from collections.abc import Iterator

from germplasm.accessions.models import Accession
from germplasm.evaluations.models import ALL_YEARS, Descriptor, TraitSummary
from germplasm.extensions import db
from germplasm.reference.models import CodeListEntry, Country
from germplasm.reference.provinces import province_of
from search.analyzers import pinyin_forms

NUMERIC_TYPES = ("Numerical", "Ordinal", "Date")


class DocumentBuilder:
    """Loads the lookup tables once, then turns batches of accessions into documents."""

    def __init__(self):
        self.countries = {c.code: c for c in db.session.scalars(db.select(Country))}
        self.labels = {(e.list_name, e.code): e for e in
                       db.session.scalars(db.select(CodeListEntry))}
        self.descriptors = {d.id: d for d in db.session.scalars(db.select(Descriptor))}

    def documents(self, accession_ids: list[int], batch: int = 1000,
                  release=lambda: None) -> Iterator[dict]:
        """`release` runs after each batch; a full rebuild passes session.expunge_all so
        that memory stays flat over 50,000 accessions."""
        for start in range(0, len(accession_ids), batch):
            chunk = accession_ids[start:start + batch]
            traits = self._traits(chunk)
            query = db.select(Accession).where(Accession.id.in_(chunk))
            for accession in db.session.scalars(query):
                yield self.document(accession, traits.get(accession.id, {}))
            release()

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

    def document(self, accession: Accession, traits: dict) -> dict:
        names = [n.name for n in accession.names]
        taxon = accession.taxon
        province = province_of(accession.collsite) if accession.origcty == "CHN" else None
        return {
            "key": str(accession.id), "aid": accession.id, "accenumb": accession.accenumb,
            "names": " ; ".join(names), "pinyin": pinyin_forms(" ".join(names)),
            "taxon": " ".join(filter(None, (taxon.genus, taxon.species, taxon.subtaxa,
                                            taxon.name_zh, taxon.name_en))),
            "origin": self._origin(accession, province),
            "institute": " ".join(filter(None, [accession.instcode, accession.collname,
                                                accession.bredname, accession.donorname,
                                                *accession.multi("COLLCODE"),
                                                *accession.multi("BREDCODE")])),
            "pedigree": accession.ancest or "",
            "notes": " ".join(filter(None, [accession.remarks, *self._labels(accession)])),
            "species": taxon.species or "", "genus": taxon.genus,
            "origcty": accession.origcty or "", "province": province or "",
            "sampstat": accession.sampstat or 0,
            "storage": ",".join(accession.multi("STORAGE")),
            "historic": accession.historic, "restricted": accession.restricted,
        } | traits

    def _origin(self, accession: Accession, province: str | None) -> str:
        country = self.countries.get(accession.origcty)
        parts = [accession.origcty, accession.collsite, province]
        if country:
            parts += [country.name_en, country.name_zh]
        return " ".join(filter(None, parts))

    def _labels(self, accession: Accession) -> list[str]:
        keys = [("SAMPSTAT", str(accession.sampstat))] + [
            ("STORAGE", code) for code in accession.multi("STORAGE")]
        entries = [self.labels.get(key) for key in keys]
        return [text for e in entries if e for text in (e.label_en, e.label_zh)]

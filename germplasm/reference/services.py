"""Load the shipped reference data; safe to run again (existing rows are updated)."""
import gettext
import json
from importlib import resources

import pycountry

from germplasm.accessions.mcpd_fields import code_lists
from germplasm.accessions.models import Taxon
from germplasm.accessions.taxa import add_taxon
from germplasm.extensions import db
from germplasm.reference.models import CodeListEntry, Country


def load_reference_data() -> dict[str, int]:
    return {
        "code list entries": _load_code_lists(),
        "countries": _load_countries(),
        "taxa": _load_taxa(),
    }


def _load_code_lists() -> int:
    existing = {(e.list_name, e.code): e for e in db.session.scalars(db.select(CodeListEntry))}
    count = 0
    for list_name, entries in code_lists().items():
        for code, label_en, label_zh in entries:
            entry = existing.get((list_name, code)) or CodeListEntry(list_name=list_name, code=code)
            entry.label_en, entry.label_zh = label_en, label_zh
            db.session.add(entry)
            count += 1
    db.session.flush()
    return count


def _load_countries() -> int:
    existing = {c.code: c for c in db.session.scalars(db.select(Country))}
    current = _translator("iso3166-1")
    former = _translator("iso3166-3")
    rows = {c.alpha_3: (c.name, former(c.name), True)
            for c in pycountry.historic_countries if len(c.alpha_3) == 3}
    # A current code wins over a withdrawn one that was later reassigned (e.g. ATF).
    rows |= {c.alpha_3: (c.name, current(c.name), False) for c in pycountry.countries}
    for code, (name_en, name_zh, historic) in rows.items():
        country = existing.get(code) or Country(code=code)
        country.name_en, country.name_zh, country.historic = name_en, name_zh, historic
        db.session.add(country)
    db.session.flush()
    return len(rows)


def _translator(domain: str):
    translation = gettext.translation(
        domain, pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    return translation.gettext


def _load_taxa() -> int:
    text = resources.files("germplasm.data").joinpath("taxa.json").read_text("utf-8")
    existing = {(t.genus, t.species, t.subtaxa): t for t in db.session.scalars(db.select(Taxon))}
    shipped = json.loads(text)
    for entry in shipped:
        key = (entry["genus"], entry["species"], entry.get("subtaxa", ""))
        taxon = existing.get(key) or add_taxon(entry)
        for attr in ("spauthor", "subtauthor", "name_zh", "name_en"):
            if entry.get(attr) and not getattr(taxon, attr):
                setattr(taxon, attr, entry[attr])
    db.session.flush()
    return len(shipped)


def label(list_name: str, code, locale: str) -> str | None:
    entry = db.session.scalars(db.select(CodeListEntry).filter_by(
        list_name=list_name, code=str(code))).first()
    return entry.label(locale) if entry else None

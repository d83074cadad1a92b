"""The admin's column and form labels: Chinese by default, English with ?lang=en, each with
its MCPD code (or the BrAPI term a descriptor field maps to) as a hint, so that a curator
who knows the standard finds the field. Labels are lazy: they are read per request, in the
request's language, not once when the views are built."""
from flask_babel import LazyString, get_locale
from flask_babel import lazy_gettext as _l

from germplasm.accessions.labels import field_label
from germplasm.accessions.mcpd_fields import ALL_COLUMNS


def mcpd(code: str) -> LazyString:
    """The readable name of an MCPD field (germplasm.accessions.labels) in the request's
    language: one list of MCPD names for the accession page and the admin."""
    return LazyString(lambda: field_label(code, str(get_locale() or "zh_CN")))


def with_hint(code: str, hint) -> LazyString:
    """A form field's description: its MCPD code and what to type, e.g. ACQDATE · YYYYMMDD."""
    return LazyString(lambda: f"{code} · {hint}" if hint else code)


def labels(table: dict) -> tuple[dict, dict]:
    """(column_labels, column_descriptions) from {column: (label, hint or None)}."""
    return ({column: label for column, (label, _hint) in table.items()},
            {column: hint for column, (_label, hint) in table.items() if hint})


# Passport columns of the accession row are the MCPD codes in lower case.
ACCESSION = {code.lower(): (mcpd(code), code) for code in ALL_COLUMNS} | {
    "display_name": (mcpd("ACCENAME"), "ACCENAME"),
    "taxon": (_l("Taxon"), "GENUS SPECIES SUBTAXA"),
    "names": (mcpd("ACCENAME"), "ACCENAME"),
    "names.name": (mcpd("ACCENAME"), "ACCENAME"),  # the search box's placeholder
    "created_at": (_l("Created"), None), "updated_at": (_l("Last changed"), None),
    "version": (_l("Version"), None),
}
NAME = {
    "accession": (mcpd("ACCENUMB"), "ACCENUMB"), "accession.accenumb": (mcpd("ACCENUMB"),
                                                                       "ACCENUMB"),
    "name": (_l("Name"), "ACCENAME"), "name_type": (_l("Name type"), None),
    "lang": (_l("Language"), None), "position": (_l("Order"), None),
}
TAXON = {code.lower(): (mcpd(code), code)
         for code in ("GENUS", "SPECIES", "SPAUTHOR", "SUBTAXA", "SUBTAUTHOR")} | {
    "name_zh": (_l("Chinese name"), None), "name_en": (_l("English name"), None),
}
INSTITUTE = {
    "code": (_l("Institute code"), _l("INSTCODE: FAO WIEWS code, e.g. CHN385")),
    "name_zh": (_l("Chinese name"), None), "name_en": (_l("English name"), None),
    "address": (_l("Address"), None),
}
# Descriptors are not MCPD: their hints name the Crop Ontology trait-dictionary column.
DESCRIPTOR = {
    "code": (_l("Code"), None), "name_zh": (_l("Chinese name"), None),
    "name_en": (_l("English name"), None), "group": (_l("Group"), None),
    "data_type": (_l("Data type"), None), "unit": (_l("Unit"), None),
    "version": (_l("Version"), None), "active": (_l("Active"), None),
    "definition_zh": (_l("Definition (Chinese)"), None),
    "definition_en": (_l("Definition (English)"), None),
    "method_zh": (_l("Method (Chinese)"), None), "method_en": (_l("Method (English)"), None),
    "min_value": (_l("Minimum"), None), "max_value": (_l("Maximum"), None),
    "min_date": (_l("Earliest date"), "MM-DD"), "max_date": (_l("Latest date"), "MM-DD"),
    "decimals": (_l("Decimals"), None), "better": (_l("Better values"), None),
    "trait_class": (_l("Trait class"), "Crop Ontology: Trait class"),
    "trait_name": (_l("Trait name"), "Crop Ontology: Trait name"),
    "method_name": (_l("Method name"), "Crop Ontology: Method name"),
    "scale_name": (_l("Scale name"), "Crop Ontology: Scale name"),
    "source": (_l("Source"), None),
}
CAMPAIGN = {
    "name": (_l("Name"), None), "year": (_l("Year"), None), "site": (_l("Site"), None),
    "observers": (_l("Observers"), None), "description": (_l("Description"), None),
    "descriptors": (_l("Descriptors"), None),
    "created_at": (_l("Created"), None), "updated_at": (_l("Last changed"), None),
}
OBSERVATION = {
    "campaign": (_l("Campaign"), None), "campaign.name": (_l("Campaign"), None),
    "campaign.year": (_l("Year"), None),
    "accession": (mcpd("ACCENUMB"), "ACCENUMB"), "accession.accenumb": (mcpd("ACCENUMB"),
                                                                       "ACCENUMB"),
    "descriptor": (_l("Descriptor"), None), "descriptor.code": (_l("Descriptor"), None),
    "plant": (_l("Plant"), None), "replicate": (_l("Replicate"), None),
    "value_num": (_l("Numeric value"), None), "value_text": (_l("Text or category"), None),
    "value_date": (_l("Date value"), None), "observed_on": (_l("Observed on"), None),
    "observer": (_l("Observer"), None), "status": (_l("Status"), None),
}
USER = {
    "username": (_l("Username"), None), "display_name": (_l("Display name"), None),
    "role": (_l("Role"), None), "active": (_l("Active"), None),
    "created_at": (_l("Created"), None), "password": (_l("Password"), None),
}

"""The admin's column and form labels: Chinese by default, English with ?lang=en, each with
its MCPD code (or the BrAPI term a descriptor field maps to) as a hint, so that a curator
who knows the standard finds the field. Labels are lazy: they are read per request, in the
request's language, not once when the views are built."""
from flask_babel import LazyString, get_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

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
    "version": (_l("Version"), None), "is_demo": (_l("Demo data"), None),
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
    "name": (_l("Name"), None),
}
INSTITUTE = {
    "code": (_l("Institute code"), _l("INSTCODE: FAO WIEWS code, e.g. CHN385")),
    "name_zh": (_l("Chinese name"), None), "name_en": (_l("English name"), None),
    "address": (_l("Address"), None), "name": (_l("Name"), None),
}
# Descriptors are not MCPD: only the dates have a hint (their format).
DESCRIPTOR = {
    "code": (_l("Code"), None), "name": (_l("Name"), None), "name_zh": (_l("Chinese name"), None),
    "name_en": (_l("English name"), None), "group": (_l("Group"), None),
    "data_type": (_l("Data type"), None), "unit": (_l("Unit"), None),
    "version": (_l("Version"), None), "active": (_l("Active"), None),
    "definition_zh": (_l("Definition (Chinese)"), None),
    "definition_en": (_l("Definition (English)"), None),
    "method_zh": (_l("Method (Chinese)"), None), "method_en": (_l("Method (English)"), None),
    "min_value": (_l("Minimum"), None), "max_value": (_l("Maximum"), None),
    "min_date": (_l("Earliest date"), "MM-DD"), "max_date": (_l("Latest date"), "MM-DD"),
    "decimals": (_l("Decimals"), None), "better": (_l("Better values"), None),
    "trait_class": (_l("Trait class"), None), "trait_name": (_l("Trait name"), None),
    "method_name": (_l("Method name"), None), "scale_name": (_l("Scale name"), None),
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
    "instcode": (_l("Institute"), _l("INSTCODE, e.g. CHN385: a partner sees this institute's "
                                     "restricted accessions and exact collecting sites")),
}


# Stored vocabulary shown as words of the page's language (the stored value stays).
GROUPS = {"phenology": _l("Botanical and phenological"), "fruit": _l("Fruit and agronomic"),
          "quality": _l("Quality"), "resistance": _l("Stress resistance")}
BETTER = {"higher": _l("higher is better"), "lower": _l("lower is better")}
SCRIPTS = {"zh": _l("Chinese characters"), "zh-Latn": _l("pinyin"), "und": _l("undetermined")}
STATUSES = {"recorded": _l("recorded"), "verified": _l("verified")}


def words(table: dict):
    """A column formatter: the stored value's word in the page's language."""
    def format_value(view, context, model, name):
        value = getattr(model, name)
        return str(table.get(value, value if value is not None else ""))
    return format_value


def choices(table: dict) -> list[tuple[str, LazyString]]:
    """(stored value, word) pairs for select boxes; the word is read per request."""
    return list(table.items())


def yes_no(view, value, name=None) -> str:
    """Booleans on detail pages as words, not Python's True and False."""
    return str(_l("yes") if value else _l("no"))


ROLES = {"researcher": _l("researcher"), "partner": _l("partner"), "staff": _l("staff"),
         "curator": _l("curator"), "admin": _l("administrator")}


def in_language(view, context, model, name) -> str:
    """A `name` column: the record's name_zh on Chinese pages, name_en on English ones (the
    form has both; a list of English names is no list for a Chinese reader)."""
    chinese = str(get_locale() or "zh").startswith("zh")
    first, second = (model.name_zh, model.name_en) if chinese else (model.name_en, model.name_zh)
    return first or second or ""


def yes_no_icon(view, value, name=None) -> Markup:
    """flask-admin's tick or dash, titled yes or no in the page's language."""
    icon = "fa-check-circle" if value else "fa-minus-circle"
    return Markup('<span class="fa {}" title="{}"></span>').format(icon, yes_no(view, value))

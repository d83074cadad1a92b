"""Turn an accession into labelled, localised rows for pages and exports."""
from germplasm.accessions.labels import field_label
from germplasm.accessions.models import Accession
from germplasm.accessions.words import institute_text, remarks_text
from germplasm.extensions import db
from germplasm.reference.models import CodeListEntry, Country

PASSPORT_ORDER = (
    "ACCENUMB", "INSTCODE", "TAXON", "CROPNAME", "SAMPSTAT", "ORIGCTY", "COLLSITE",
    "DECLATITUDE", "DECLONGITUDE", "ELEVATION", "COORDUNCERT", "COORDDATUM", "GEOREFMETH",
    "COLLDATE", "COLLNUMB", "COLLCODE", "COLLNAME", "COLLMISSID", "COLLSRC", "BREDCODE",
    "BREDNAME", "ANCEST", "ACQDATE", "DONORCODE", "DONORNAME", "DONORNUMB", "OTHERNUMB",
    "STORAGE", "DUPLSITE", "DUPLINSTNAME", "MLSSTAT", "PUID", "DOI", "REMARKS",
)
CODED = {"SAMPSTAT", "COLLSRC", "MLSSTAT"}
INSTITUTE_CODES = ("INSTCODE", "COLLCODE", "BREDCODE", "DONORCODE", "DUPLSITE")
SINGLE_CODES = ("INSTCODE", "DONORCODE")  # the others may hold several codes


def is_wild(accession: Accession) -> bool:
    return is_wild_status(accession.sampstat)


def is_wild_status(sampstat: int | None) -> bool:
    return sampstat is not None and 100 <= sampstat < 200


def coordinates(accession: Accession, exact: bool) -> tuple[float | None, float | None]:
    return shown_position(accession.declatitude, accession.declongitude, accession.sampstat, exact)


def shown_position(lat, lon, sampstat, exact: bool) -> tuple[float | None, float | None]:
    """Wild collecting sites are shown to the public rounded to 0.1° to protect populations."""
    if exact or not is_wild_status(sampstat) or lat is None or lon is None:
        return lat, lon
    return round(lat, 1), round(lon, 1)


def passport(accession: Accession, locale: str, exact: bool) -> list[tuple[str, str]]:
    lat, lon = coordinates(accession, exact)
    rows = []
    for field in PASSPORT_ORDER:
        value = _value(accession, field, locale, lat, lon)
        if value not in (None, ""):
            rows.append((field_label(field, locale), value))
    return rows


def _value(accession, field, locale, lat, lon):
    if field == "TAXON":
        return accession.taxon.scientific_name
    if field == "DECLATITUDE":
        return lat
    if field == "DECLONGITUDE":
        return lon
    if field == "ORIGCTY" and accession.origcty:
        country = db.session.get(Country, accession.origcty)
        return f"{country.label(locale)} ({accession.origcty})"
    if field == "STORAGE":
        return "；".join(_code_label("STORAGE", c, locale) for c in accession.multi("STORAGE"))
    if field in CODED:
        code = getattr(accession, field.lower())
        return None if code is None else _code_label(field, code, locale)
    if field in INSTITUTE_CODES or field in ("OTHERNUMB", "REMARKS"):
        return _words(accession, field, locale)
    if field in ("ACQDATE", "COLLDATE"):
        return format_mcpd_date(getattr(accession, field.lower()))
    value = getattr(accession, field.lower())
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _words(accession: Accession, field: str, locale: str) -> str | None:
    """Institutes by name (code as hint), REMARKS with its MCPD prefixes as labels."""
    if field == "REMARKS":
        return remarks_text(accession.remarks, locale) if accession.remarks else None
    if field == "OTHERNUMB":
        return "; ".join(accession.multi(field))
    single = getattr(accession, field.lower(), None) if field in SINGLE_CODES else None
    codes = [single] if single else accession.multi(field)
    return "; ".join(institute_text(code, locale) for code in codes)


def _code_label(list_name: str, code, locale: str) -> str:
    entry = db.session.scalars(db.select(CodeListEntry).filter_by(
        list_name=list_name, code=str(code))).first()
    return f"{entry.label(locale)} ({code})" if entry else str(code)


def format_mcpd_date(value: str | None) -> str | None:
    """`2019----` -> 2019, `201905--` -> 2019-05, `20190512` -> 2019-05-12."""
    if not value:
        return value
    parts = [value[:4], value[4:6], value[6:8]]
    known = [p for p in parts if p not in ("--", "00")]
    return "-".join(known)

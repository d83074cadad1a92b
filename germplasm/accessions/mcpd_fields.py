"""The MCPD v2.1 columns, in the standard's order, and how each is stored."""
import json
from importlib import resources

MCPD_COLUMNS = (
    "PUID", "INSTCODE", "ACCENUMB", "COLLNUMB", "COLLCODE", "COLLNAME", "COLLINSTADDRESS",
    "COLLMISSID", "GENUS", "SPECIES", "SPAUTHOR", "SUBTAXA", "SUBTAUTHOR", "CROPNAME",
    "ACCENAME", "ACQDATE", "ORIGCTY", "COLLSITE", "DECLATITUDE", "LATITUDE", "DECLONGITUDE",
    "LONGITUDE", "COORDUNCERT", "COORDDATUM", "GEOREFMETH", "ELEVATION", "COLLDATE",
    "BREDCODE", "BREDNAME", "SAMPSTAT", "ANCEST", "COLLSRC", "DONORCODE", "DONORNAME",
    "DONORNUMB", "OTHERNUMB", "DUPLSITE", "DUPLINSTNAME", "STORAGE", "MLSSTAT", "REMARKS",
)
# Extensions used by GRIN-Global and Genesys, exported after the core columns.
EXTENSION_COLUMNS = ("DOI", "HISTORIC", "RESTRICTED")
ALL_COLUMNS = MCPD_COLUMNS + EXTENSION_COLUMNS

# Fields that hold several values separated by ";"; stored one row per value.
MULTI_VALUED = ("COLLCODE", "BREDCODE", "OTHERNUMB", "DUPLSITE", "STORAGE")
TAXON_FIELDS = ("GENUS", "SPECIES", "SPAUTHOR", "SUBTAXA", "SUBTAUTHOR")
CODED_FIELDS = ("SAMPSTAT", "COLLSRC", "MLSSTAT")
DATE_FIELDS = ("ACQDATE", "COLLDATE")
FLAG_FIELDS = ("HISTORIC", "RESTRICTED")

# Plain columns on the accession row: everything else is taxon, names, codes or flags.
SCALAR_FIELDS = tuple(
    c for c in ALL_COLUMNS
    if c not in MULTI_VALUED + TAXON_FIELDS + FLAG_FIELDS + ("INSTCODE", "ACCENUMB", "ACCENAME")
)


def code_lists() -> dict[str, list[tuple[str, str, str]]]:
    """{list name: [(code, English label, Chinese label)]} as shipped with the package."""
    text = resources.files("germplasm.data").joinpath("mcpd_codes.json").read_text("utf-8")
    return {name: [tuple(entry) for entry in entries] for name, entries in json.loads(text).items()}


def valid_codes(list_name: str) -> frozenset[str]:
    return frozenset(code for code, _en, _zh in code_lists()[list_name])

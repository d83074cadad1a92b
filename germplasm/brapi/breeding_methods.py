"""BrAPI breeding methods: a small fixed vocabulary for clonally propagated plum, and which
one an accession's own record says it came from.

The rule (germplasm records' breedingMethodDbId), first match wins; nothing when our data
does not say:
1. ANCEST names a bud sport (sport, 芽变) -> bud-sport (a clonal selection of a tree).
2. ANCEST marks open pollination (o.p., open-pollinated, seedling, 实生, 自然杂交), or names a
   single parent (the seed parent of a seedling, as the pedigree call reads it)
   -> open-pollination.
3. ANCEST names two or more parents ("A/B", "A × B", "(A/B)//C") -> cross.
4. MCPD SAMPSTAT 100-199 (wild) -> wild-collection.
5. SAMPSTAT 300 (traditional cultivar / landrace) -> landrace.
6. A country of origin other than the holding institute's (INSTCODE starts with its ISO 3166
   code) -> introduction.
"""
import re

from flask_babel import lazy_gettext as _l

from germplasm.accessions.models import Accession
from germplasm.accessions.pedigree import parse_ancest

METHODS = {  # id: (abbreviation, name, description)
    "cross": ("CR", _l("Controlled cross"),
              _l("A seedling of a cross between two chosen parents.")),
    "open-pollination": ("OP", _l("Open pollination, seedling selection"),
                         _l("A seedling of a known seed parent, its pollen parent unknown, "
                            "selected among its sibs.")),
    "bud-sport": ("BS", _l("Bud sport, clonal selection"),
                  _l("A branch or tree that differs from the cultivar it grew on, "
                     "propagated by grafting.")),
    "landrace": ("LR", _l("Landrace selection"),
                 _l("A traditional cultivar selected and kept by farmers in its region.")),
    "introduction": ("IN", _l("Introduction"),
                     _l("A cultivar or selection brought in from another country.")),
    "wild-collection": ("WC", _l("Wild collection"),
                        _l("Collected from a wild population.")),
}
SPORT = re.compile(r"sport|芽变", re.IGNORECASE)
OPEN = re.compile(r"\bo\.?p\.?(?![a-z])|open[- ]pollinated|seedling|实生|自然杂交", re.IGNORECASE)


def record(method_id: str) -> dict:
    abbreviation, name, description = METHODS[method_id]
    return {"breedingMethodDbId": method_id, "breedingMethodName": str(name),
            "abbreviation": abbreviation, "description": str(description)}


def records() -> list[dict]:
    return [record(method_id) for method_id in METHODS]


def method_of(accession: Accession) -> str | None:
    ancest = (accession.ancest or "").strip()
    if ancest:
        if SPORT.search(ancest):
            return "bud-sport"
        parents = parse_ancest(ancest)
        if OPEN.search(ancest) or len(parents) == 1:
            return "open-pollination"
        if len(parents) >= 2:
            return "cross"
    status = accession.sampstat
    if status is not None and 100 <= status < 200:
        return "wild-collection"
    if status == 300:
        return "landrace"
    if accession.origcty and accession.instcode and \
            accession.origcty.upper() != accession.instcode[:3].upper():
        return "introduction"
    return None


def method_names() -> dict[str, str]:
    """{method id: its name in the caller's language}: once for a page of records (each
    translation looked up anew cost a tenth of a page of 1,000 germplasm records)."""
    return {method_id: str(name) for method_id, (_, name, _) in METHODS.items()}


def germplasm_fields(accession: Accession, names: dict[str, str] | None = None) -> dict:
    """breedingMethodDbId and breedingMethodName of a germplasm record (null when unknown);
    `names`: method_names() of the page."""
    method_id = method_of(accession)
    return {"breedingMethodDbId": method_id,
            "breedingMethodName": (names or method_names())[method_id] if method_id else None}

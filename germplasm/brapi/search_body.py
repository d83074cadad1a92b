"""A BrAPI GermplasmSearchRequest body checked and turned into germplasm filters: each field
we can answer maps to a filter of germplasm.brapi.filters (fields AND-ed, the values of one
field OR-ed); a field the spec has but our data cannot answer (studies, trials, families,
external references) is refused when it holds values, rather than ignored: a search that
silently drops a condition answers more than was asked."""
from flask import abort
from flask_babel import gettext as _

from germplasm.brapi.envelope import MAX_PAGE

FIELDS = {  # body field -> filter
    "germplasmDbIds": "germplasmDbId", "germplasmNames": "germplasmName",
    "accessionNumbers": "accessionNumber", "germplasmPUIs": "germplasmPUI",
    "genus": "genus", "species": "species", "binomialNames": "species",
    "synonyms": "synonym", "commonCropNames": "commonCropName",
    "instituteCodes": "instituteCode", "programDbIds": "instituteCode",  # programs: institutes
}
UNANSWERED = ("collections", "familyCodes", "parentDbIds", "progenyDbIds", "programNames",
              "studyDbIds", "studyNames", "trialDbIds", "trialNames", "externalReferenceIDs",
              "externalReferenceIds", "externalReferenceSources")
MAX_VALUES = 10_000  # per field


def checked(body) -> dict:
    """The body as stored: the answerable fields with their values, page and pageSize."""
    if not isinstance(body, dict):
        abort(400, _("The body must be a JSON object (a germplasm search request)."))
    kept = {}
    for name, value in body.items():
        if name in ("page", "pageSize"):
            kept[name] = _whole(name, value)
        elif name in FIELDS:
            kept[name] = _texts(name, value)
        elif name in UNANSWERED:
            if value not in (None, []):
                abort(400, _("%(name)s: this server cannot search germplasm by it", name=name))
        else:
            abort(400, _("%(name)s: not a field of a germplasm search request", name=name[:60]))
    return kept


def conditions(body: dict) -> list[tuple[str, list[str]]]:
    """(filter, values) of a stored body, one per field that holds values."""
    return [(FIELDS[name], values) for name, values in body.items()
            if name in FIELDS and values]


def _texts(name: str, value) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_VALUES or \
            not all(isinstance(v, str) for v in value):
        abort(400, _("%(name)s must be a list of texts (at most %(n)s)", name=name,
                     n=MAX_VALUES))
    return [v.strip() for v in value if v.strip()]


def _whole(name: str, value) -> int:
    low = 0 if name == "page" else 1
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= MAX_PAGE:
        abort(400, _("%(name)s must be a whole number of at least %(low)s", name=name,
                     low=low))
    return value

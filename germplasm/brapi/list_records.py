"""Saved selections as BrAPI lists: which ones a caller is shown (their own, and those staff
published), the spec's filters, and each as a record whose size and data count only the
accessions the caller may see (a published list never shows the public a restricted one)."""
from flask import abort, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from germplasm.db import row_id
from germplasm.selections import saved, services
from germplasm.selections.models import Selection

GERMPLASM = "germplasm"
LIST_TYPES = ("germplasm", "markers", "variants", "programs", "trials", "studies",
              "observationUnits", "observations", "observationVariables", "samples")
GENEBANK, PERSONAL = "genebank", "personal"  # listSource: published or not


def caller():
    """The signed-in user (a session or a bearer token), or None."""
    return current_user if current_user.is_authenticated else None


def shown():
    """select(Selection) of the lists the caller is shown, with the request's filters."""
    query = saved.shown_to(caller())
    kind = request.args.get("listType", "").strip()
    if kind and kind not in LIST_TYPES:
        abort(400, _("listType must be one of %(types)s", types=", ".join(LIST_TYPES)))
    if kind and kind != GERMPLASM:  # every list here is a list of accessions
        query = query.where(Selection.id.is_(None))
    for name, condition in FILTERS.items():
        value = request.args.get(name, "").strip()
        if value:
            query = query.where(condition(value))
    return query


def list_id(text: str) -> int:
    """A listDbId as a number; -1 (no list) for anything else."""
    number = row_id(text)
    return -1 if number is None else number


def _source(value: str):
    published = value == GENEBANK
    return Selection.published.is_(published) if value in (GENEBANK, PERSONAL) \
        else Selection.id.is_(None)


FILTERS = {
    "listDbId": lambda value: Selection.id == list_id(value),
    "listName": lambda value: Selection.name == value,
    "listOwnerPersonDbId": lambda value: Selection.owner_id == list_id(value),
    "listSource": _source,
}


def summary(selection: Selection, size: int | None = None) -> dict:
    owner = selection.owner
    return {
        "listDbId": str(selection.id), "listName": selection.name, "listType": GERMPLASM,
        "listDescription": None,
        "listSize": services.count(selection) if size is None else size,
        "listSource": GENEBANK if selection.published else PERSONAL,
        "listOwnerName": owner.display_name if owner else _("Genebank"),  # no user names
        "listOwnerPersonDbId": str(owner.id) if owner else None,
        "dateCreated": selection.created_at, "dateModified": selection.updated_at,
        "additionalInfo": {"published": "true" if selection.published else "false",
                           "webPage": url_for("selections.show", token=selection.token,
                                              _external=True)},
    }


def details(selection: Selection) -> dict:
    ids = services.visible_ids(selection)
    return summary(selection, len(ids)) | {"data": [str(i) for i in ids]}

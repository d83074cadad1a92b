"""What the request pages share: running a service call as the one write of a page (commit
once, or roll back and put the refusal next to the field it names), and the words shown for
the services' refusals."""
import re

from flask import request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from germplasm.extensions import db
from germplasm.requests.problems import RequestProblem
from search.sync import commit

# The services' field names as the forms' fields.
FORM_FIELDS = {
    "recipient.name": "name", "recipient.institution": "institution",
    "recipient.kind": "kind", "recipient.address": "address", "recipient.country": "country",
    "recipient.email": "email", "recipient.province": "province",
    "mta_version": "mta_accepted",
}
# Refusals whose reason is always the same, in the page's language.
WORDS = {
    "mta_accepted": _l("Accept the material transfer agreement to submit the request."),
    "mta_version": _l("The agreement has changed meanwhile: read the version shown and "
                      "accept it."),
    "recipient.country": _l("A three-letter ISO 3166 code such as CHN."),
    "recipient.email": _l("This is not an e-mail address."),
    "use_note": _l("Say what the material is for when the use is “other”."),
    "phyto_certificate": _l("Material for this country needs a phytosanitary certificate "
                            "number before it is shipped."),
}
# Refusals whose words depend on the case: by the service's code, with its params.
CODED = {
    "forbidden_move": _l("A request that is “%(state)s” cannot become “%(target)s”; reload the "
                         "page to see what it may become now."),
    "by_shipment": _l("A request becomes “%(target)s” by recording its shipment."),
    "by_receipt": _l("A request becomes “%(target)s” when its receipt is confirmed."),
    "not_allocating": _l("A request that is “%(state)s” cannot be allocated; allocate while it "
                         "is in review or approved."),
    "not_enough": _l("Lot %(lot)s has not enough available for that (on hand less reserved "
                     "and the quantity kept back)."),
    "not_distributable": _l("Lot %(lot)s is not distributable."),
    "expired": _l("Lot %(lot)s expired on %(day)s."),
    "infected": _l("Lot %(lot)s failed its health test."),
    "out_of_season": _l("Lot %(lot)s is distributed only from %(start)s to %(end)s."),
    "more_than_needed": _l("This item still needs %(needed)s %(unit)s, not more."),
    "bad_quantity": _l("A quantity above nothing, in whole %(unit)s."),
    "not_shipping": _l("A request that is “%(state)s” cannot be shipped; it must be being "
                       "prepared first."),
    "nothing_reserved": _l("Nothing is reserved to ship: allocate lots first."),
    "no_report_yet": _l("A request that is “%(state)s” takes no usage report yet: confirm its "
                        "receipt first."),
    "usage": _l("Say what was done with the material."),
}
ITEM = re.compile(r"^items\[(\d+)\]")


def attempt(action, form=None, fields: dict | None = None):
    """(result, None) after committing, or (None, problem) after rolling back; the problem's
    message is added to `form`'s field it names (or to form.form_errors)."""
    try:
        result = action()
    except RequestProblem as problem:
        db.session.rollback()
        if form is not None:
            attach(form, problem, fields or {})
        return None, problem
    commit()
    return result, None


def attach(form, problem: RequestProblem, fields: dict) -> None:
    name = (fields | FORM_FIELDS).get(problem.field, problem.field)
    message = explain(problem)
    field = getattr(form, name, None) if name else None
    if field is not None and hasattr(field, "errors"):
        field.errors = [*field.errors, message]
    else:
        form.form_errors.append(message)


def explain(problem: RequestProblem) -> str:
    if problem.code in CODED:
        return str(CODED[problem.code]) % _words(problem.params)
    if problem.field in WORDS:
        return str(WORDS[problem.field])
    if str(problem) == "required":
        return _("Required.")
    if problem.status == 403:
        return _("Only curators may do this.")
    return str(problem)


def _words(params: dict) -> dict:
    """States and units in the page's language."""
    from germplasm.inventory.words import unit_label
    from germplasm.requests.words import state_label

    named = {"state": state_label, "target": state_label, "unit": unit_label}
    return {key: named[key](value) if key in named else value
            for key, value in params.items()}


def item_index(problem: RequestProblem) -> int | None:
    """items[2].quantity -> 2: which line of the cart a submission's refusal is about."""
    found = ITEM.match(problem.field or "")
    return int(found.group(1)) if found else None


def safe_next(default: str) -> str:
    """Only a path on this site: an open redirect would let a link send users elsewhere."""
    target = request.form.get("next") or request.args.get("next") or ""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default

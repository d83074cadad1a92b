"""Institutes created, edited and deleted outside an import (the admin): validated, audited,
and with the search documents of the institute's accessions rebuilt when its names change
(a search for the institute's name finds the accessions it holds)."""
from flask_babel import gettext as _
from sqlalchemy import func

from germplasm.accessions.models import Accession, Institute
from germplasm.accessions.reference_checks import ReferenceProblem, changed, cleaned, text_errors
from germplasm.audit import services as audit
from germplasm.extensions import db
from schemas.mcpd_fields import WIEWS_CODE
from search.state import mark_changed

FIELDS = ("code", "name_zh", "name_en", "address")
SEARCHED = ("name_zh", "name_en")


def create_institute(values: dict, user: str, source: str = "admin") -> Institute:
    values = _upper_code(cleaned(values, FIELDS, ()))
    institute = Institute()
    check(institute, {"code": None} | values)
    for field, value in values.items():
        setattr(institute, field, value)
    db.session.add(institute)
    db.session.flush()
    audit.record(user, "institute", institute.id, "create", new=institute.code, source=source)
    return institute


def update_institute(institute: Institute, values: dict, user: str,
                     source: str = "admin") -> dict:
    """Apply `values` (a subset of FIELDS); returns {field: (old, new)}. The code of an
    institute holding accessions stays: they refer to it by its code."""
    values = _upper_code(cleaned(values, FIELDS, ()))
    check(institute, values)
    changes = changed(institute, values)
    if "code" in changes and holdings(institute):
        raise ReferenceProblem({"code": [_(
            "%(code)s holds %(n)s accessions; its code cannot change",
            code=institute.code, n=holdings(institute))]})
    for field, (old, new) in changes.items():
        setattr(institute, field, new)
        audit.record(user, "institute", institute.id, "update", field=field, old=old, new=new,
                     source=source)
    db.session.flush()
    if set(changes) & set(SEARCHED):
        mark_changed(db.session.scalars(db.select(Accession.id).where(
            Accession.instcode == institute.code)))
    return changes


def delete_institute(institute: Institute, user: str, source: str = "admin") -> None:
    """Refused while the institute holds accessions."""
    held = holdings(institute)
    if held:
        raise ReferenceProblem({"": [_(
            "%(code)s holds %(n)s accessions; it cannot be deleted while it holds any",
            code=institute.code, n=held)]})
    audit.record(user, "institute", institute.id, "delete", old=institute.code, source=source)
    db.session.delete(institute)
    db.session.flush()


def holdings(institute: Institute) -> int:
    if institute.code is None:
        return 0
    return db.session.scalar(db.select(func.count()).where(
        Accession.instcode == institute.code))


def check(institute: Institute, values: dict) -> None:
    errors = text_errors(Institute, values)
    if "code" in values:
        code = values["code"]
        if not code:
            errors["code"] = [_("an institute needs its FAO WIEWS code")]
        elif not WIEWS_CODE.match(code):
            errors["code"] = [_("%(code)s is not a FAO WIEWS code: three capital letters of "
                                "the country and 3 or 4 digits, e.g. CHN385", code=code)]
        elif _taken(institute, code):
            errors["code"] = [_("the institute %(code)s already exists", code=code)]
    if errors:
        raise ReferenceProblem(errors)


def _taken(institute: Institute, code: str) -> bool:
    query = db.select(Institute.id).where(Institute.code == code)
    if institute.id is not None:
        query = query.where(Institute.id != institute.id)
    return db.session.scalar(query) is not None


def _upper_code(values: dict) -> dict:
    # chn385 is what a hurried curator types for CHN385; WIEWS codes are upper case.
    if values.get("code"):
        values["code"] = values["code"].upper()
    return values

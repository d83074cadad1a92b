"""The records behind the Core calls: programs (the holding institutes' collections), locations
(the field genebank, its blocks and the evaluation sites), seasons (years) and people (the
genebank's staff). Each list is built from what the caller may see of the catalogue."""
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import distinct, func, select

from germplasm.accessions.models import Accession, Institute
from germplasm.accounts.models import User
from germplasm.accounts.permissions import is_staff
from germplasm.evaluations.models import Campaign
from germplasm.extensions import db
from germplasm.inventory.models import LotTransaction, Plant
from germplasm.sharing.access import accession_scope

NURSERY = "nursery"
STAFF_ROLES = ("staff", "curator", "admin")


def _visible(query):
    scope = accession_scope()
    return query if scope is None else query.where(scope)


def crop_names() -> list[str]:
    query = _visible(select(distinct(Accession.cropname)).where(Accession.cropname.is_not(None)))
    return sorted(db.session.scalars(query))


def institute_names(codes) -> dict[str, str | None]:
    """{INSTCODE: its name in the caller's language (the other one when that is missing)}."""
    chinese = str(get_locale() or "zh").startswith("zh")
    rows = db.session.scalars(select(Institute).where(Institute.code.in_(sorted(set(codes)))))
    return {i.code: (i.name_zh or i.name_en) if chinese else (i.name_en or i.name_zh)
            for i in rows}


def programs() -> list[dict]:
    """One program per holding institute: its conservation collection of the crop."""
    query = _visible(select(Accession.instcode, func.min(Accession.cropname))
                     .group_by(Accession.instcode).order_by(Accession.instcode))
    rows = db.session.execute(query).all()
    names = institute_names(code for code, _crop in rows)
    return [{"programDbId": code, "programName": names.get(code) or code, "abbreviation": code,
             "commonCropName": crop,
             "objective": _("Conservation and distribution of the genetic resources held by %("
                            "code)s", code=code)} for code, crop in rows]


def locations() -> list[dict]:
    """The field genebank, each block with visible trees in it, each evaluation site."""
    nursery = {"locationDbId": NURSERY, "locationName": _("Field genebank"),
               "locationType": "Field genebank"}
    blocks = db.session.scalars(_visible(select(distinct(Plant.block)).join(
        Accession, Accession.id == Plant.accession_id)).order_by(Plant.block))
    sites = db.session.scalars(select(distinct(Campaign.site)).where(
        Campaign.site.is_not(None)).order_by(Campaign.site))
    return [nursery] + [
        {"locationDbId": f"block:{block}", "locationName": _("Block %(name)s", name=block),
         "locationType": "Block", "parentLocationDbId": NURSERY,
         "parentLocationName": nursery["locationName"]} for block in blocks] + [
        {"locationDbId": f"site:{site}", "locationName": site,
         "locationType": "Evaluation site"} for site in sites]


def seasons() -> list[dict]:
    """Every year with an evaluation campaign or a movement of a lot."""
    years = set(db.session.scalars(select(distinct(Campaign.year))))
    ledger = select(distinct(func.extract("year", LotTransaction.at)))
    years |= {int(year) for year in db.session.scalars(ledger) if year is not None}
    return [{"seasonDbId": str(year), "seasonName": str(year), "year": year}
            for year in sorted(years)]


def people() -> list[dict]:
    """The genebank's staff, who curate the records and sign the ledger: names for everyone,
    user names and roles only for staff."""
    users = db.session.scalars(select(User).where(User.active.is_(True),
                                                  User.role.in_(STAFF_ROLES)).order_by(User.id))
    inside = is_staff()
    return [{"personDbId": str(user.id), "firstName": user.display_name or _("Genebank staff"),
             "userID": user.username if inside else None,
             "description": user.role if inside else None} for user in users]


def find(records: list[dict], key: str, value: str) -> dict | None:
    return next((record for record in records if record[key] == value), None)

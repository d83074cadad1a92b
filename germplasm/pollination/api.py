"""GET /api/v1/compatibility, /api/v1/pollinizers and /api/v1/s-genotypes: cross-compatibility,
pollinizer advice and the S-genotypes themselves; restricted accessions only for callers who
may see them (404 alike otherwise)."""
from flask_babel import gettext as _
from flask_smorest import abort

from germplasm.accessions.models import Accession
from germplasm.inventory.queries import page
from germplasm.pollination import services
from germplasm.pollination.advice import pollinizers as advise
from germplasm.pollination.models import SGenotype
from germplasm.sharing.access import accession_scope
from germplasm.sharing.openapi import ApiBlueprint
from germplasm.sharing.paging import LINK_HEADERS, paged
from schemas.pollination import (
    CompatibilityQuery,
    CompatibilitySchema,
    PollinizerPageSchema,
    PollinizerQuery,
    SGenotypePage,
    SGenotypeQuery,
)

bp = ApiBlueprint("api_pollination", __name__, url_prefix="/api/v1",
                  description="S 等位基因与授粉树建议 / S-alleles and pollinizer advice")


@bp.get("/compatibility")
@bp.arguments(CompatibilityQuery, location="query")
@bp.response(200, CompatibilitySchema)
@bp.alt_response(404, response="NOT_FOUND")
def compatibility(args):
    """两个品种的授粉亲和性 / Cross-compatibility of two cultivars

    以 `male` 的花粉给 `female` 授粉：按配子体自交不亲和（S-RNase）判定。

    Pollen of `male` on `female`, under gametophytic self-incompatibility (S-RNase)."""
    scope = accession_scope()
    female, male = visible(args["female"], scope), visible(args["male"], scope)
    verdict = services.compatibility(female, male)
    return {"female": female.accenumb, "male": male.accenumb,
            "compatibility": verdict.compatibility, "reason": verdict.reason}


@bp.get("/pollinizers")
@bp.arguments(PollinizerQuery, location="query")
@bp.response(200, PollinizerPageSchema)
@bp.alt_response(404, response="NOT_FOUND")
def pollinizers(args):
    """授粉树建议 / Pollinizer advice

    与 `for` 亲和（其次半亲和）的品种，按同期开花天数（评价数据中的初花期与盛花期，
    多年平均）排序，`years` 为所依据的年数。

    Cultivars compatible (then half compatible) with `for`, ranked by the days they bloom
    together (first and full bloom dates of the evaluations, averaged over the years), with
    the number of years behind each figure."""
    scope = accession_scope()
    female = visible(args["for_"], scope)
    found = advise(female, services.genotype_of(female), scope, args.get("top"))
    return {"for_": female.accenumb, "items": found}


@bp.get("/s-genotypes")
@bp.arguments(SGenotypeQuery, location="query")
@bp.response(200, SGenotypePage, headers=LINK_HEADERS)
def s_genotypes(args):
    """S 基因型 / S-genotypes

    各种质的 S 基因型、不亲和群与自交亲和性，按种质库编号排列；可按编号或不亲和群筛选。

    Each accession's S-genotype, incompatibility group and self-compatibility, by accession
    number; filter by accession number or group."""
    query = services.visible_query(accession_scope())
    if args.get("accenumb"):
        query = query.where(Accession.accenumb == args["accenumb"])
    if args.get("group"):
        query = query.where(SGenotype.group == args["group"])
    total, rows = page(query, (Accession.accenumb,), args["page"], args["per_page"])
    return paged(rows, total, args["page"], args["per_page"])


def visible(key: str, scope):
    found = services.find_accession(key, scope)
    if not found:
        abort(404, message=_("There is no accession %(key)s.", key=key))
    if len(found) > 1:
        abort(400, message=_("%(key)s names several accessions: give the accession number.",
                             key=key))
    return found[0]

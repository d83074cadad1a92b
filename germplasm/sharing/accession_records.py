"""The whole record of one accession for the API, built from the functions the accession
page and the MCPD export use (visibility, rounding, pedigree, traits, photos), so the three
doors cannot disagree about what a caller may see."""
from germplasm.accessions import queries
from germplasm.accessions.photos import photos_of
from germplasm.accessions.visibility import Scope, exact_sites
from germplasm.db import is_row_id
from germplasm.evaluations.queries import trait_table
from loaders.mcpd_export import mcpd_row


def accession_record(accession_id: int, can_see_restricted: Scope) -> dict | None:
    """What AccessionDetailSchema dumps, or None when there is no such accession or the
    caller may not see it (the API answers both with the same 404)."""
    if not is_row_id(accession_id):
        return None
    accession = queries.find_by_id(accession_id, can_see_restricted)
    if accession is None:
        return None
    # staff, and a partner for their institute's, see wild collecting sites as recorded
    exact = exact_sites(accession.instcode, can_see_restricted)
    pedigree = queries.pedigree(accession, can_see_restricted)
    return {
        "id": accession.id, "instcode": accession.instcode, "accenumb": accession.accenumb,
        "mcpd": mcpd_row(accession, public=not exact),
        "names": accession.names,
        "parents": pedigree["parents"], "progeny": pedigree["progeny"],
        "historic": accession.historic, "restricted": accession.restricted,
        "traits": traits(accession.id),
        "photos": photos_of(accession.id),
        "updated_at": accession.updated_at,
    }


def traits(accession_id: int) -> list[dict]:
    """The accession page's trait table, each year's summary in year order."""
    return [{"descriptor": row["descriptor"], "overall": row["overall"],
             "years": [row["years"][year] for year in sorted(row["years"])]}
            for row in trait_table(accession_id)]

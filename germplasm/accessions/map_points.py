"""The collecting sites of a search result, as the public or staff may see them."""
from germplasm.accessions.models import Accession, AccessionName
from germplasm.accessions.presenters import is_wild_status, shown_position
from germplasm.accessions.visibility import Scope, exact_sites
from germplasm.extensions import db

MAX_POINTS = 60_000
CHUNK = 1000


def collecting_sites(accession_ids: list[int], scope: Scope) -> list[dict]:
    """`{accenumb, name, lat, lon, rounded}` for each accession with both coordinates, in the
    order given; wild material is rounded to 0.1° unless the visibility scope shows its
    site exactly (staff; a partner for their institute's accessions)."""
    rows = {}
    for start in range(0, len(accession_ids), CHUNK):
        rows.update(_rows(accession_ids[start:start + CHUNK]))
    names = _first_names(list(rows))
    return [_point(rows[i], names.get(i), exact_sites(rows[i].instcode, scope))
            for i in accession_ids if i in rows]


def _rows(ids: list[int]) -> dict:
    query = db.select(Accession.id, Accession.accenumb, Accession.declatitude,
                      Accession.declongitude, Accession.sampstat, Accession.instcode).where(
        Accession.id.in_(ids), Accession.declatitude.is_not(None),
        Accession.declongitude.is_not(None))
    return {row.id: row for row in db.session.execute(query)}


def _first_names(ids: list[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for start in range(0, len(ids), CHUNK):
        query = db.select(AccessionName.accession_id, AccessionName.name).where(
            AccessionName.accession_id.in_(ids[start:start + CHUNK])).order_by(
            AccessionName.accession_id, AccessionName.position)
        for accession_id, name in db.session.execute(query):
            names.setdefault(accession_id, name)
    return names


def _point(row, name: str | None, exact: bool) -> dict:
    lat, lon = shown_position(row.declatitude, row.declongitude, row.sampstat, exact)
    return {"accenumb": row.accenumb, "name": name or row.accenumb, "lat": lat, "lon": lon,
            "rounded": not exact and is_wild_status(row.sampstat)}

"""A 500 × 64 campaign's progress pages stay small and quick: counts per accession and per
descriptor, and the grid only for a page of 50 accessions."""
import re
import time

from germplasm.accessions.services import upsert_rows
from germplasm.bulk_insert import insert_rows
from germplasm.evaluations import campaign_setup
from germplasm.evaluations.models import Descriptor, Observation
from germplasm.extensions import db
from schemas.accession import McpdRowSchema
from tests.evaluations.test_campaign_pages import staff  # noqa: F401 (fixture)

LIMIT = 500_000  # bytes a progress page may weigh


def big_campaign():
    rows = [(n + 2, McpdRowSchema().load({"INSTCODE": "CHN385", "ACCENUMB": f"B{n:04d}",
                                          "GENUS": "Prunus", "SPECIES": "salicina",
                                          "ACCENAME": f"大李{n}"})) for n in range(500)]
    upsert_rows(rows, user="tests", source="fixture")
    descriptors = db.session.scalars(db.select(Descriptor).order_by(Descriptor.id)).all()
    ids = campaign_setup.accession_ids([f"B{n:04d}" for n in range(500)])
    campaign = campaign_setup.create({"name": "大任务", "year": 2026}, descriptors, ids,
                                     "tests", "fixture")
    # Setup data only: every accession has values for the first (position mod 65) descriptors.
    filled = [{"campaign_id": campaign.id, "accession_id": a, "descriptor_id": d.id,
               "descriptor_version": 1, "value_text": "x", "source": "fixture",
               "plant": "", "replicate": 1, "status": "recorded"}
              for n, a in enumerate(ids) for d in descriptors[:n % 65]]
    insert_rows(Observation.__table__, filled)
    db.session.commit()
    return campaign, len(descriptors), len(filled)


def test_a_big_campaign_renders_small_and_fast(staff):  # noqa: F811
    campaign, n_descriptors, n_filled = big_campaign()
    assert n_descriptors == 64
    staff.get("/campaigns/")  # the first request brings the search index up to date
    pages = {}
    for view in ("", "&view=grid"):
        started = time.perf_counter()
        response = staff.get(f"/campaigns/{campaign.id}/progress?lang=en&page=2{view}")
        pages[view] = (response.get_data(as_text=True), time.perf_counter() - started)
        assert response.status_code == 200 and len(response.data) < LIMIT, len(response.data)
    listing, seconds = pages[""]
    assert f"{n_filled:,}".replace(",", "") in listing.replace(",", "")
    assert "Page 2 of 5" in listing and listing.count('<span class="bar">') == 64 + 100
    assert re.search(r">B0100</a></td><td>大李100</td>\s*<td class=\"num\">35 / 64<", listing)
    grid, grid_seconds = pages["&view=grid"]
    grid = grid[grid.index('class="progress-grid"'):]
    assert "Page 2 of 10" in grid and grid.count("<tr><td>") == 50
    # accessions 50..99 have (n mod 65) values each
    assert grid.count('<td class="y">') == sum(n % 65 for n in range(50, 100))
    assert seconds < 3 and grid_seconds < 3, (seconds, grid_seconds)

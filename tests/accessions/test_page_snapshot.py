"""The accession page draws all its charts from one snapshot: each get_snapshot() asks the
database for the catalogue's version, and the charts of one page should agree."""
from germplasm.accessions import detail_context


def test_the_accession_page_reads_one_snapshot_for_its_charts(client, catalogue, monkeypatch):
    calls = []
    real = detail_context.get_snapshot
    monkeypatch.setattr(detail_context, "get_snapshot", lambda: calls.append(1) or real())
    page = client.get("/accessions/S001?lang=en").get_data(as_text=True)
    # Four charts (an ordinal trait's grade bars among them), all from one snapshot.
    assert page.count('<svg class="chart') == 4 and len(calls) == 1
    assert "of 5 accessions" in page  # the public's collection (S006 is restricted)

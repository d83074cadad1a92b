"""`germplasm demo` gives a few accessions sequences: the real matK/rbcL records where the
shared folder holds them, generated variants otherwise, so the search has something to rank."""
from germplasm.extensions import db
from germplasm.sequences.models import Sequence
from tests.sequences.conftest import needs_realdata


@needs_realdata
def test_demo_sequences_and_their_ranking(cli, client):
    result = cli("demo", "--accessions", "30", "--no-evaluations", "--seed", "3")
    assert result.exit_code == 0, result.output
    rows = db.session.scalars(db.select(Sequence)).all()
    assert len(rows) == 6 + 8
    assert len({r.accession_id for r in rows}) == 3 + 8
    real = next(r for r in rows if r.record_id == "PQ871803.1:complement(1983..3497)")
    hits = client.post("/api/v1/sequences/search", json={"sequence": real.residues,
                                                         "limit": 20}).json["hits"]
    variants = [h for h in hits if h["sequence"]["record_id"].startswith("DEMO03-")]
    assert [h["sequence"]["record_id"] for h in variants] == [
        f"DEMO03-{n:03d}.1" for n in range(1, 9)]  # n % changed: identity falls with n
    assert {h["strand"] for h in variants} == {"+", "-"}


def test_demo_without_the_shared_records_generates_them(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("GERMPLASM_DEMO_SEQUENCES", str(tmp_path / "absent.fasta"))
    assert cli("demo", "--accessions", "12", "--no-evaluations").exit_code == 0
    rows = db.session.scalars(db.select(Sequence)).all()
    assert len(rows) == 8 and all(r.record_id.startswith("DEMO00-") for r in rows)
    assert {r.length for r in rows} == {1500}

"""The similarity search page, the accession page's sequences and the downloads, as a
browser uses them."""
import io

from Bio import SeqIO

from germplasm.accounts.services import create_user
from germplasm.extensions import db
from tests.accounts.test_login import login
from tests.conftest import write
from tests.sequences.conftest import CDS_FASTA, GENOMES, needs_realdata

pytestmark = needs_realdata


def matk_avium() -> str:
    return str(next(SeqIO.parse(CDS_FASTA, "fasta")).seq)


def test_paste_or_upload_a_query(app, client, cli, isolates):
    app.config["WTF_CSRF_ENABLED"] = False
    try:
        assert cli("import", "sequences", CDS_FASTA).exit_code == 0
        page = client.get("/sequences/search")
        assert page.status_code == 200 and "相似" in page.get_data(as_text=True)
        pasted = client.post("/sequences/search", data={"sequence": matk_avium()})
        html = pasted.get_data(as_text=True)
        assert pasted.status_code == 200
        assert isolates["Raineer C95"].accenumb in html and "100.0%" in html
        assert "PQ871803.1:complement(1983..3497)" in html and "<pre>" in html
        upload = client.post("/sequences/search", data={"sequence": "", "fasta": (
            io.BytesIO(f">q\n{matk_avium()[:700]}\n".encode()), "q.fasta")},
            content_type="multipart/form-data")
        assert upload.status_code == 200
        assert "PQ871804.1:complement(1992..3506)" in upload.get_data(as_text=True)
        bad = client.post("/sequences/search", data={"sequence": "ACGT"})
        assert bad.status_code == 400
    finally:
        app.config["WTF_CSRF_ENABLED"] = True


def test_accession_page_offers_its_sequences_only_when_it_has_some(client, cli, isolates):
    assert cli("import", "sequences", GENOMES[1]).exit_code == 0
    y5, y6 = isolates["Y5"], isolates["Y6"]
    html = client.get(f"/accessions/{y5.accenumb}").get_data(as_text=True)
    assert f"/accessions/{y5.accenumb}/sequences.fasta" in html and "PQ871804.1" in html
    assert "/sequences.fasta" not in client.get(f"/accessions/{y6.accenumb}").get_data(
        as_text=True)
    gb = client.get(f"/accessions/{y5.accenumb}/sequences.genbank")
    assert gb.status_code == 200 and "attachment" in gb.headers["Content-Disposition"]
    record = SeqIO.read(io.StringIO(gb.get_data(as_text=True)), "genbank")
    assert record.id == "PQ871804.1"
    assert record.seq == SeqIO.read(GENOMES[1], "genbank").seq
    assert client.get(f"/accessions/{y6.accenumb}/sequences.fasta").status_code == 404
    assert client.get(f"/accessions/{y5.accenumb}/sequences.exe").status_code == 404


def test_restricted_accessions_sequences_stay_hidden(client, cli, make_accession, tmp_path):
    secret = make_accession(restricted=True, ACCENAME="Hidden")
    path = write(tmp_path / "s.fasta", f">s1 [cultivar=Hidden]\n{matk_avium()}\n")
    assert cli("import", "sequences", path).exit_code == 0
    assert client.get(f"/accessions/{secret.accenumb}/sequences.fasta").status_code == 404
    everything = client.get("/sequences/export/fasta").get_data(as_text=True)
    assert "s1" not in everything
    staff = create_user("seq.staff", "staff", "orchard-2026", "员工")
    db.session.commit()
    assert login(client, staff.username, "orchard-2026").status_code == 302
    fasta = client.get(f"/accessions/{secret.accenumb}/sequences.fasta")
    assert fasta.status_code == 200 and fasta.get_data(as_text=True).startswith(">s1")

"""`germplasm import sequences` and `germplasm export sequences`, as a user runs them, on the
real Prunus plastid genomes and matK/rbcL CDS."""
import io
import json

from Bio import SeqIO
from Bio.SeqUtils.CheckSum import seguid

from germplasm.audit.models import AuditEntry
from germplasm.extensions import db
from germplasm.sequences.models import Sequence
from tests.conftest import write
from tests.sequences.conftest import CDS_FASTA, GENOMES, needs_realdata

pytestmark = needs_realdata


def stored() -> dict[str, Sequence]:
    db.session.expire_all()
    return {s.record_id: s for s in db.session.scalars(db.select(Sequence))}


def test_genbank_genomes_link_by_isolate_and_keep_their_fields(cli, isolates, tmp_path):
    for path in GENOMES:
        result = cli("import", "sequences", path, "--user", "curator")
        assert result.exit_code == 0, result.output
        assert "created 1" in result.output
    rows = stored()
    avium = rows["PQ871803.1"]
    real = SeqIO.read(GENOMES[0], "genbank")
    assert avium.accession_id == isolates["Raineer C95"].id
    assert (avium.version, avium.molecule_type, avium.topology, avium.length) == (
        "1", "DNA", "circular", 157887)
    assert avium.organism == "Prunus avium"
    assert avium.checksum == seguid(str(real.seq))
    assert avium.residues == str(real.seq)
    assert len(avium.residues_z) < avium.length / 2  # kept compactly
    genes = {f["gene"]: f["location"] for f in avium.features}
    assert {"type": "gene", "gene": "rps12",  # trans-spliced, kept as GenBank writes it
            "location": "complement(join(99864..100657,71358..71471))"} in avium.features
    assert genes["matK"] == "complement(1983..3497)" and genes["rbcL"] == "56821..58248"
    assert rows["PQ871805.1"].accession_id == isolates["Y6"].id
    audit = db.session.scalars(db.select(AuditEntry).where(
        AuditEntry.entity == "sequence", AuditEntry.entity_id == avium.id)).all()
    assert [(a.action, a.user) for a in audit] == [("create", "curator")]
    again = cli("import", "sequences", GENOMES[0])
    assert "created 0, updated 0, unchanged 1" in again.output


def test_fasta_with_header_tags_and_dry_run(cli, isolates, tmp_path):
    dry = cli("import", "sequences", CDS_FASTA, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "dry run" in dry.output and "created 6" in dry.output
    assert stored() == {}
    result = cli("import", "sequences", CDS_FASTA, "--accession-column", "isolate")
    assert result.exit_code == 0, result.output
    rows = stored()
    assert len(rows) == 6
    matk = rows["PQ871804.1:complement(1992..3506)"]
    assert (matk.length, matk.organism, matk.accession_id) == (1515, "Prunus yunnanensis",
                                                               isolates["Y5"].id)


def test_unlinked_and_bad_records_are_named_and_nothing_is_written(cli, make_accession,
                                                                   tmp_path):
    make_accession(ACCENAME="Y5")
    path = write(tmp_path / "mixed.fasta",
                 ">ok1 [cultivar=Y5]\nACGTACGT\n"
                 ">nobody [cultivar=Unknown tree]\nACGT\n"
                 ">protein [cultivar=Y5]\nMKLLPQEF\n"
                 ">bare\nACGT\n"
                 ">ok1 [cultivar=Y5]\nACGT\n")
    report_path = tmp_path / "report.json"
    result = cli("import", "sequences", path, "--report", report_path)
    assert result.exit_code == 3, result.output
    assert "nothing written" in result.output
    report = json.loads(report_path.read_text())
    assert {(r["row"], r["column"], r["value"]) for r in report["rejected"]} == {
        (2, "cultivar", "nobody"), (3, "SEQUENCE", "protein"), (4, "ACCESSION", "bare"),
        (5, "ID", "ok1")}
    assert stored() == {}
    skipped = cli("import", "sequences", path, "--skip-invalid")
    assert skipped.exit_code == 3
    assert list(stored()) == ["ok1"]


def test_mapping_file_links_records_and_ambiguous_names_are_refused(cli, make_accession,
                                                                    tmp_path):
    a = make_accession(ACCENAME="Twin")
    make_accession(ACCENAME="Twin")
    fasta = write(tmp_path / "s.fasta", ">r1\nACGTTGCA\n>r2 [cultivar=Twin]\nGGCC\n")
    mapping = write(tmp_path / "map.csv", f"RECORD_ID,ACCENUMB\nr1,{a.accenumb}\n")
    result = cli("import", "sequences", fasta, "--map", mapping, "--report",
                 tmp_path / "r.json")
    assert result.exit_code == 3
    rejected = json.loads((tmp_path / "r.json").read_text())["rejected"]
    assert [(r["row"], r["column"]) for r in rejected] == [(2, "MAP")]
    by_tag = cli("import", "sequences", fasta, "--skip-invalid", "--report", tmp_path / "t.json")
    rejected = json.loads((tmp_path / "t.json").read_text())["rejected"]
    assert [(r["row"], r["value"]) for r in rejected] == [(1, "r1"), (2, "r2")]
    assert "names 2 accessions" in rejected[1]["message"]
    assert by_tag.exit_code == 3


def test_unreadable_files_exit_2(cli, tmp_path):
    assert cli("import", "sequences", tmp_path / "missing.fasta").exit_code == 2
    text = write(tmp_path / "notes.txt", "just words\n")
    result = cli("import", "sequences", text)
    assert result.exit_code == 2 and "neither FASTA" in result.output


def test_broken_genbank_record_is_reported_by_number(cli, isolates, tmp_path):
    good = GENOMES[1].read_text()
    broken = write(tmp_path / "two.gb", good + "LOCUS       BROKEN\nFEATURES  nonsense\n//\n")
    result = cli("import", "sequences", broken, "--report", tmp_path / "r.json")
    assert result.exit_code == 3, result.output
    rejected = json.loads((tmp_path / "r.json").read_text())["rejected"]
    assert [r["row"] for r in rejected] == [2]
    assert stored() == {}


def test_export_round_trips_in_both_formats(cli, isolates, tmp_path):
    cli("import", "sequences", GENOMES[0])
    cli("import", "sequences", CDS_FASTA)
    avium = isolates["Raineer C95"]
    gb = tmp_path / "out.gb"
    result = cli("export", "sequences", gb, "--accession", avium.accenumb)
    assert result.exit_code == 0, result.output
    assert "exported 3 sequences" in result.output
    records = {r.id: r for r in SeqIO.parse(gb, "genbank")}
    genome = records["PQ871803.1"]
    assert str(genome.seq) == str(SeqIO.read(GENOMES[0], "genbank").seq)
    assert genome.features[0].qualifiers["specimen_voucher"] == [avium.accenumb]
    assert any(f.qualifiers.get("gene") == ["matK"] for f in genome.features)
    fasta = tmp_path / "all.fasta"
    assert cli("export", "sequences", fasta).exit_code == 0
    assert len(list(SeqIO.parse(fasta, "fasta"))) == 7
    # What was exported imports back unchanged (linked by its specimen_voucher).
    again = cli("import", "sequences", gb)
    assert "created 0, updated 0, unchanged 3" in again.output, again.output
    unknown = cli("export", "sequences", fasta, "--accession", "NOPE")
    assert unknown.exit_code == 2


def test_export_of_a_search_result_set(cli, client, isolates, tmp_path):
    for path in GENOMES:
        assert cli("import", "sequences", path).exit_code == 0
    out = tmp_path / "found.fasta"
    result = cli("export", "sequences", out, "--query", "Y5")
    assert result.exit_code == 0, result.output
    assert [r.id for r in SeqIO.parse(out, "fasta")] == ["PQ871804.1"]
    page = client.get("/sequences/export/fasta?q=Y6")
    assert page.status_code == 200
    assert [r.id for r in SeqIO.parse(io.StringIO(page.get_data(as_text=True)), "fasta")] == [
        "PQ871805.1"]


def test_a_changed_record_updates_with_its_audit_trail(cli, make_accession, tmp_path):
    make_accession(ACCENAME="Y5")
    first = write(tmp_path / "a.fasta", ">r1 first [cultivar=Y5] [gene=matK]\nACGTACGTAC\n")
    assert cli("import", "sequences", first).exit_code == 0
    second = write(tmp_path / "b.fasta", ">r1 second [cultivar=Y5]\nACGTACGTACGG\n")
    result = cli("import", "sequences", second, "--user", "editor")
    assert "created 0, updated 1" in result.output, result.output
    row = stored()["r1"]
    assert (row.residues, row.length, row.features) == ("ACGTACGTACGG", 12, [])
    changes = {a.field: (a.old_value, a.new_value) for a in db.session.scalars(
        db.select(AuditEntry).where(AuditEntry.user == "editor"))}
    assert changes["LENGTH"] == ("10", "12") and changes["FEATURES"] == ("1", "0")
    assert changes["CHECKSUM"][1] == seguid("ACGTACGTACGG")
    assert set(changes) == {"DESCRIPTION", "LENGTH", "CHECKSUM", "FEATURES"}

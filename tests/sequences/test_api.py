"""/api/v1/sequences and the similarity search, over HTTP, on the real Prunus records."""
from Bio import SeqIO

from tests.conftest import write
from tests.sequences.conftest import CDS_FASTA, GENOMES, needs_realdata
from tests.sharing.api_callers import assert_not_found, bearer

pytestmark = needs_realdata
MATK_AVIUM = "PQ871803.1:complement(1983..3497)"


def cds(record_id: str) -> str:
    return next(str(r.seq) for r in SeqIO.parse(CDS_FASTA, "fasta") if r.id == record_id)


def loaded(cli, isolates):
    for path in (*GENOMES, CDS_FASTA):
        assert cli("import", "sequences", path).exit_code == 0


def test_list_and_detail(client, cli, isolates):
    loaded(cli, isolates)
    listed = client.get("/api/v1/sequences?per_page=100").json
    assert listed["total"] == 9
    y5 = client.get(f"/api/v1/sequences?accenumb={isolates['Y5'].accenumb}").json
    assert sorted(i["record_id"] for i in y5["items"]) == [
        "PQ871804.1", "PQ871804.1:56813..58240", "PQ871804.1:complement(1992..3506)"]
    genome = next(i for i in y5["items"] if i["record_id"] == "PQ871804.1")
    assert genome["accenumb"] == isolates["Y5"].accenumb and genome["topology"] == "circular"
    detail = client.get(f"/api/v1/sequences/{genome['id']}").json
    assert len(detail["residues"]) == detail["length"] == genome["length"]
    assert {"type": "gene", "gene": "rbcL", "location": "56813..58240"} in detail["features"]
    assert_not_found(client.get("/api/v1/sequences/999999"))
    assert_not_found(client.get("/api/v1/sequences/1891741171697"))  # beyond any integer id


def test_search_finds_the_same_gene_first_on_both_strands(client, cli, isolates):
    loaded(cli, isolates)
    query = cds(MATK_AVIUM)
    found = client.post("/api/v1/sequences/search", json={"sequence": query}).json
    assert found["query_length"] == 1515
    best = found["hits"][0]
    assert best["identity"] == 1.0 and best["coverage"] == 1.0
    by_record = {h["sequence"]["record_id"]: h for h in found["hits"]}
    # The genome holds matK on its minus strand, at complement(1983..3497).
    genome = by_record["PQ871803.1"]
    assert (genome["strand"], genome["identity"], genome["coverage"]) == ("-", 1.0, 1.0)
    assert (genome["subject_start"], genome["subject_end"]) == (1982, 3497)
    # The other species' matK are close but not identical; rbcL records are not hits.
    other = by_record["PQ871805.1:complement(1978..3492)"]
    assert 0.95 < other["identity"] < 1.0
    assert not {"PQ871803.1:56821..58248", "PQ871804.1:56813..58240",
                "PQ871805.1:56596..58023"} & set(by_record)
    assert [h["identity"] for h in found["hits"]] == sorted(
        (h["identity"] for h in found["hits"]), reverse=True)
    assert "|" in best["alignment"]
    fasta = client.post("/api/v1/sequences/search", json={
        "sequence": f">mine\n{query[:600]}\n>second\nACGT\n", "limit": 2}).json
    assert len(fasta["hits"]) == 2 and fasta["query_length"] == 600


def test_bad_queries_are_400_naming_the_reason(client):
    for body in ({}, {"sequence": "ACGT"}, {"sequence": "MKLLPQEFMKLLPQEFMKLLPQEF"},
                 {"sequence": "A" * 30, "limit": 0}):
        answer = client.post("/api/v1/sequences/search", json=body)
        assert answer.status_code == 400, body
        assert answer.json["message"]


def test_restricted_accessions_sequences_only_for_staff(client, cli, make_accession, tmp_path):
    secret = make_accession(restricted=True, ACCENAME="Hidden")
    open_one = make_accession(ACCENAME="Shown")
    residues = cds(MATK_AVIUM)
    path = write(tmp_path / "two.fasta", f">s1 [cultivar=Hidden]\n{residues}\n"
                                         f">s2 [cultivar=Shown]\n{residues[:900]}\n")
    assert cli("import", "sequences", path).exit_code == 0
    staff, researcher = bearer(cli, "staff"), bearer(cli, "researcher")
    for headers in ({}, researcher):
        listed = client.get("/api/v1/sequences", headers=headers).json
        assert [i["accenumb"] for i in listed["items"]] == [open_one.accenumb]
        hidden = client.get(f"/api/v1/sequences?accenumb={secret.accenumb}", headers=headers)
        assert hidden.json["total"] == 0
        hits = client.post("/api/v1/sequences/search", json={"sequence": residues},
                           headers=headers).json["hits"]
        assert [h["sequence"]["record_id"] for h in hits] == ["s2"]
    staff_list = client.get("/api/v1/sequences", headers=staff).json
    assert staff_list["total"] == 2
    secret_id = next(i["id"] for i in staff_list["items"] if i["record_id"] == "s1")
    assert client.get(f"/api/v1/sequences/{secret_id}", headers=staff).status_code == 200
    assert_not_found(client.get(f"/api/v1/sequences/{secret_id}", headers=researcher))
    hits = client.post("/api/v1/sequences/search", json={"sequence": residues},
                       headers=staff).json["hits"]
    assert [h["sequence"]["record_id"] for h in hits] == ["s1", "s2"]


def test_the_openapi_document_describes_them(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert {"/api/v1/sequences", "/api/v1/sequences/{sequence_id}",
            "/api/v1/sequences/search"} <= set(paths)
    assert "requestBody" in paths["/api/v1/sequences/search"]["post"]

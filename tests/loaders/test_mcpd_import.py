"""`germplasm import mcpd` on good files, real-world encodings and every bad input."""
import csv
import io
import json

from openpyxl import Workbook

from germplasm.accessions.models import Accession
from germplasm.accessions.services import get_by_number
from germplasm.extensions import db
from tests.conftest import write

HEADER = "INSTCODE,ACCENUMB,ACCENAME,GENUS,SPECIES,ACQDATE,ORIGCTY,SAMPSTAT,STORAGE\n"
GOOD = "CHN385,WSL0001,巫山脆李;Wūshān Cuìlǐ,Prunus,salicina,2019----,CHN,300,20;30\n"


def delimited(delimiter: str) -> str:
    """HEADER + GOOD written with another delimiter, quoted as Excel quotes it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    for line in (HEADER + GOOD).splitlines():
        writer.writerow(next(csv.reader([line])))
    return buffer.getvalue()


def count() -> int:
    return db.session.scalar(db.select(db.func.count(Accession.id)))


def report_of(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_good_file_is_imported(cli, tmp_path):
    result = cli("import", "mcpd", write(tmp_path / "a.csv", HEADER + GOOD))
    assert result.exit_code == 0, result.output
    assert "created 1" in result.output
    assert [n.name for n in get_by_number("WSL0001").names] == ["巫山脆李", "Wūshān Cuìlǐ"]


def test_report_names_row_column_value_and_reason(cli, tmp_path):
    bad = "CHN385,WSL0002,Bad,Prunus,salicina,20191305,CHN,300,20\n"
    out = tmp_path / "report.json"
    result = cli("import", "mcpd", write(tmp_path / "a.csv", HEADER + GOOD + bad),
                 "--report", out)
    assert result.exit_code == 3
    report = report_of(out)
    assert report["rejected"] == [{"row": 3, "column": "ACQDATE", "value": "20191305",
                                   "message": "month 13 does not exist"}]
    assert count() == 0, "without --skip-invalid nothing is stored"


def test_skip_invalid_keeps_the_valid_rows(cli, tmp_path):
    bad = "CHN385,WSL0002,Bad,Prunus,salicina,,ZZZ,300,20\n"
    result = cli("import", "mcpd", write(tmp_path / "a.csv", HEADER + GOOD + bad),
                 "--skip-invalid")
    assert result.exit_code == 3
    assert count() == 1 and get_by_number("WSL0002") is None


def test_dry_run_writes_nothing_but_counts(cli, tmp_path):
    result = cli("import", "mcpd", write(tmp_path / "a.csv", HEADER + GOOD), "--dry-run")
    assert result.exit_code == 0 and "created 1" in result.output and "dry run" in result.output
    assert count() == 0


def test_second_import_of_the_same_file_changes_nothing(cli, tmp_path):
    path = write(tmp_path / "a.csv", HEADER + GOOD)
    cli("import", "mcpd", path)
    out = tmp_path / "r.json"
    assert cli("import", "mcpd", path, "--report", out).exit_code == 0
    assert (report_of(out)["created"], report_of(out)["unchanged"]) == (0, 1)


def test_gbk_semicolon_bom_and_tab_files_are_detected(cli, tmp_path):
    variants = {
        "gbk.csv": ((HEADER + GOOD).replace("Wūshān Cuìlǐ", "Wushan Cuili"), "gbk"),
        "bom.csv": (HEADER + GOOD, "utf-8-sig"),
        "semi.csv": (delimited(";"), "utf-8"),
        "tab.tsv": ((HEADER + GOOD).replace(",", "\t"), "utf-8"),
    }
    for number, (name, (text, encoding)) in enumerate(variants.items()):
        text = text.replace("WSL0001", f"WSL100{number}")
        result = cli("import", "mcpd", write(tmp_path / name, text, encoding))
        assert result.exit_code == 0, (name, result.output)
    assert get_by_number("WSL1000").names[0].name == "巫山脆李"
    assert get_by_number("WSL1001").multi("STORAGE") == ["20", "30"]


def test_headers_match_case_insensitively_and_unknown_columns_warn(cli, tmp_path):
    text = " instcode ,AccENumb,Genus, Colour \nCHN385,WSL0009,Prunus,red\n"
    out = tmp_path / "r.json"
    result = cli("import", "mcpd", write(tmp_path / "a.csv", text), "--report", out)
    assert result.exit_code == 0
    assert any("Colour" in w["message"] for w in report_of(out)["warnings"])


def test_whitespace_is_stripped(cli, tmp_path):
    text = "INSTCODE,ACCENUMB,GENUS,SPECIES\n CHN385 ,  WSL0010 , Prunus , salicina \n"
    assert cli("import", "mcpd", write(tmp_path / "a.csv", text)).exit_code == 0
    assert get_by_number("WSL0010").taxon.species == "salicina"


def test_gbk_file_read_as_utf8_is_refused_clearly(cli, tmp_path):
    path = write(tmp_path / "gbk.csv", HEADER + GOOD.replace("Wūshān Cuìlǐ", "x"), "gbk")
    result = cli("import", "mcpd", path, "--encoding", "utf-8")
    assert result.exit_code == 2
    assert "line 2 is not valid utf-8" in result.output and "Traceback" not in result.output


def test_unreadable_files_exit_2_with_a_message(cli, tmp_path):
    cases = {
        "empty.csv": (b"", "the file is empty"),
        "binary.csv": (bytes(range(256)) * 10, "binary file"),
        "fake.xlsx": (b"PK\x03\x04 not a zip", "not a readable .xlsx"),
        "other.csv": (b"variety,genotype\nBurlat,S3S9\n", "no known columns"),
        "nokey.csv": (b"INSTCODE,GENUS\nCHN385,Prunus\n", "ACCENUMB"),
        "twice.csv": (b"INSTCODE,ACCENUMB,GENUS,ACCENUMB\n", "appears twice"),
    }
    for name, (data, message) in cases.items():
        (tmp_path / name).write_bytes(data)
        result = cli("import", "mcpd", tmp_path / name)
        assert result.exit_code == 2, name
        assert message in result.output, (name, result.output)
    assert cli("import", "mcpd", tmp_path / "missing.csv").exit_code == 2


def test_wrong_delimiter_is_explained(cli, tmp_path):
    text = (HEADER + GOOD).replace(",", "|")
    result = cli("import", "mcpd", write(tmp_path / "pipe.csv", text))
    assert result.exit_code == 2 and "delimiter" in result.output


def test_row_with_more_cells_than_the_header_is_rejected(cli, tmp_path):
    text = "INSTCODE,ACCENUMB,GENUS\nCHN385,WSL0011,Prunus,salicina\n"
    out = tmp_path / "r.json"
    assert cli("import", "mcpd", write(tmp_path / "a.csv", text), "--report", out).exit_code == 3
    assert "beyond the 3 columns" in report_of(out)["rejected"][0]["message"]


def test_header_only_file_imports_nothing_with_a_warning(cli, tmp_path):
    result = cli("import", "mcpd", write(tmp_path / "h.csv", HEADER))
    assert result.exit_code == 0 and "created 0" in result.output and "warnings 1" in result.output


def test_required_fields_and_code_lists_are_checked(cli, tmp_path):
    rows = [
        ",WSL0020,x,Prunus,salicina,,,,",           # no INSTCODE
        "CHN385,WSL0021,x,,salicina,,,,",           # no GENUS
        "CHN385,WSL0022,x,prunus,salicina,,,,",     # genus not capitalised
        "CHN385,WSL0023,x,Prunus,salicina,,,301,",  # SAMPSTAT
        "CHN385,WSL0024,x,Prunus,salicina,,,,25",   # STORAGE
        "CHN385,WSL0025,x,Prunus,salicina,20190230,,,",  # no 30 February
        "CHN385,WSL0026,x,Prunus,salicina,2019--05,,,",  # day without month
        "CHN385,WSL0027,x,Prunus,salicina,,SUN,,",  # former code: accepted
    ]
    out = tmp_path / "r.json"
    cli("import", "mcpd", write(tmp_path / "a.csv", HEADER + "\n".join(rows) + "\n"),
        "--report", out, "--skip-invalid")
    rejected = {(r["row"], r["column"]) for r in report_of(out)["rejected"]}
    assert rejected == {(2, "INSTCODE"), (3, "GENUS"), (4, "GENUS"), (5, "SAMPSTAT"),
                        (6, "STORAGE"), (7, "ACQDATE"), (8, "ACQDATE")}
    assert get_by_number("WSL0027").origcty == "SUN"


def test_coordinates_dms_converted_and_decimal_in_dms_warns(cli, tmp_path):
    text = ("INSTCODE,ACCENUMB,GENUS,LATITUDE,LONGITUDE,DECLATITUDE\n"
            "CHN385,G1,Prunus,310430N,1095230E,\n"
            "CHN385,G2,Prunus,31.07,109.87,\n"
            "CHN385,G3,Prunus,,,91\n"
            "CHN385,G4,Prunus,316130N,,\n")
    out = tmp_path / "r.json"
    cli("import", "mcpd", write(tmp_path / "a.csv", text), "--report", out, "--skip-invalid")
    g1 = get_by_number("G1")
    assert (g1.declatitude, g1.declongitude, g1.latitude) == (31.075, 109.875, "310430N")
    assert get_by_number("G2").declatitude == 31.07
    report = report_of(out)
    assert any(w["row"] == 3 and "decimal number" in w["message"] for w in report["warnings"])
    assert {(r["row"], r["column"]) for r in report["rejected"]} == {
        (4, "DECLATITUDE"), (5, "LATITUDE")}


def test_overlong_cell_is_rejected_not_truncated(cli, tmp_path):
    text = "INSTCODE,ACCENUMB,GENUS,REMARKS\nCHN385,L1,Prunus," + "x" * 20_000 + "\n"
    out = tmp_path / "r.json"
    assert cli("import", "mcpd", write(tmp_path / "a.csv", text), "--report", out).exit_code == 3
    assert report_of(out)["rejected"][0]["column"] == "REMARKS"


def test_xlsx_with_merged_and_empty_header_cells(cli, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["INSTCODE", "ACCENUMB", "GENUS", None, "ACQDATE", "备注", None])
    sheet.append(["CHN385", "X1", "Prunus", "stray", 20190512, "merged", None])
    sheet.append(["CHN385", "X2", "Prunus", None, "2019----", None, None])
    sheet.merge_cells("F2:F3")
    path = tmp_path / "sheet.xlsx"
    workbook.save(path)
    out = tmp_path / "r.json"
    result = cli("import", "mcpd", path, "--report", out)
    assert result.exit_code == 0, result.output
    assert get_by_number("X1").acqdate == "20190512"
    assert get_by_number("X2").acqdate == "2019----"
    messages = [w["message"] for w in report_of(out)["warnings"]]
    assert any("column D has no header" in m for m in messages)
    assert any("备注" in m for m in messages)


def test_audit_records_the_user_given(cli, tmp_path):
    from germplasm.audit.services import history

    cli("import", "mcpd", write(tmp_path / "a.csv", HEADER + GOOD), "--user", "zhang.san")
    assert history(get_by_number("WSL0001").id)[0].user == "zhang.san"


def test_fifty_megabyte_file_is_read_and_its_huge_cells_refused(cli, tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("INSTCODE,ACCENUMB,GENUS,REMARKS\n")
        for number in range(5):
            handle.write(f"CHN385,BIG{number},Prunus,{'李' * 3_400_000}\n")  # ~10 MB each
        handle.write("CHN385,SMALL1,Prunus,ok\n")
    assert path.stat().st_size > 50_000_000
    out = tmp_path / "r.json"
    result = cli("import", "mcpd", path, "--skip-invalid", "--report", out)
    assert result.exit_code == 3
    assert [r["row"] for r in report_of(out)["rejected"]] == [2, 3, 4, 5, 6]
    assert get_by_number("SMALL1") is not None and get_by_number("BIG0") is None

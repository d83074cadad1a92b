"""`germplasm import markers` and `germplasm import genotypes --kind ssr` under the import
contract: wide and long tables, up to six alleles, missing codes, size ranges, exit codes,
all or nothing."""
import json

from germplasm.extensions import db
from germplasm.fingerprints import services
from tests.conftest import write


def stored(accession) -> dict:
    db.session.expire_all()
    names = services.marker_names()
    return {names[m]: a for m, a in services.fingerprints().get(accession.id, {}).items()}


def test_marker_catalogue_import_and_rejections(cli, tmp_path, markers):
    marker = services.marker_named("CPPCT022")
    assert (marker.linkage_group, marker.motif, marker.min_size, marker.max_size) == \
        ("LG7", "(CT)n", 180, 240)
    bad = write(tmp_path / "bad.csv", "MARKER,MIN_SIZE,MAX_SIZE\nX1,200,150\nX2,abc,150\n"
                "X3,100,150\n")
    result = cli("import", "markers", bad)
    assert result.exit_code == 3 and "nothing written" in result.output
    assert services.marker_named("X3") is None


def test_wide_diploid_and_hexaploid_with_missing_codes(make_accession, cli, tmp_path, markers):
    a, b = make_accession(ACCENAME="巫山脆李"), make_accession()
    c, d = make_accession(), make_accession()
    path = write(tmp_path / "wide.csv",
                 "ACCESSION,CPPCT022_a,CPPCT022_b,CPPCT022_c,CPPCT022_d,CPPCT022_e,CPPCT022_f,"
                 "UDP96-005_a,UDP96-005_b\n"
                 "巫山脆李,190,200,,,,,110,112\n"
                 f"{b.accenumb},180,190,200,210,220,230,NA,NA\n"
                 f"{c.accenumb},0,?,,NA,0,0,120,120\n"
                 f"{d.accenumb},200,200,,,,,140,0\n")
    result = cli("import", "genotypes", path, "--kind", "ssr")
    assert result.exit_code == 0, result.output
    assert stored(a) == {"CPPCT022": (190, 200), "UDP96-005": (110, 112)}
    assert stored(b) == {"CPPCT022": (180, 190, 200, 210, 220, 230)}  # six alleles
    assert stored(c) == {"UDP96-005": (120,)}  # all missing at CPPCT022: untyped
    assert stored(d) == {"CPPCT022": (200,), "UDP96-005": (140,)}
    again = cli("import", "genotypes", path, "--kind", "ssr")
    assert "created 0, updated 0, unchanged 6" in again.output


def test_long_table_with_id_column(make_accession, cli, tmp_path, markers):
    a = make_accession(ACCENAME="秋姬")
    path = write(tmp_path / "long.csv", "NOTE,SAMPLE,MARKER,SIZE\nx,秋姬,CPPCT022,190\n"
                 "y,秋姬,CPPCT022,196\nz,秋姬,BPPCT007,NA\nw,秋姬,BPPCT007,130\n")
    result = cli("import", "genotypes", path, "--kind", "ssr", "--id-column", "sample")
    assert result.exit_code == 0, result.output
    assert stored(a) == {"CPPCT022": (190, 196), "BPPCT007": (130,)}


def test_out_of_range_and_bad_rows_named_nothing_written(make_accession, cli, tmp_path,
                                                          markers):
    a, b = make_accession(), make_accession()
    path = write(tmp_path / "bad.csv", "ACCENUMB,CPPCT022_a,CPPCT022_b\n"
                 f"{a.accenumb},190,200\n{b.accenumb},190,250\nNOPE-1,190,200\n"
                 f"{a.accenumb},190,200\n{b.accenumb},19x,200\n")
    report_path = tmp_path / "report.json"
    result = cli("import", "genotypes", path, "--kind", "ssr", "--report", report_path)
    assert result.exit_code == 3 and "nothing written" in result.output
    rejected = json.loads(report_path.read_text())["rejected"]
    assert {(r["row"], r["column"]) for r in rejected} == {
        (3, "CPPCT022_b"), (4, "ACCENUMB"), (5, "ACCENUMB"), (6, "ACCENUMB"),
        (6, "CPPCT022_a")}
    out_of_range = next(r for r in rejected if r["row"] == 3)
    assert out_of_range["value"] == "250"
    assert "CPPCT022" in out_of_range["message"] and "250" in out_of_range["message"]
    assert stored(a) == {}
    dry = cli("import", "genotypes", path, "--kind", "ssr", "--skip-invalid", "--dry-run")
    assert dry.exit_code == 3 and stored(a) == {}
    kept = cli("import", "genotypes", path, "--kind", "ssr", "--skip-invalid")
    assert kept.exit_code == 3 and stored(a) == {"CPPCT022": (190, 200)}


def test_unknown_marker_and_too_many_columns_exit_2(make_accession, cli, tmp_path, markers):
    a = make_accession()
    unknown = write(tmp_path / "u.csv", f"ACCENUMB,XYZ_a,XYZ_b\n{a.accenumb},1,2\n")
    result = cli("import", "genotypes", unknown, "--kind", "ssr")
    assert result.exit_code == 2 and "XYZ" in result.output
    seven = ",".join(f"CPPCT022_{i}" for i in "abcdef") + ",CPPCT022_1"
    many = write(tmp_path / "m.csv", f"ACCENUMB,{seven}\n{a.accenumb},190,,,,,,\n")
    assert cli("import", "genotypes", many, "--kind", "ssr").exit_code == 2
    assert cli("import", "genotypes", tmp_path / "none.csv", "--kind", "ssr").exit_code == 2

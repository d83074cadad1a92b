"""`germplasm import s-alleles` under the import contract: row, column and reason for each
rejection, --dry-run, --skip-invalid, --report, exit codes, all or nothing; audited."""
import json

from germplasm.audit.services import history
from germplasm.extensions import db
from germplasm.pollination import services
from tests.conftest import write


def genotype(accession):
    db.session.expire_all()
    record = services.record_of(accession)
    return record and (record.genotype, record.group, record.self_compatible, record.source)


def test_good_file_by_number_and_by_name_then_unchanged(make_accession, cli, tmp_path):
    a, b = make_accession(ACCENAME="巫山脆李"), make_accession()
    path = write(tmp_path / "s.csv", "ACCENUMB,S_GENOTYPE,SOURCE\n"
                 f"巫山脆李,SbSa,PCR 2024\n{b.accenumb},S3 S4′,\n")
    result = cli("import", "s-alleles", path)
    assert result.exit_code == 0, result.output
    assert "created 2" in result.output
    assert genotype(a) == ("SbSa", "SaSb", False, "PCR 2024")
    assert genotype(b) == ("S3S4'", "S3S4'", True, None)
    assert [e.new_value for e in history(a.id) if e.entity == "s_genotype"] == ["SbSa"]
    again = cli("import", "s-alleles", path)
    assert "created 0, updated 0, unchanged 2" in again.output
    changed = write(tmp_path / "t.csv", f"ACCENUMB,S_GENOTYPE\n{a.accenumb},SaSe\n")
    assert "updated 1" in cli("import", "s-alleles", changed).output
    assert genotype(a)[:3] == ("SaSe", "SaSe", True)
    assert [(e.old_value, e.new_value) for e in history(a.id) if e.entity == "s_genotype"] \
        == [(None, "SbSa"), ("SbSa", "SaSe")]


BAD = ("ACCENUMB,S_GENOTYPE,SOURCE\n{a},S1S3,ok\nNOPE-404,S1S2,\n{a},S1S4,\n{b},S1,\n"
       "{b},,\n{c},S1S3S5,\n")


def test_bad_rows_are_named_and_nothing_is_written(make_accession, cli, tmp_path):
    a, b, c = make_accession(), make_accession(), make_accession()
    path = write(tmp_path / "bad.csv", BAD.format(a=a.accenumb, b=b.accenumb, c=c.accenumb))
    report_path = tmp_path / "report.json"
    result = cli("import", "s-alleles", path, "--report", report_path)
    assert result.exit_code == 3, result.output
    assert "nothing written" in result.output
    report = json.loads(report_path.read_text())
    assert {(r["row"], r["column"]) for r in report["rejected"]} == {
        (3, "ACCENUMB"), (4, "ACCENUMB"), (5, "S_GENOTYPE"), (6, "S_GENOTYPE"),
        (7, "S_GENOTYPE")}
    reasons = {r["row"]: r["message"] for r in report["rejected"]}
    assert "already in row 2" in reasons[4] and "not two" in reasons[5]
    assert genotype(a) is None


def test_skip_invalid_keeps_the_good_rows_and_dry_run_keeps_none(make_accession, cli,
                                                                  tmp_path):
    a, b, c = make_accession(), make_accession(), make_accession()
    path = write(tmp_path / "bad.csv", BAD.format(a=a.accenumb, b=b.accenumb, c=c.accenumb))
    dry = cli("import", "s-alleles", path, "--dry-run", "--skip-invalid")
    assert dry.exit_code == 3 and "dry run" in dry.output
    assert genotype(a) is None
    result = cli("import", "s-alleles", path, "--skip-invalid")
    assert result.exit_code == 3 and "created 1" in result.output
    assert genotype(a)[0] == "S1S3"


def test_unreadable_files_exit_2(cli, tmp_path):
    assert cli("import", "s-alleles", tmp_path / "none.csv").exit_code == 2
    wrong = write(tmp_path / "wrong.csv", "ACCENUMB,GENOTYPE\nX,S1S2\n")
    result = cli("import", "s-alleles", wrong)
    assert result.exit_code == 2 and "S_GENOTYPE" in result.output


def test_parent_check_command(make_accession, cli, tmp_path):
    make_accession(ACCENAME="Van"), make_accession(ACCENAME="Stella")
    lapins = make_accession(ACCENAME="Lapins", ANCEST="Van / Stella")
    sumini = make_accession(ACCENAME="Sumini", ANCEST="Van / Stella")
    path = write(tmp_path / "s.csv", "ACCENUMB,S_GENOTYPE\nVan,S1S3\nStella,S3S4'\n"
                 "Lapins,S1S4'\nSumini,S2S3\n")
    assert cli("import", "s-alleles", path).exit_code == 0
    result = cli("s-alleles", "check", "--json")
    assert result.exit_code == 1
    conflicts = json.loads(result.output)["parent_conflicts"]
    assert [c["accenumb"] for c in conflicts] == [sumini.accenumb]
    assert conflicts[0]["mother_s_genotype"] == "S1S3"
    assert conflicts[0]["father_s_genotype"] == "S3S4'"
    assert lapins.accenumb not in cli("s-alleles", "check").output

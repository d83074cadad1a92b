"""`germplasm import genotypes --kind snp` under the import contract: CSV, TSV and .xlsx,
missing codes, bad cells named by row, SNP and value, --dry-run, --skip-invalid, re-import
replacing the calls, and one stored row per accession however many SNPs."""
import json

import numpy as np
from openpyxl import Workbook
from sqlalchemy import func, select

from germplasm.audit.services import history
from germplasm.extensions import db
from germplasm.fingerprints import snp_services
from germplasm.fingerprints.models import SnpGenotype, SnpPanel
from tests.conftest import write


def calls_of(accession) -> dict:
    db.session.expire_all()
    found = snp_services.matrix()
    if accession.id not in found.ids:
        return {}
    row = found.calls[found.ids.index(accession.id)]
    return {name: int(v) for name, v in zip(found.names, row, strict=True)}


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def import_snp(cli, path, *args):
    return cli("import", "genotypes", path, "--kind", "snp", *args)


def test_csv_with_missing_codes_by_number_and_name(make_accession, cli, tmp_path):
    a, b = make_accession(ACCENAME="巫山脆李"), make_accession()
    path = write(tmp_path / "snps.csv", "SAMPLE,snp1,snp2,snp3,snp4,snp5\n"
                 f"巫山脆李,0,1,2,NA,\n{b.accenumb},-,?,2,1,0\n")
    result = import_snp(cli, path)
    assert result.exit_code == 0, result.output
    assert "created 2, updated 0, unchanged 0" in result.output
    assert calls_of(a) == {"snp1": 0, "snp2": 1, "snp3": 2, "snp4": -1, "snp5": -1}
    assert calls_of(b) == {"snp1": -1, "snp2": -1, "snp3": 2, "snp4": 1, "snp5": 0}


def test_tsv_and_id_column_and_xlsx(make_accession, cli, tmp_path):
    a, b = make_accession(), make_accession()
    tsv = write(tmp_path / "snps.tsv", f"snpA\tID\tsnpB\n2\t{a.accenumb}\t0\n")
    assert import_snp(cli, tsv, "--id-column", "id").exit_code == 0
    assert calls_of(a) == {"snpA": 2, "snpB": 0}
    book = Workbook()
    book.active.append(["ACCESSION", "x1", "x2"])
    book.active.append([b.accenumb, 1, "NA"])
    book.save(tmp_path / "snps.xlsx")
    result = import_snp(cli, tmp_path / "snps.xlsx")
    assert result.exit_code == 0, result.output
    assert {k: v for k, v in calls_of(b).items() if k in ("x1", "x2")} == {"x1": 1, "x2": -1}


def test_bad_values_named_by_row_snp_and_value_nothing_written(make_accession, cli,
                                                                 tmp_path):
    a, b = make_accession(), make_accession()
    path = write(tmp_path / "bad.csv", "ACCENUMB,s1,s2,s3\n"
                 f"{a.accenumb},0,1,2\n{b.accenumb},3,AB,1\nNOPE-1,0,0,0\n")
    report_path = tmp_path / "report.json"
    result = import_snp(cli, path, "--report", report_path)
    assert result.exit_code == 3 and "nothing written" in result.output
    rejected = json.loads(report_path.read_text())["rejected"]
    assert {(r["row"], r["column"], r["value"]) for r in rejected} == {
        (3, "s1", "3"), (3, "s2", "AB"), (4, "ACCENUMB", "NOPE-1")}
    assert all("s1" in r["message"] for r in rejected if r["column"] == "s1")
    assert count(SnpGenotype) == 0 and count(SnpPanel) == 0
    dry = import_snp(cli, path, "--skip-invalid", "--dry-run")
    assert dry.exit_code == 3 and "dry run" in dry.output and count(SnpGenotype) == 0
    kept = import_snp(cli, path, "--skip-invalid")
    assert kept.exit_code == 3 and "created 1," in kept.output
    assert calls_of(a) == {"s1": 0, "s2": 1, "s3": 2} and calls_of(b) == {}


def test_dry_run_of_a_valid_file_writes_nothing(make_accession, cli, tmp_path):
    a = make_accession()
    path = write(tmp_path / "ok.csv", f"ACCENUMB,s1\n{a.accenumb},1\n")
    result = import_snp(cli, path, "--dry-run")
    assert result.exit_code == 0 and "dry run" in result.output and "created 1" in result.output
    assert count(SnpGenotype) == 0 and count(SnpPanel) == 0


def test_reimport_replaces_calls_one_row_per_accession(make_accession, cli, tmp_path):
    accessions = [make_accession() for _ in range(3)]
    snps = [f"rs{i}" for i in range(2000)]
    rng = np.random.default_rng(1)
    matrix = rng.integers(0, 3, size=(3, 2000))

    def save(values):
        lines = ["ACCENUMB," + ",".join(snps)]
        lines += [a.accenumb + "," + ",".join(map(str, row))
                  for a, row in zip(accessions, values, strict=True)]
        return write(tmp_path / "m.csv", "\n".join(lines) + "\n")

    assert import_snp(cli, save(matrix)).exit_code == 0
    assert count(SnpGenotype) == 3 and count(SnpPanel) == 1  # not 6,000 rows
    matrix[1, 5] = (matrix[1, 5] + 1) % 3
    again = import_snp(cli, save(matrix))
    assert "created 0, updated 1, unchanged 2" in again.output
    assert count(SnpGenotype) == 3 and calls_of(accessions[1])["rs5"] == matrix[1, 5]


def test_unreadable_files_exit_2(make_accession, cli, tmp_path):
    a = make_accession()
    twice = write(tmp_path / "t.csv", f"ACCENUMB,s1,s1\n{a.accenumb},0,1\n")
    result = import_snp(cli, twice)
    assert result.exit_code == 2 and "s1" in result.output
    assert import_snp(cli, write(tmp_path / "n.csv", "ACCENUMB\nX\n")).exit_code == 2
    assert import_snp(cli, tmp_path / "none.csv").exit_code == 2
    assert import_snp(cli, write(tmp_path / "i.csv", "A,s1\nx,1\n"), "--id-column",
                      "nope").exit_code == 2


def test_changes_are_audited_with_the_file(make_accession, cli, tmp_path):
    a = make_accession()
    first = write(tmp_path / "run1.csv", f"ACCENUMB,s1,s2,s3\n{a.accenumb},0,1,NA\n")
    assert import_snp(cli, first).exit_code == 0
    second = write(tmp_path / "run2.csv", f"ACCENUMB,s1,s2,s3\n{a.accenumb},0,2,1\n")
    assert import_snp(cli, second).exit_code == 0
    assert import_snp(cli, tmp_path / "run2.csv").exit_code == 0  # unchanged: no entry
    db.session.expire_all()
    entries = [(e.action, e.old_value, e.new_value, e.source) for e in history(a.id)
               if e.entity == "snp_genotype"]
    assert entries == [("create", None, "2/3 called", "run1.csv"),
                       ("update", "2/3 called", "3/3 called; 2 changed", "run2.csv")]

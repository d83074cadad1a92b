"""`germplasm import s-alleles`: S-genotypes from a table (ACCENUMB, or an accession's name,
S_GENOTYPE, SOURCE). Every row is checked; all or nothing unless skip_invalid."""
from pathlib import Path

from germplasm.pollination import rules, services
from loaders.inventory_rows import CellProblem, read_rows, store_each
from loaders.report import ImportReport
from loaders.tabular import read_table

COLUMNS = ("INSTCODE", "ACCENUMB", "S_GENOTYPE", "SOURCE")
REQUIRED = ("ACCENUMB", "S_GENOTYPE")


def import_s_alleles(path: str | Path, *, user: str, skip_invalid: bool = False,
                     dry_run: bool = False, encoding: str | None = None) -> ImportReport:
    """Raises FileProblem when the file cannot be read; the caller commits when
    `report.written` and rolls back otherwise."""
    table = read_table(path, encoding)
    report = ImportReport(dry_run=dry_run)
    seen: dict[int, int] = {}

    def store(number: int, row: dict) -> str:
        accession = _accession(row)
        _check_genotype(row["S_GENOTYPE"])
        if accession.id in seen:
            raise CellProblem("ACCENUMB", f"{accession.accenumb} is already in row "
                              f"{seen[accession.id]}")
        seen[accession.id] = number
        return _store(accession, row, user)

    store_each(read_rows(table, COLUMNS, REQUIRED, report), report, store)
    return report.finish(skip_invalid)


def _accession(row: dict):
    key = row["ACCENUMB"]
    if not key:
        raise CellProblem("ACCENUMB", "is required")
    found = [a for a in services.find_accession(key)
             if not row.get("INSTCODE") or a.instcode == row["INSTCODE"]]
    if not found:
        raise CellProblem("ACCENUMB", f"no accession numbered or named {key} in the catalogue")
    if len(found) > 1:
        raise CellProblem("ACCENUMB", f"{key} names several accessions: give the accession "
                          "number")
    return found[0]


def _check_genotype(text: str) -> None:
    if not text:
        raise CellProblem("S_GENOTYPE", "is required")
    try:
        rules.parse(text)
    except rules.GenotypeProblem as problem:
        raise CellProblem("S_GENOTYPE", str(problem)) from None


def _store(accession, row: dict, user: str) -> str:
    try:
        outcome = services.set_genotype(accession, row["S_GENOTYPE"],
                                        source=row.get("SOURCE"), user=user)
    except services.GenotypeProblem as problem:
        raise CellProblem("S_GENOTYPE", str(problem)) from None
    return outcome

"""`germplasm import sequences`: FASTA or GenBank records linked to accessions. Every record
is checked before anything is kept; all or nothing unless skip_invalid. The report's `row`
is the record's number in the file and `value` its id."""
from pathlib import Path

from germplasm import locking
from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.sequences import services
from loaders.report import ImportReport
from loaders.sequence_links import DEFAULT_KEYS, Linker, LinkProblem, read_mapping
from loaders.sequence_records import RecordProblem, read_records


def import_sequences(path: str | Path, *, user: str, mapping_path: str | None = None,
                     accession_key: str | None = None, skip_invalid: bool = False,
                     dry_run: bool = False) -> ImportReport:
    """Raises FileProblem when the file (or the mapping file) cannot be read; the caller
    commits when `report.written` and rolls back otherwise."""
    mapping = read_mapping(mapping_path) if mapping_path else None
    linker = Linker((accession_key.lower(),) if accession_key else DEFAULT_KEYS, mapping)
    report = ImportReport(dry_run=dry_run)
    locking.serialise("sequences-import")
    seen: dict[str, int] = {}
    source = f"import {Path(path).name}"
    for read in read_records(path):
        if isinstance(read, RecordProblem):
            report.reject(read.number, read.column, read.record_id, str(read))
            continue
        record_id = read.fields.record_id
        if record_id in seen:
            report.reject(read.number, "ID", record_id,
                          f"duplicate: record {record_id} is already record {seen[record_id]}")
            continue
        seen[record_id] = read.number
        try:
            accession = db.session.get(Accession, linker.accession_of(record_id, read.tags))
        except LinkProblem as problem:
            report.reject(read.number, problem.column, record_id, str(problem))
            continue
        with db.session.begin_nested():
            outcome = services.store(accession, read.fields, user=user, source=source)
        report.count(outcome)
    return report.finish(skip_invalid)

"""CLI: `germplasm import sequences` and `germplasm export sequences`."""
import getpass

import click
from flask.cli import with_appcontext

from germplasm.accessions.commands import run_import
from germplasm.accessions.models import Accession
from germplasm.accessions.services import get_by_number
from germplasm.extensions import db
from germplasm.sharing.access import public_scope
from loaders.sequence_export import FORMATS, export_sequences, selected
from loaders.sequences import import_sequences
from search.engine import find
from search.params import build_request
from search.query import QueryProblem


@click.command("sequences")
@with_appcontext
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--map", "mapping_path", type=click.Path(dir_okay=False),
              help="CSV/TSV/xlsx with RECORD_ID and ACCENUMB (or NAME): which accession each "
                   "record belongs to.")
@click.option("--accession-column", "accession_key", metavar="QUALIFIER",
              help="The GenBank qualifier (or FASTA [key=value] tag) that names the accession; "
                   "default: cultivar, strain, specimen_voucher, isolate (the first present).")
@click.option("--skip-invalid", is_flag=True, help="Store the valid records, report the others.")
@click.option("--dry-run", is_flag=True, help="Validate and report; write nothing.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="JSON report.")
@click.option("--user", default=getpass.getuser, help="Name recorded in the audit trail.")
def import_sequences_command(path, mapping_path, accession_key, skip_invalid, dry_run,
                             report_path, user) -> None:
    """Import a FASTA or GenBank file; each record is linked to an accession by --map or by
    its qualifier matched against accession numbers and names (upsert by record id)."""
    if mapping_path and accession_key:
        raise click.UsageError("--map and --accession-column exclude each other")
    run_import(import_sequences, report_path, path=path, user=user, mapping_path=mapping_path,
               accession_key=accession_key, skip_invalid=skip_invalid, dry_run=dry_run)


@click.command("sequences")
@with_appcontext
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Default: from the extension (.gb/.gbk: genbank), else fasta.")
@click.option("--accession", "numbers", multiple=True, help="Accession number (repeat).")
@click.option("--query", help="Search text: the sequences of the search's result set.")
@click.option("--public", is_flag=True, help="Only what the public may see.")
def export_sequences_command(path, fmt, numbers, query, public) -> None:
    """Export sequences as FASTA or GenBank (all, some accessions' or a search's)."""
    if numbers and query is not None:
        raise click.UsageError("--accession and --query exclude each other")
    fmt = fmt or ("genbank" if path.lower().endswith((".gb", ".gbk", ".genbank")) else "fasta")
    ids = _accessions(numbers) if numbers else _found(query, public) if query is not None \
        else None
    count = export_sequences(path, selected(ids, public_scope() if public else None), fmt)
    click.echo(f"exported {count} sequences to {path} ({fmt})")


def _accessions(numbers) -> list[int]:
    ids = []
    for number in numbers:
        found = get_by_number(number) or db.session.get(Accession, _int(number))
        if found is None:
            raise click.BadParameter(f"no accession {number!r}", param_hint="--accession")
        ids.append(found.id)
    return ids


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _found(query: str, public: bool) -> list[int]:
    try:
        matches = find(build_request(query), can_see_restricted=not public)
    except QueryProblem as problem:
        raise click.BadParameter(str(problem), param_hint="--query") from None
    return [int(matches.snapshot.ids[p]) for p in matches.members]

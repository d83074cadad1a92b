"""CLI: `germplasm lots check`, `germplasm plants below-minimum`, `germplasm import lots|plants`
and `germplasm export lots`."""
import getpass
import sys

import click
from flask.cli import AppGroup, with_appcontext

from germplasm.accessions.commands import run_import
from germplasm.inventory import ledger, plants
from germplasm.inventory.quantities import from_milli
from loaders.lot_export import export_lots
from loaders.lots import import_lots
from loaders.plants import import_plants

lots_group = AppGroup("lots", help="Lots of material and their stock ledger.")
plants_group = AppGroup("plants", help="Trees of the field genebank.")


@lots_group.command("check")
def check_command() -> None:
    """Report every lot whose stored balances differ from its ledger's sums (exit 1)."""
    found = ledger.differences()
    for d in found:
        click.echo(f"{d.lot_number}: on hand {from_milli(d.cached[0])} reserved "
                   f"{from_milli(d.cached[1])}, but the ledger adds up to on hand "
                   f"{from_milli(d.ledger[0])} reserved {from_milli(d.ledger[1])}")
    if found:
        click.echo(f"{len(found)} lot(s) differ from their ledger", err=True)
        sys.exit(1)
    click.echo("every lot agrees with its ledger")


@plants_group.command("below-minimum")
@click.option("--minimum", type=click.IntRange(1, 1000),
              help="Living trees an accession should have (default GERMPLASM_MIN_TREES).")
def below_minimum_command(minimum) -> None:
    """The regeneration alert: accessions with fewer living trees than the minimum."""
    for accession, trees in plants.below_minimum(minimum):
        click.echo(f"{accession.instcode}\t{accession.accenumb}\t{trees}")


def _import_options(command):
    options = [
        click.argument("path", type=click.Path(dir_okay=False)),
        click.option("--skip-invalid", is_flag=True,
                     help="Store the valid rows, report the others."),
        click.option("--dry-run", is_flag=True, help="Validate and report; write nothing."),
        click.option("--report", "report_path", type=click.Path(dir_okay=False),
                     help="JSON report."),
        click.option("--encoding", help="Text encoding (default: detect UTF-8 or GBK)."),
        click.option("--user", default=getpass.getuser, help="Name recorded in the ledger."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.command("lots")
@with_appcontext
@_import_options
def import_lots_command(path, skip_invalid, dry_run, report_path, encoding, user) -> None:
    """Import lots (CSV, TSV or .xlsx): ACCENUMB, LOT_NUMBER, MATERIAL, QUANTITY, UNIT, ...
    A known lot's QUANTITY is a stock count, recorded in the ledger as an adjustment."""
    run_import(import_lots, report_path, path=path, user=user, skip_invalid=skip_invalid,
               dry_run=dry_run, encoding=encoding)


@click.command("plants")
@with_appcontext
@_import_options
def import_plants_command(path, skip_invalid, dry_run, report_path, encoding, user) -> None:
    """Import trees (CSV, TSV or .xlsx): ACCENUMB, BLOCK, ROW, POSITION, PLANTED, ROOTSTOCK,
    STATUS."""
    run_import(import_plants, report_path, path=path, user=user, skip_invalid=skip_invalid,
               dry_run=dry_run, encoding=encoding)


@click.command("lots")
@with_appcontext
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]),
              help="Default: from the file's extension, else csv.")
def export_lots_command(path, fmt) -> None:
    """Export every lot with its stock (the import's columns, then RESERVED, AVAILABLE)."""
    fmt = fmt or ("xlsx" if path.lower().endswith(".xlsx") else "csv")
    count = export_lots(path, fmt)
    click.echo(f"exported {count} lots to {path}")

"""CLI: `germplasm batches create|count|list`, the propagation batches of seedling production."""
import getpass
import sys
from datetime import date

import click
from flask.cli import AppGroup

from germplasm.extensions import db
from germplasm.inventory import batch_figures, batches
from germplasm.inventory.batch_models import METHODS
from search.sync import commit

batches_group = AppGroup("batches", help="Propagation batches: seedling production.")


def _fail(message: str) -> None:
    db.session.rollback()
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


@batches_group.command("create")
@click.argument("accenumb")
@click.option("--instcode", help="The accession's institute, when its number is not unique.")
@click.option("--method", type=click.Choice(METHODS), required=True)
@click.option("--started", type=click.IntRange(1, batches.MOST), required=True,
              help="Plants grafted or seeds sown.")
@click.option("--on", "started_on", type=click.DateTime(["%Y-%m-%d"]),
              help="Day started (default today).")
@click.option("--rootstock", help="Rootstock: an accession number or free text (grafting).")
@click.option("--number", "batch_number", help="Batch number (default PB<year>-<nnnn>).")
@click.option("--notes")
@click.option("--user", default=getpass.getuser, help="Name recorded in the history.")
def create_command(accenumb, instcode, method, started, started_on, rootstock, batch_number,
                   notes, user) -> None:
    """Start a propagation batch of ACCENUMB."""
    fields = batches.BatchFields(method, started_on.date() if started_on else date.today(),
                                 started, rootstock=rootstock, notes=notes,
                                 batch_number=batch_number)
    try:
        accession = batches.accession_of(accenumb, instcode)
        batch = batches.create(accession.id, fields, actor=user)
    except batches.BatchProblem as problem:
        _fail(f"{problem.field}: {problem}")
    commit()
    click.echo(f"batch {batch.batch_number}: {started} {method} of {accenumb} started")


@batches_group.command("count")
@click.argument("batch_number")
@click.option("--surviving", type=click.IntRange(0), help="Plants alive (only goes down).")
@click.option("--ready", type=click.IntRange(0),
              help="Plants ready in all (only goes up; moved into the seedling lot).")
@click.option("--dispatched", type=click.IntRange(0),
              help="Plants dispatched in all (only goes up; shipped out of the lot).")
@click.option("--lost", type=click.IntRange(0), help="Plants lost in all (only goes up).")
@click.option("--on", "counted_on", type=click.DateTime(["%Y-%m-%d"]),
              help="Day of the count (default today).")
@click.option("--note")
@click.option("--user", default=getpass.getuser, help="Name recorded in the history.")
def count_command(batch_number, surviving, ready, dispatched, lost, counted_on, note,
                  user) -> None:
    """Record a count of BATCH_NUMBER: the new totals of the stages given."""
    batch = batches.get(batch_number)
    if batch is None:
        _fail(f"batch: no batch {batch_number}")
    try:
        entry = batches.record_counts(
            batch, actor=user, counted_on=counted_on.date() if counted_on else None,
            surviving=surviving, ready=ready, dispatched=dispatched, lost=lost, note=note)
    except batches.BatchProblem as problem:
        _fail(f"{problem.field}: {problem}")
    commit()
    if entry is None:
        click.echo(f"batch {batch_number}: nothing changed")
        return
    click.echo(f"batch {batch_number}: " + _counts(batch)
               + (f"; lot {batch.lot.lot_number}" if batch.lot else ""))


@batches_group.command("list")
@click.option("--year", type=click.IntRange(1900, 2999),
              help="Batches started or counted in the year, and the year's figure.")
def list_command(year) -> None:
    """Batches with their counts (tab-separated), then seedlings raised against the plan."""
    for batch in batch_figures.batches_in(year):
        click.echo("\t".join((batch.batch_number, batch.accession.accenumb, batch.method,
                              str(batch.started_on), _counts(batch),
                              batch.lot.lot_number if batch.lot else "")))
    raised = batch_figures.raised_in(year or date.today().year)
    click.echo(f"{raised.year}: {raised.raised} seedlings raised of the plan's {raised.plan} "
               f"({raised.percent}%)")


def _counts(batch) -> str:
    return " ".join(f"{stage} {n}" for stage, n in batch.counts().items())

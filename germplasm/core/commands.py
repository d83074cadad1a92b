"""CLI: `germplasm core build`: choose a core collection, save it as a published selection of
the genebank's own, print its report (or write it with the entries). The command line sees
every accession (as staff). Nothing is saved when the core cannot be built."""
import json

import click
from flask import current_app
from flask.cli import AppGroup

from germplasm.core import services
from germplasm.extensions import db
from germplasm.fingerprints.services import accession_numbers
from germplasm.selections.services import SelectionProblem
from loaders.core_export import report_rows, write_core

core_group = AppGroup("core", help="Core collections: a small subset keeping the diversity.")


@core_group.command("build")
@click.option("--size", type=click.IntRange(1), help="Accessions in the core (default 200).")
@click.option("--percent", type=click.FloatRange(0, 100, min_open=True),
              help="Or this percentage of the candidates.")
@click.option("--from", "source", type=click.Choice(services.SOURCES), default="both",
              show_default=True, help="Trait summaries, SSR fingerprints or both.")
@click.option("--name", help="The saved selection's name (default: size, source and seed).")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the entries: .csv, or .xlsx with the report on a second sheet.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def build_command(size, percent, source, name, seed, output, as_json) -> None:
    """Build a core by A-NE (mean distance from every accession to its nearest core entry),
    greedy start then swaps, compared with a random subset of the same size and seed."""
    if size is not None and percent is not None:
        raise click.UsageError("give --size or --percent, not both")
    # The messages, the default name and the report's labels are gettext'd: the command
    # speaks the site's default language, which needs a request to ask for the locale.
    with current_app.test_request_context("/"):
        _build(size, percent, source, name, seed, output, as_json)


def _build(size, percent, source, name, seed, output, as_json) -> None:
    try:
        core = services.build(source, size=None if percent else (size or 200), percent=percent,
                              seed=seed)
        selection = services.save(core, name, owner=None, published=True)
    except (services.CoreProblem, SelectionProblem) as problem:
        db.session.rollback()
        raise click.ClickException(str(problem)) from None
    numbers = accession_numbers(core.ids)
    if output:
        write_core(output, [numbers[a] for a in core.ids], core.represents, core.report)
    db.session.commit()
    summary = core.report | {"selection": {"name": selection.name, "token": selection.token}}
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False))
        return
    _print(summary)


def _print(summary: dict) -> None:
    click.echo(f"saved as selection “{summary['selection']['name']}” "
               f"(selection={summary['selection']['token']})")
    width = max(len(row[0]) for row in report_rows(summary))
    click.echo(f"{'':{width}}  {'core':>24}  {'random':>24}")
    for what, core, random in report_rows(summary):
        click.echo(f"{what:{width}}  {core:>24}  {random:>24}")

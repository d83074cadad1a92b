"""The `germplasm` command group: thin wrappers over services and loaders."""
import click
from flask.cli import FlaskGroup
from flask_migrate import upgrade

from germplasm import MIGRATIONS_DIR, create_app
from germplasm.accessions.commands import (
    demo_command,
    export_group,
    import_group,
    photos_group,
)
from germplasm.accessions.search_commands import (
    reindex_command,
    screen_command,
    search_command,
)
from germplasm.accounts.commands import users_group
from germplasm.accounts.token_commands import tokens_group
from germplasm.backup.commands import backup_command, restore_command
from germplasm.core.commands import core_group
from germplasm.evaluations.commands import campaign_group
from germplasm.extensions import db
from germplasm.fingerprints.commands import (
    fingerprints_group,
    import_genotypes_command,
    import_markers_command,
)
from germplasm.initial_data import load_initial_data
from germplasm.inventory.batch_commands import batches_group
from germplasm.inventory.commands import (
    export_lots_command,
    import_lots_command,
    import_plants_command,
    lots_group,
    plants_group,
)
from germplasm.inventory.label_commands import labels_group
from germplasm.pollination.commands import (
    import_s_alleles_command,
    pollinizers_command,
    s_alleles_group,
)
from germplasm.reports.commands import report_group
from germplasm.requests.commands import notifications_group, requests_group
from germplasm.sequences.commands import export_sequences_command, import_sequences_command
from germplasm.sweep_command import sweep_command

cli = FlaskGroup(create_app=create_app, help="Plum germplasm platform commands.")


@cli.command("init")
def init_command() -> None:
    """Create or upgrade the schema and load reference data (safe to run again)."""
    upgrade(directory=MIGRATIONS_DIR)
    counts = load_initial_data()
    db.session.commit()
    click.echo(f"database ready at {db.engine.url.render_as_string(hide_password=True)}")
    click.echo("reference data: " + ", ".join(f"{n} {what}" for what, n in counts.items()))


import_group.add_command(import_lots_command)
import_group.add_command(import_plants_command)
import_group.add_command(import_s_alleles_command)
export_group.add_command(export_lots_command)
import_group.add_command(import_sequences_command)
import_group.add_command(import_markers_command)
import_group.add_command(import_genotypes_command)
cli.add_command(fingerprints_group)
cli.add_command(core_group)
export_group.add_command(export_sequences_command)
cli.add_command(import_group)
cli.add_command(export_group)
cli.add_command(demo_command)
cli.add_command(users_group)
cli.add_command(photos_group)
cli.add_command(campaign_group)
cli.add_command(search_command)
cli.add_command(reindex_command)
cli.add_command(screen_command)
cli.add_command(backup_command)
cli.add_command(restore_command)
cli.add_command(sweep_command)
cli.add_command(tokens_group)
cli.add_command(lots_group)
cli.add_command(plants_group)
cli.add_command(report_group)
cli.add_command(requests_group)
cli.add_command(notifications_group)
cli.add_command(batches_group)
cli.add_command(labels_group)
cli.add_command(pollinizers_command)
cli.add_command(s_alleles_group)


def main() -> None:
    cli(prog_name="germplasm")

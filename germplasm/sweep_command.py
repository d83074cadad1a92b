"""`germplasm sweep`: the housekeeping a cron job runs nightly."""
import click

from germplasm.extensions import db


@click.command("sweep")
@click.option("--upload-days", default=7, show_default=True, type=click.IntRange(min=0),
              help="Drop unconfirmed uploads and the files of imported ones after this many days.")
@click.option("--stuck-hours", default=6, show_default=True, type=click.IntRange(min=1),
              help="Mark upload jobs still checking or importing after this long as interrupted.")
@click.option("--selection-days", default=30, show_default=True, type=click.IntRange(min=1),
              help="Drop unsaved selections of sessions untouched for this many days.")
def sweep_command(upload_days: int, stuck_hours: int, selection_days: int) -> None:
    """Clear old uploads, interrupted upload jobs and forgotten session selections."""
    from germplasm.imports.sweep import sweep as sweep_uploads
    from germplasm.selections.services import sweep as sweep_selections

    counts = sweep_uploads(upload_days, stuck_hours)
    counts["selections_dropped"] = sweep_selections(selection_days)
    db.session.commit()
    click.echo(", ".join(f"{what.replace('_', ' ')}: {n}" for what, n in counts.items()))

"""CLI: `germplasm backup PATH` and `germplasm restore PATH [--force]`."""
from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy.exc import SQLAlchemyError

from germplasm.backup import services
from germplasm.backup.errors import Refused, ToolFailed
from germplasm.extensions import db

COUNT_LABELS = (("accessions", "accessions"), ("observations", "observations"),
                ("users", "users"), ("audit_entries", "audit entries"), ("photos", "photos"))


@click.command("backup")
@with_appcontext
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(path: Path) -> None:
    """Write the database, photos and secret key to PATH (.tar.gz); safe while the app runs."""
    manifest = _run(services.backup, path)
    click.echo(f"backup written to {path} ({path.stat().st_size / 2**20:.1f} MB, "
               f"{manifest['engine']}, schema {manifest['alembic_revision']})")
    click.echo(_counts(manifest["counts"]))
    if manifest["missing_photos"]:
        click.echo(f"warning: {len(manifest['missing_photos'])} photo rows have no file: "
                   + ", ".join(manifest["missing_photos"][:5]), err=True)


@click.command("restore")
@with_appcontext
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True,
              help="Overwrite a database that already holds accessions or users.")
def restore_command(path: Path, force: bool) -> None:
    """Restore a backup made by `germplasm backup` into this instance (stop the app first)."""
    report = _run(services.restore, path, force)
    made = report["manifest"]
    click.echo(f"restored {path} (made {made['created_at']} by germplasm "
               f"{made.get('package_version', '?')})")
    if report["upgraded_to"]:
        click.echo(f"schema upgraded from {made['alembic_revision']} to {report['upgraded_to']}")
    click.echo(_counts(report["counts"]) + f"; {report['photo_files']} photo files")
    click.echo(report["secret_key"])
    click.echo(f"search index rebuilt: {report['indexed']} accessions")


def _run(action, *args):
    """Exit 2 when refused (nothing changed), 1 when a tool or the database failed."""
    try:
        return action(*args)
    except (Refused, ToolFailed) as problem:
        db.session.rollback()
        click.echo(f"error: {problem}", err=True)
        raise click.exceptions.Exit(problem.exit_code) from None
    except SQLAlchemyError as error:
        db.session.rollback()
        click.echo(f"error: database error: {error}", err=True)
        raise click.exceptions.Exit(1) from None


def _counts(counts: dict) -> str:
    return ", ".join(f"{counts.get(key, 0)} {label}" for key, label in COUNT_LABELS)

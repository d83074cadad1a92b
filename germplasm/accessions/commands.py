"""CLI: `germplasm import mcpd`, `germplasm export mcpd`, `germplasm demo`."""
import getpass
import os
import sys
from pathlib import Path

import click
from flask.cli import AppGroup, with_appcontext
from sqlalchemy.exc import SQLAlchemyError

from germplasm.extensions import db
from germplasm.sharing.access import public_scope
from loaders.mcpd import import_mcpd
from loaders.mcpd_export import export_mcpd
from loaders.report import EXIT_UNREADABLE
from loaders.tabular import FileProblem
from search.sync import commit

IMPORT_NICENESS = 10


@click.group("import", cls=AppGroup)
def import_group() -> None:
    """Import files into the catalogue."""
    # An import is a batch job that shares the machine's cores with the web workers:
    # at a lower CPU priority it takes a little longer and the pages stay fast meanwhile.
    os.nice(int(os.environ.get("GERMPLASM_IMPORT_NICENESS", IMPORT_NICENESS)))


export_group = AppGroup("export", help="Export the catalogue to files.")


def progress_bar(rows: list):
    """A progress bar on a terminal for long files; nothing when output is redirected."""
    if not sys.stderr.isatty() or len(rows) < 1000:
        return rows
    return click.progressbar(rows, label="validating", file=sys.stderr)


def finish(report, report_path: str | None) -> None:
    """Commit or roll back at the command boundary, print or write the report, exit."""
    if report.written:
        commit()
    else:
        db.session.rollback()
    if report_path:
        Path(report_path).write_text(report.to_json(), encoding="utf-8")
    click.echo(report.summary(limit=3 if report_path else 10))
    sys.exit(report.exit_code)


@import_group.command("mcpd")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--skip-invalid", is_flag=True, help="Store the valid rows, report the others.")
@click.option("--dry-run", is_flag=True, help="Validate and report; write nothing.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="JSON report.")
@click.option("--encoding", help="Text encoding (default: detect UTF-8, UTF-8 BOM or GBK).")
@click.option("--user", default=getpass.getuser, help="Name recorded in the audit trail.")
def import_mcpd_command(path, skip_invalid, dry_run, report_path, encoding, user) -> None:
    """Import an MCPD v2.1 file (CSV, TSV or .xlsx); upsert by INSTCODE + ACCENUMB."""
    run_import(import_mcpd, report_path, path=path, user=user, skip_invalid=skip_invalid,
               dry_run=dry_run, encoding=encoding, progress=progress_bar)


def run_import(load, report_path: str | None, **arguments) -> None:
    """Every `germplasm import`: an unreadable file exits 2 and a database error 1, with a
    message and nothing written; otherwise the report decides (see finish)."""
    try:
        report = load(**arguments)
    except FileProblem as problem:
        db.session.rollback()
        raise click.exceptions.Exit(fail(str(problem), EXIT_UNREADABLE)) from None
    except SQLAlchemyError as error:
        db.session.rollback()
        raise click.exceptions.Exit(fail(f"database error, nothing written: {error}", 1)) from None
    finish(report, report_path)


def fail(message: str, code: int) -> int:
    click.echo(f"error: {message}", err=True)
    return code


@export_group.command("mcpd")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]),
              help="Default: from the file's extension, else csv.")
@click.option("--public", is_flag=True, help="Only what the public may see: no restricted "
              "accessions, wild collecting sites rounded to 0.1°.")
def export_mcpd_command(path, fmt, public) -> None:
    """Export every accession as MCPD v2.1 (multi-values joined with ';')."""
    fmt = fmt or ("xlsx" if path.lower().endswith(".xlsx") else "csv")
    count = export_mcpd(path, fmt, public=public, scope=public_scope() if public else None)
    click.echo(f"exported {count} accessions to {path}")


@click.command("demo")
@with_appcontext
@click.option("--accessions", default=5000, show_default=True, type=click.IntRange(1, 500_000))
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--if-empty", is_flag=True, help="Do nothing when the catalogue has accessions.")
@click.option("--evaluations/--no-evaluations", default=True, show_default=True,
              help="Also generate five years of evaluation campaigns.")
@click.option("--user", default=getpass.getuser, help="Name recorded in the audit trail.")
def demo_command(accessions, seed, if_empty, evaluations, user) -> None:
    """Load a synthetic demo catalogue (marked as demo data), deterministic for a seed."""
    from loaders.demo_catalogue import load_demo  # imported here: the generator is heavy

    reports = load_demo(accessions, seed, user=user, if_empty=if_empty,
                        evaluations=evaluations)
    if reports is None:
        click.echo("the catalogue already holds accessions; demo data not loaded")
        return
    passport, observations = reports
    click.echo("observations: " + observations.summary().splitlines()[0])
    passport.rejected += observations.rejected
    passport.written = passport.written and (observations.written or not evaluations)
    finish(passport, None)


photos_group = AppGroup("photos", help="Accession photos.")


@photos_group.command("add")
@click.argument("accenumb")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--caption")
@click.option("--taken-on", help="YYYY-MM-DD")
@click.option("--user", default=getpass.getuser, help="Name recorded in the audit trail.")
def add_photos_command(accenumb, paths, caption, taken_on, user) -> None:
    """Attach JPEG, PNG or WebP pictures to an accession."""
    from germplasm.accessions.photos import PhotoProblem, add_photo, remove_files
    from germplasm.accessions.services import get_by_number

    accession = get_by_number(accenumb)
    if accession is None:
        raise click.UsageError(f"no accession {accenumb}")
    added = []
    try:
        for path in paths:
            added.append(add_photo(accession, Path(path), user, caption, taken_on))
    except PhotoProblem as problem:
        db.session.rollback()
        remove_files(added)  # all or none, files as well as rows
        raise click.UsageError(str(problem)) from None
    commit()
    click.echo(f"{len(paths)} photo(s) added to {accenumb}")

"""CLI: observation and descriptor imports, exports, and campaign management."""
import getpass
import json
from pathlib import Path

import click
from flask.cli import AppGroup

from germplasm.accessions.commands import (
    export_group,
    fail,
    import_group,
    progress_bar,
    run_import,
)
from germplasm.evaluations import campaign_setup, campaigns
from germplasm.evaluations.campaigns import CampaignProblem
from germplasm.evaluations.descriptors import DescriptorProblem, load_descriptors
from germplasm.evaluations.listing import Selection, SelectionProblem, parse_moment
from germplasm.extensions import db
from germplasm.sharing.access import public_scope
from loaders.observation_export import export_observations, export_summaries
from loaders.observations import import_observations
from loaders.report import EXIT_UNREADABLE
from search.sync import commit

campaign_group = AppGroup("campaign", help="Evaluation campaigns.")


@import_group.command("observations")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--campaign", required=True, help="Campaign name (created if new).")
@click.option("--year", type=click.IntRange(1900, 2100), help="Needed to create a campaign.")
@click.option("--site", help="Field genebank location of a new campaign.")
@click.option("--skip-invalid", is_flag=True, help="Store the valid rows, report the others.")
@click.option("--dry-run", is_flag=True, help="Validate and report; write nothing.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="JSON report.")
@click.option("--date-order", type=click.Choice(["dmy", "mdy"]),
              help="Order of day and month in slashed dates such as 3/4/2026.")
@click.option("--encoding", help="Text encoding (default: detect UTF-8, UTF-8 BOM or GBK).")
@click.option("--user", default=getpass.getuser, help="Name recorded in the audit trail.")
def import_observations_command(path, campaign, year, site, skip_invalid, dry_run, report_path,
                                date_order, encoding, user) -> None:
    """Import evaluations from a wide or long CSV/.xlsx sheet into a campaign."""
    run_import(import_observations, report_path, path=path, campaign=campaign, year=year,
               site=site, user=user, skip_invalid=skip_invalid, dry_run=dry_run,
               date_order=date_order, encoding=encoding, progress=progress_bar)


@import_group.command("descriptors")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--user", default=getpass.getuser, help="Name recorded with each revision.")
def import_descriptors_command(path, user) -> None:
    """Add or revise descriptors from a JSON file (the format of the shipped catalogue)."""
    try:
        entries = json.loads(Path(path).read_text(encoding="utf-8"))
        counts = load_descriptors(entries, user)
    except (ValueError, DescriptorProblem, KeyError, TypeError) as problem:
        db.session.rollback()
        raise click.exceptions.Exit(fail(f"{path}: {problem}", EXIT_UNREADABLE)) from None
    commit()
    click.echo(", ".join(f"{what} {n}" for what, n in counts.items()))


def _selection_options(command):
    """--accession, --descriptor, --campaign, --year, --updated-since and --public: the
    selection that /api/v1/observations and /api/v1/summaries take as parameters."""
    options = [
        click.option("--accession", help="Accession number (or id)."),
        click.option("--descriptor", help="Descriptor code."),
        click.option("--campaign", help="Campaign name (or id)."),
        click.option("--year", type=click.IntRange(0, 2100),
                     help="Campaign year (summaries: 0 for the summary over all years)."),
        click.option("--updated-since", "updated_since", metavar="ISO8601",
                     help="Observations changed at or after this date or time (UTC)."),
        click.option("--public", is_flag=True,
                     help="Only what the public may see: no restricted accessions."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _selection(accession, descriptor, campaign, year, updated_since) -> Selection:
    try:
        since = parse_moment(updated_since) if updated_since else None
    except ValueError:
        raise click.BadParameter(f"{updated_since!r} is not an ISO 8601 date or time",
                                 param_hint="--updated-since") from None
    return Selection(accession, descriptor, campaign, year, since)


@export_group.command("observations")
@click.argument("path", type=click.Path(dir_okay=False))
@_selection_options
def export_observations_command(path, public, **selection) -> None:
    """Observations, long form: ACCENUMB, CAMPAIGN, YEAR, DESCRIPTOR, VALUE, ..."""
    count = _export(export_observations, path, _selection(**selection), public)
    click.echo(f"exported {count} observations to {path}")


@export_group.command("summaries")
@click.argument("path", type=click.Path(dir_okay=False))
@_selection_options
def export_summaries_command(path, public, **selection) -> None:
    """Trait summaries per accession, descriptor and year (empty YEAR: over all years)."""
    count = _export(export_summaries, path, _selection(**selection), public)
    click.echo(f"exported {count} summaries to {path}")


def _export(write, path, selection: Selection, public: bool) -> int:
    try:
        return write(path, selection, public_scope() if public else None)
    except SelectionProblem as problem:
        raise click.BadParameter(str(problem), param_hint=f"--{problem.field}") from None


@campaign_group.command("create")
@click.argument("name")
@click.option("--year", type=click.IntRange(1900, 2100), required=True)
@click.option("--site")
@click.option("--observers", help="Comma-separated names.")
@click.option("--descriptors", "codes", help="Comma-separated descriptor codes.")
@click.option("--accessions", "numbers", help="Comma-separated accession numbers.")
@click.option("--user", default=getpass.getuser, help="Name recorded in the audit trail.")
def create_campaign_command(name, year, site, observers, codes, numbers, user) -> None:
    """Create a campaign with its descriptor set and worklist, or add to an existing one."""
    try:
        descriptors = campaigns.descriptors_by_code(_split(codes or ""))
        ids = campaign_setup.accession_ids(_split(numbers or ""))
        campaign, created = campaigns.find(name), False
        if campaign is None:
            values = {"name": name, "year": year, "site": site, "observers": observers}
            campaign, created = campaign_setup.create(values, descriptors, ids, user, "cli"), True
            added = len(ids)
        else:
            added = _extend(campaign, year, descriptors, ids, user)
    except CampaignProblem as problem:
        db.session.rollback()
        raise click.UsageError(str(problem)) from None
    commit()
    click.echo(f"campaign {name} ({year}) {'created' if created else 'updated'}: "
               f"{len(campaign.descriptors)} descriptors, {added} accessions added")


def _extend(campaign, year: int, descriptors: list, ids: list[int], user: str) -> int:
    """Add descriptors and accessions to an existing campaign of the same year."""
    if year != campaign.year:
        raise CampaignProblem(f"campaign {campaign.name!r} is for {campaign.year}, not {year}")
    merged = list({d.id: d for d in [*campaign.descriptors, *descriptors]}.values())
    return campaign_setup.extend(campaign, {}, merged, ids, user, "cli")[1]


@campaign_group.command("template")
@click.argument("name")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
def template_command(name, output) -> None:
    """An Excel sheet of the campaign's worklist, a column per descriptor, with drop-downs."""
    from loaders.campaign_template import write_template

    campaign = campaigns.find(name)
    if campaign is None:
        raise click.UsageError(f"no campaign named {name!r}")
    write_template(campaign, output)
    click.echo(f"wrote {output}: {len(campaign.worklist)} accessions, "
               f"{len(campaign.descriptors)} descriptors")


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]

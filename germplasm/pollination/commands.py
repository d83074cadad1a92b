"""CLI: `germplasm import s-alleles`, `germplasm pollinizers ACCENUMB` and
`germplasm s-alleles groups|check`. The command line sees every accession (as staff)."""
import getpass
import json
import sys

import click
from flask.cli import AppGroup, with_appcontext

from germplasm.accessions.commands import run_import
from germplasm.pollination import services
from germplasm.pollination.advice import pollinizers
from loaders.s_alleles import import_s_alleles

s_alleles_group = AppGroup("s-alleles", help="S-genotypes: incompatibility groups and checks.")


@click.command("s-alleles")
@with_appcontext
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--skip-invalid", is_flag=True, help="Store the valid rows, report the others.")
@click.option("--dry-run", is_flag=True, help="Validate and report; write nothing.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="JSON report.")
@click.option("--encoding", help="Text encoding (default: detect UTF-8 or GBK).")
@click.option("--user", default=getpass.getuser, help="Name recorded in the audit trail.")
def import_s_alleles_command(path, skip_invalid, dry_run, report_path, encoding, user) -> None:
    """Import S-genotypes (CSV, TSV or .xlsx): ACCENUMB (or an accession name), S_GENOTYPE
    (S1S3, S3S4', SeSc, S3S?), SOURCE."""
    run_import(import_s_alleles, report_path, path=path, user=user, skip_invalid=skip_invalid,
               dry_run=dry_run, encoding=encoding)


def pollinizer_json(accenumb: str, found) -> dict:
    return {"for": accenumb, "items": [
        {"accenumb": p.accenumb, "compatibility": p.compatibility,
         "bloom_overlap_days": p.bloom_overlap_days, "years": p.years} for p in found]}


@click.command("pollinizers")
@with_appcontext
@click.argument("accenumb")
@click.option("--top", type=click.IntRange(1, 10000), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help='{"for", "items": [...]}')
def pollinizers_command(accenumb, top, as_json) -> None:
    """Cultivars whose pollen sets fruit on ACCENUMB, compatible before half compatible,
    ranked by the days they bloom together (mean over the years both were observed)."""
    female = _one(accenumb)
    genotype = services.genotype_of(female)
    found = pollinizers(female, genotype, top=top)
    if as_json:
        click.echo(json.dumps(pollinizer_json(female.accenumb, found), ensure_ascii=False))
        return
    if genotype is None or not genotype.known:
        click.echo(f"{female.accenumb} has no known S-genotype: no advice", err=True)
        sys.exit(1)
    click.echo(f"pollinizers for {female.accenumb} ({genotype.text})")
    for p in found:
        days = "-" if p.bloom_overlap_days is None else f"{p.bloom_overlap_days:g} d"
        click.echo(f"{p.accenumb}\t{p.name or ''}\t{p.s_genotype}\t{p.compatibility}\t"
                   f"{days}\t{p.years} years")


def _one(key: str):
    found = services.find_accession(key)
    if len(found) != 1:
        raise click.UsageError(f"no accession {key}" if not found else f"{key} names several "
                               "accessions: give the accession number")
    return found[0]


@s_alleles_group.command("groups")
@click.option("--json", "as_json", is_flag=True, help='{"S1S3": [accenumb, ...], ...}')
def groups_command(as_json) -> None:
    """Incompatibility groups: accessions sharing both S-alleles cannot pollinate each other."""
    found = services.groups()
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    for group, members in found.items():
        click.echo(f"{group}\t{len(members)}\t{' '.join(members)}")


@s_alleles_group.command("check")
@click.option("--json", "as_json", is_flag=True, help='{"parent_conflicts": [...]}')
def check_command(as_json) -> None:
    """Accessions whose S-genotype cannot come from their recorded parents (exit 1 if any)."""
    found = services.parent_conflicts()
    if as_json:
        click.echo(json.dumps({"parent_conflicts": found}, ensure_ascii=False))
    else:
        for c in found:
            click.echo(f"{c['accenumb']}\t{c['reason']}")
        click.echo(f"{len(found)} accession(s) in conflict with their parents")
    sys.exit(1 if found else 0)

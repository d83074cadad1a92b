"""CLI: `germplasm import markers`, `germplasm import genotypes --kind ssr|snp` and
`germplasm fingerprints report --kind ssr|snp`. The command line sees every accession (as staff)."""
import getpass
import json

import click
from flask.cli import AppGroup, with_appcontext

from germplasm.accessions.commands import run_import
from germplasm.fingerprints import report as fingerprint_report
from loaders.snp_genotypes import import_snp_genotypes
from loaders.ssr_genotypes import import_genotypes
from loaders.ssr_markers import import_markers

fingerprints_group = AppGroup("fingerprints",
                              help="SSR and SNP fingerprints: duplicates and mislabels.")
KINDS = click.Choice(["ssr", "snp"])

_common = [
    click.option("--skip-invalid", is_flag=True, help="Store the valid rows, report the others."),
    click.option("--dry-run", is_flag=True, help="Validate and report; write nothing."),
    click.option("--report", "report_path", type=click.Path(dir_okay=False), help="JSON report."),
    click.option("--encoding", help="Text encoding (default: detect UTF-8 or GBK)."),
    click.option("--user", default=getpass.getuser, help="Name recorded on the records."),
]


def common(command):
    for option in reversed(_common):
        command = option(command)
    return command


@click.command("markers")
@with_appcontext
@click.argument("path", type=click.Path(dir_okay=False))
@common
def import_markers_command(path, skip_invalid, dry_run, report_path, encoding, user) -> None:
    """Import the SSR marker catalogue: MARKER, LINKAGE_GROUP, MOTIF, MIN_SIZE, MAX_SIZE (bp)."""
    run_import(import_markers, report_path, path=path, user=user, skip_invalid=skip_invalid,
               dry_run=dry_run, encoding=encoding)


@click.command("genotypes")
@with_appcontext
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--kind", type=KINDS, required=True)
@click.option("--id-column", help="The column naming the accession (default: the first).")
@common
def import_genotypes_command(path, kind, id_column, skip_invalid, dry_run, report_path,
                             encoding, user) -> None:
    """Import genotypes. SSR wide: an accession column, then MARKER_a, MARKER_b … (up to
    MARKER_f) per marker; SSR long: accession, MARKER, SIZE; missing: empty, 0, NA, ?.
    SNP: an accession column, then one column per SNP coded 0/1/2; missing: NA, empty, -, ?."""
    load = import_snp_genotypes if kind == "snp" else import_genotypes
    run_import(load, report_path, path=path, user=user, id_column=id_column,
               skip_invalid=skip_invalid, dry_run=dry_run, encoding=encoding)


@fingerprints_group.command("report")
@click.option("--kind", type=KINDS, default="ssr", show_default=True)
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Largest distance (1 − proportion of shared alleles) for a duplicate.")
@click.option("--min-markers", type=click.IntRange(1), default=1, show_default=True,
              help="Markers (SNPs) typed in both before two accessions can be called duplicates.")
@click.option("--json", "as_json", is_flag=True,
              help='{"duplicates": [[accenumb, ...]], "parent_conflicts": [...], '
                   '"name_conflicts": [...]}')
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write an .xlsx.")
def report_command(kind, threshold, min_markers, as_json, output) -> None:
    """Possible duplicates (near-identical fingerprints), parent–offspring pairs sharing no
    allele at a marker (for SNPs: homozygous for opposite alleles), and same-named accessions
    whose fingerprints differ."""
    found = fingerprint_report.build(threshold, min_markers, kind=kind)
    if output:
        _xlsx(found, output)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    for group in found["duplicates"]:
        click.echo("duplicates\t" + " ".join(group))
    for c in found["parent_conflicts"]:
        more = c.get("count", len(c["markers"])) - len(c["markers"])
        click.echo(f"parent conflict\t{c['accenumb']}\t{c['parent']}\t{' '.join(c['markers'])}"
                   + (f" (+{more} more)" if more else ""))
    names = found.get("name_conflicts")  # reports without name matching leave it out
    for c in names or []:
        click.echo(f"name conflict\t{c['name']}\t{' '.join(c['accessions'])}\t"
                   f"distance {c['distance']} over {c['markers_compared']} marker(s)")
    click.echo(f"{len(found['duplicates'])} duplicate group(s), "
               f"{len(found['parent_conflicts'])} parent conflict(s)"
               + (f", {len(names)} name conflict(s)" if names is not None else ""))

def _xlsx(found: dict, path: str) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "duplicates"
    sheet.append(["GROUP", "ACCENUMB"])
    for number, group in enumerate(found["duplicates"], 1):
        for accenumb in group:
            sheet.append([number, accenumb])
    conflicts = book.create_sheet("parent_conflicts")
    conflicts.append(["ACCENUMB", "PARENT", "MARKERS"])
    for c in found["parent_conflicts"]:
        conflicts.append([c["accenumb"], c["parent"], " ".join(c["markers"])])
    if "name_conflicts" in found:
        _name_sheet(book, found["name_conflicts"])
    book.save(path)


def _name_sheet(book, conflicts: list[dict]) -> None:
    sheet = book.create_sheet("name_conflicts")
    sheet.append(["NAME", "ACCESSIONS", "DISTANCE", "MARKERS_COMPARED"])
    for c in conflicts:
        sheet.append([c["name"], " ".join(c["accessions"]), c["distance"], c["markers_compared"]])

"""CLI: `germplasm labels trees|lots -o labels.html`: the label sheets of /labels/trees and
/labels/lots written to a file, for printing where the site is not at hand."""
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from germplasm.inventory import labels

labels_group = AppGroup("labels", help="Printable labels with QR codes (A4 sheets, HTML).")

_base_url = click.option(
    "--base-url", envvar="GERMPLASM_BASE_URL", default="http://127.0.0.1:5000",
    show_default=True, help="The site's address the QR codes open (env GERMPLASM_BASE_URL).")
_output = click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
                       help="The HTML file to write.")
_lang = click.option("--lang", type=click.Choice(["zh_CN", "en"]), default="zh_CN",
                     show_default=True, help="Language of the labels' words.")


def _write(output: str, base_url: str, lang: str, build) -> None:
    """Render in a request for base_url, so the sheet and its QR codes are the site's."""
    with current_app.test_request_context("/", base_url=base_url,
                                          query_string={"lang": lang}):
        current_app.preprocess_request()  # the locale and the per-request resets
        try:
            made, html = build()
        except labels.LabelProblem as problem:
            click.echo(f"error: {problem}", err=True)
            sys.exit(2)
    Path(output).write_text(html, encoding="utf-8")
    pages = -(-made // labels.PER_SHEET)
    click.echo(f"wrote {made} labels on {pages} A4 pages to {output}")


@labels_group.command("trees")
@click.option("--accenumb", multiple=True, help="Accession number (repeatable).")
@click.option("--block", help="Only the trees of this block.")
@_output
@_base_url
@_lang
def trees_command(accenumb, block, output, base_url, lang) -> None:
    """Labels for the living trees of accessions and/or a block."""
    if not accenumb and not block:
        raise click.UsageError("give --accenumb or --block")

    def build():
        made = labels.tree_labels(labels.living_trees(list(accenumb), block))
        title = labels.tree_sheet_title(list(accenumb), block)
        return len(made), labels.render_sheet(made, title)

    _write(output, base_url, lang, build)


@labels_group.command("lots")
@click.option("--lot", "specs", multiple=True, required=True,
              help="LOT or LOT:QUANTITY, one packet label each (repeatable).")
@click.option("--request", "request_number", help="Request number printed on each packet.")
@_output
@_base_url
@_lang
def lots_command(specs, request_number, output, base_url, lang) -> None:
    """Packet labels for lots: lot, accession, names, material, quantity, request number."""
    def build():
        made = labels.packet_labels(labels.packets(list(specs)), request_number)
        return len(made), labels.render_sheet(made, labels.packet_sheet_title(request_number))

    _write(output, base_url, lang, build)

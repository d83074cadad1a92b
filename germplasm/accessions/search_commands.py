"""CLI: `germplasm search` and `germplasm reindex`."""
import json

import click
from flask.cli import with_appcontext

from germplasm.extensions import db
from search import accession_index
from search.engine import find, page_of
from search.params import build_request
from search.query import QueryProblem
from search.screening import extremes, parse_criterion, selection_index
from search.snapshot import get_snapshot


@click.command("search")
@with_appcontext
@click.argument("query", required=False, default="")
@click.option("--trait", "traits", multiple=True, help="CODE:min..max or CODE:a|b (repeat).")
@click.option("--species", multiple=True)
@click.option("--origin", multiple=True, help="ISO 3166 alpha-3 code.")
@click.option("--province", multiple=True)
@click.option("--sampstat", multiple=True)
@click.option("--storage", multiple=True)
@click.option("--sort", default="", help="relevance, accenumb, CODE or -CODE.")
@click.option("--page", default=1, type=int)
@click.option("--per-page", default=20, type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON.")
@click.option("--restricted/--public-only", default=True,
              help="The CLI is a curator's tool: restricted accessions are included.")
@click.option("--lang", default="zh_CN", help="Language of facet labels.")
def search_command(query, traits, species, origin, province, sampstat, storage, sort, page,
                   per_page, as_json, restricted, lang) -> None:
    """Search the catalogue by text, traits and filters."""
    try:
        request = build_request(query, traits, sort, page, per_page, species=species,
                                origin=origin, province=province, sampstat=sampstat,
                                storage=storage)
    except QueryProblem as problem:
        raise click.BadParameter(str(problem), param_hint=f"--{problem.parameter}") from None
    result = page_of(find(request, can_see_restricted=restricted), request, lang)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2,
                              default=lambda moment: moment.isoformat()))  # updated_at
    else:
        _print(result)


def _print(result: dict) -> None:
    click.echo(f"{result['total']} accessions (page {result['page']}, from the "
               f"{result['source']})")
    for item in result["items"]:
        traits = " ".join(f"{k}={v}" for k, v in item["traits"].items())
        click.echo(f"{item['accenumb']:<12} {'; '.join(item['names'])[:40]:<40} "
                   f"{item['species']:<24} {traits}")


@click.command("reindex")
@with_appcontext
def reindex_command() -> None:
    """Rebuild the search index from the database."""
    count = accession_index.rebuild(release=db.session.expunge_all)
    click.echo(f"indexed {count} accessions in {accession_index.index_dir()}")


@click.command("screen")
@with_appcontext
@click.option("--trait", "criteria", multiple=True,
              help="CODE:+W (higher is better), CODE:-W (lower) or CODE:~TARGET[:W] (closest).")
@click.option("--filter", "filters", multiple=True, help="A trait filter applied first.")
@click.option("--extreme", help="CODE:top:PERCENT or CODE:bottom:PERCENT instead of an index.")
@click.option("--species", multiple=True)
@click.option("--origin", multiple=True)
@click.option("--top", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True)
def screen_command(criteria, filters, extreme, species, origin, top, as_json) -> None:
    """Rank accessions by a weighted selection index, or list a trait's extremes."""
    try:
        request = build_request("", filters, species=species, origin=origin)
        snap = get_snapshot()
        if extreme:
            result = extremes(request, extreme, can_see_restricted=True, limit=top)
        else:
            parsed = [parse_criterion(c, snap) for c in criteria]
            result = selection_index(request, parsed, top, can_see_restricted=True)
    except QueryProblem as problem:
        raise click.BadParameter(str(problem), param_hint=f"--{problem.parameter}") from None
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(f"{result['total']} accessions qualify")
    for rank, item in enumerate(result["items"], start=1):
        score = item.get("index", item.get("value"))
        click.echo(f"{rank:>4} {item['accenumb']:<12} {'; '.join(item['names'])[:36]:<36} "
                   f"{score:>8}")

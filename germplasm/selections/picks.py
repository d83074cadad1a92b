"""Which accessions a form asks for: ids, numbers, or every result of a search."""
from urllib.parse import parse_qsl

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from germplasm.accessions import queries
from germplasm.accounts.permissions import restricted_scope
from germplasm.selections.services import MAX_ITEMS, SelectionProblem
from search.query import QueryProblem


def picked_ids(form: MultiDict) -> list[int]:
    """The visible accessions a form names (`accession` ids, `accenumb` numbers) or, with
    `query`, all results of that search. An unknown one is an error, never skipped."""
    ids = [_by_id(value) for value in form.getlist("accession") if value.strip()]
    numbers = form.getlist("accenumb") + form.getlist("a")  # `a`: compare's parameter
    ids += [_by_number(value) for value in numbers if value.strip()]
    if form.get("query") is not None:
        ids += search_ids(form["query"])
    return ids


def _by_id(value: str) -> int:
    text = value.strip()
    found = (queries.find_by_id(int(text), restricted_scope())
             if text.isascii() and text.isdigit() and len(text) < 10 else None)
    if found is None:
        raise SelectionProblem(_("No accession has the id %(id)s.", id=text[:40]))
    return found.id


def _by_number(value: str) -> int:
    found = queries.find(value.strip(), restricted_scope())
    if found is None:
        raise SelectionProblem(_("No accession has the number %(n)s.", n=value.strip()[:100]))
    return found.id


def search_ids(query_string: str) -> list[int]:
    """Every accession the search page would show for this query string."""
    from germplasm.accessions.search_views import current_search
    from search.engine import find

    args = MultiDict(parse_qsl(query_string.lstrip("?"), keep_blank_values=True))
    try:
        matches = find(current_search(args=args), can_see_restricted=restricted_scope())
    except QueryProblem as problem:
        raise SelectionProblem(f"{problem.parameter}: {problem}") from problem
    positions = matches.positions
    if len(positions) > MAX_ITEMS:
        raise SelectionProblem(_("A selection holds at most %(n)s accessions.", n=MAX_ITEMS))
    return [int(i) for i in matches.snapshot.ids[positions]]

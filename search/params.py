"""Build a SearchRequest from query parameters (HTTP) or options (CLI), shared by both."""
from germplasm.evaluations.models import Descriptor
from germplasm.extensions import db
from search.messages import gettext as _
from search.query import (
    QueryProblem,
    SearchRequest,
    check_page,
    check_sort,
    parse_trait,
    split_query,
)

FILTER_PARAMS = ("species", "origin", "province", "sampstat", "storage", "genus", "selection",
                 "accenumb", "instcode")
WHOLE = ("accenumb",)  # values never split at commas: an accession number may hold one


def descriptor_table() -> dict[str, Descriptor]:
    return {d.code: d for d in db.session.scalars(db.select(Descriptor))}


def build_request(q: str = "", traits=(), sort: str = "", page=1, per_page=20,
                  historic=None, restricted=None, descriptors=None, updated_since=None,
                  **filters) -> SearchRequest:
    """Raises QueryProblem naming the parameter at fault. `descriptors` saves loading the
    descriptor table again when the caller already has it."""
    descriptors = descriptors or descriptor_table()
    request = SearchRequest()
    split_query(q, descriptors, request)
    request.traits += [parse_trait(t, descriptors) for t in traits if t]
    for name in FILTER_PARAMS:
        values = [v for v in _as_list(filters.get(name), name not in WHOLE) if v]
        if values:
            request.filters.setdefault(name, []).extend(values)
    request.historic, request.restricted = _flag("historic", historic), _flag(
        "restricted", restricted)
    request.updated_since = updated_since
    request.sort = check_sort(sort, descriptors)
    request.page, request.per_page = check_page(page, per_page)
    return request


def _as_list(value, split: bool = True) -> list[str]:
    """`storage=10,11`, `storage=10&storage=11` and a CLI tuple all mean the same."""
    if value is None:
        return []
    values = [value] if isinstance(value, str) else value
    if not split:
        return [str(v).strip() for v in values]
    return [part.strip() for v in values for part in str(v).split(",")]


def _flag(name: str, value) -> bool | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        return value
    text = str(value).lower()
    if text in ("1", "true", "yes", "y"):
        return True
    if text in ("0", "false", "no", "n"):
        return False
    raise QueryProblem(name, _("'%(value)s': use true or false", value=value))

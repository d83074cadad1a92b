"""Compare up to six accessions side by side; the ripening calendar of a set of accessions."""
from flask import abort, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _

from germplasm.accessions import queries
from germplasm.accessions.calendar_rows import (
    Axis,
    add_names,
    chosen,
    harvest_rows,
    page_numbers,
)
from germplasm.accessions.photos import first_photos
from germplasm.accessions.presenters import passport
from germplasm.accessions.search_views import current_search
from germplasm.accessions.views import bp
from germplasm.accounts.permissions import exact_coordinates, restricted_scope
from germplasm.evaluations import differences, grades
from germplasm.evaluations.display import grade_label, grade_spread, trait_value
from germplasm.evaluations.queries import trait_table
from germplasm.evaluations.scale_words import unit_label
from search.engine import find
from search.query import QueryProblem
from search.snapshot import get_snapshot

MAX_COMPARED = 6
CALENDAR_PAGE = 100


def _accessions(numbers: list[str]):
    found = [queries.find(n, restricted_scope()) for n in dict.fromkeys(numbers)]
    return [a for a in found if a is not None]


@bp.get("/compare")
def compare():
    numbers = [n.strip() for value in request.args.getlist("a") for n in value.split(",")
               if n.strip()] + _selection_numbers()
    if len(numbers) > MAX_COMPARED:
        abort(400, _("Compare at most %(n)s accessions.", n=MAX_COMPARED))
    accessions = _accessions(numbers)
    locale = str(get_locale())
    photos = first_photos([a.id for a in accessions], restricted_scope()) if accessions else {}
    columns = [{"accession": a, "passport": dict(passport(a, locale, exact=exact_coordinates(a))),
                "photo": photos.get(a.id),
                "traits": {row["descriptor"].code: row for row in trait_table(a.id)}}
               for a in accessions]
    return render_template("accessions/compare.html", columns=columns, numbers=numbers,
                           passport_rows=_union(c["passport"] for c in columns),
                           trait_rows=_trait_rows(columns),
                           share=round(differences.SHARE_OF_RANGE * 100), sds=differences.NOISE_SDS)


def _selection_numbers() -> list[str]:
    """The accession numbers of `selection=TOKEN` (a 400 for an unknown link)."""
    from germplasm.selections.services import accession_ids_of

    try:
        ids = [i for token in request.args.getlist("selection") for i in accession_ids_of(token)]
    except QueryProblem as problem:
        abort(400, f"{problem.parameter}: {problem}")
    found = [queries.find_by_id(i, restricted_scope()) for i in ids[:MAX_COMPARED + 1]]
    return [a.accenumb for a in found if a is not None]


def _union(dicts) -> list[str]:
    keys = {}
    for mapping in dicts:
        keys.update(dict.fromkeys(mapping))
    return list(keys)


def _trait_rows(columns) -> list[dict]:
    """Each trait any compared accession has: its cells, and whether the difference matters
    (see germplasm.evaluations.differences for the rule the page states)."""
    descriptors = {}
    for column in columns:
        for code, row in column["traits"].items():
            descriptors.setdefault(code, row["descriptor"])
    snap = get_snapshot() if descriptors else None
    return [_trait_row(d, columns, snap) for d in descriptors.values()]


def _trait_row(descriptor, columns, snap) -> dict:
    rows = [c["traits"].get(descriptor.code) for c in columns]
    overall = [row["overall"] if row else None for row in rows]
    if grades.is_graded(descriptor):
        return {"descriptor": descriptor, "gap": None,
                "differs": differences.differs(descriptor, overall, 0),
                "cells": [_grade_cell(descriptor, row) for row in rows]}
    gap = differences.threshold(descriptor, snap, restricted_scope())
    return {"descriptor": descriptor, "gap": _gap_text(descriptor, gap),
            "differs": differences.differs(descriptor, overall, gap),
            "cells": [{"value": trait_value(s.mean, descriptor)} if s and s.mean is not None
                      else None for s in overall]}


def _grade_cell(descriptor, row) -> dict | None:
    found = grades.of_summary(row["overall"], descriptor, row["years"]) if row else None
    return {"value": grade_label(found.mode, descriptor),
            "spread": grade_spread(found, descriptor)} if found else None


def _gap_text(descriptor, gap: float) -> str:
    if descriptor.data_type == "Date":
        return _("%(n)s days", n=round(gap))
    unit = f" {unit_label(descriptor.unit)}" if descriptor.unit else ""
    return f"{trait_value(gap, descriptor)}{unit}"


@bp.get("/calendar")
def calendar():
    """Harvest windows of every accession the search selects (or those named by `a`),
    earliest first, CALENDAR_PAGE rows a page, each mean drawn at its exact day."""
    try:
        search = current_search(get_snapshot().descriptors)  # not the table again
        matches = find(search, can_see_restricted=restricted_scope())  # filters check values too
    except QueryProblem as problem:
        abort(400, f"{problem.parameter}: {problem}")
    positions = chosen(matches, _selected_numbers())
    rows = harvest_rows(matches.snapshot, positions)
    start = (search.page - 1) * CALENDAR_PAGE
    shown = rows[start:start + CALENDAR_PAGE]
    add_names(shown)
    axis = Axis.of(rows)
    axis.place(shown)
    pages = max(1, -(-len(rows) // CALENDAR_PAGE))
    query = request.args.to_dict(flat=False)
    query.pop("page", None)
    return render_template("accessions/calendar.html", rows=shown, total=len(rows),
                           matched=len(positions), first=start + 1,
                           last=start + len(shown), page=search.page,
                           pages=pages, page_numbers=page_numbers(search.page, pages),
                           axis=axis, query=query, args=request.args)


def _selected_numbers() -> set[str]:
    return {n.strip() for value in request.args.getlist("a") for n in value.split(",")
            if n.strip()}

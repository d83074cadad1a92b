"""Compare up to six accessions side by side; the ripening calendar of a set of accessions."""
from datetime import date, timedelta

from flask import abort, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _

from germplasm.accessions import queries
from germplasm.accessions.presenters import passport
from germplasm.accessions.views import bp
from germplasm.accounts.permissions import is_staff
from germplasm.evaluations import differences, grades
from germplasm.evaluations.display import grade_label, grade_spread, trait_value
from germplasm.evaluations.queries import trait_table
from search.engine import find
from search.params import FILTER_PARAMS, build_request
from search.query import QueryProblem
from search.snapshot import get_snapshot

MAX_COMPARED = 6


def _accessions(numbers: list[str]):
    found = [queries.find(n, is_staff()) for n in dict.fromkeys(numbers)]
    return [a for a in found if a is not None]


@bp.get("/compare")
def compare():
    numbers = [n.strip() for value in request.args.getlist("a") for n in value.split(",")
               if n.strip()]
    if len(numbers) > MAX_COMPARED:
        abort(400, _("Compare at most %(n)s accessions.", n=MAX_COMPARED))
    accessions = _accessions(numbers)
    locale = str(get_locale())
    columns = [{"accession": a, "passport": dict(passport(a, locale, exact=is_staff())),
                "traits": {row["descriptor"].code: row for row in trait_table(a.id)}}
               for a in accessions]
    return render_template("accessions/compare.html", columns=columns, numbers=numbers,
                           passport_rows=_union(c["passport"] for c in columns),
                           trait_rows=_trait_rows(columns),
                           share=round(differences.SHARE_OF_RANGE * 100), sds=differences.NOISE_SDS)


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
    gap = differences.threshold(descriptor, snap, is_staff())
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
    unit = f" {descriptor.unit}" if descriptor.unit else ""
    return f"{trait_value(gap, descriptor)}{unit}"


@bp.get("/calendar")
def calendar():
    """Harvest windows week by week, for the accessions a search selects (or those named)."""
    try:
        search = build_request(request.args.get("q", ""), request.args.getlist("trait"),
                               per_page=100,
                               **{n: request.args.getlist(n) for n in FILTER_PARAMS})
        matches = find(search, can_see_restricted=is_staff())  # filters check values too
    except QueryProblem as problem:
        abort(400, f"{problem.parameter}: {problem}")
    selected = _selected_numbers()
    if selected:  # accessions picked by number, e.g. from a comparison
        keep = set(selected)
        matches.positions = matches.positions[
            [str(matches.snapshot.accenumb[p]) in keep for p in matches.positions]]
    harvest = matches.snapshot.means.get("HARVEST_DATE")
    rows = _windows(matches, harvest) if harvest is not None else []
    return render_template("accessions/calendar.html", rows=rows[:200], total=len(rows),
                           weeks=_weeks(rows), args=request.args)


def _selected_numbers() -> set[str]:
    return {n.strip() for value in request.args.getlist("a") for n in value.split(",")
            if n.strip()}


def _windows(matches, harvest) -> list[dict]:
    from germplasm.evaluations.models import ALL_YEARS, Descriptor, TraitSummary
    from germplasm.extensions import db

    snap = matches.snapshot
    positions = [p for p in matches.positions if harvest[p] == harvest[p]]  # not NaN
    ids = [int(snap.ids[p]) for p in positions]
    spans = dict(((a, (low, high)) for a, low, high in db.session.execute(
        db.select(TraitSummary.accession_id, TraitSummary.min, TraitSummary.max)
        .join(Descriptor).where(Descriptor.code == "HARVEST_DATE",
                                TraitSummary.year == ALL_YEARS,
                                TraitSummary.accession_id.in_(ids)))))
    rows = [{"accenumb": str(snap.accenumb[p]), "mean": float(harvest[p]),
             "first": spans[i][0], "last": spans[i][1]} for p, i in zip(positions, ids,
                                                                         strict=True)]
    return sorted(rows, key=lambda r: (r["first"], r["mean"]))


def _weeks(rows) -> list[dict]:
    """Week columns from the earliest to the latest harvest day seen."""
    if not rows:
        return []
    first, last = int(min(r["first"] for r in rows)), int(max(r["last"] for r in rows))
    start = first - (first - 1) % 7
    return [{"start": day, "end": day + 6,
             "label": (date(2025, 1, 1) + timedelta(days=day - 1)).strftime("%m-%d")}
            for day in range(start, last + 1, 7)]

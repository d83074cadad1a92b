"""What the accession page shows beyond passport data: traits, charts, history, map."""
from flask import current_app, url_for

from germplasm.accessions.visibility import Scope
from germplasm.evaluations import charts, grades, queries
from germplasm.evaluations.display import category_links, grade_label, grade_spread, trait_value
from germplasm.evaluations.models import Descriptor
from search.snapshot import get_snapshot

CHART_TRAITS = ("HARVEST_DATE", "FRUIT_WEIGHT", "SSC", "FIRMNESS", "FULL_BLOOM_DATE",
                "YIELD_PER_TREE", "TITRATABLE_ACIDITY", "FRUIT_CRACKING")


def trait_context(accession_id: int, locale: str, format_value, can_see_restricted: Scope) -> dict:
    table = queries.trait_table(accession_id)
    years = queries.years_of(table)
    for row in table:  # the cells of the table: overall, then each year
        row["cells"] = [row["overall"]] + [row["years"].get(year) for year in years]
        row["grades"] = _grade_cells(row, years) if grades.is_graded(row["descriptor"]) else None
    return {
        "traits": table,
        "trait_years": years,
        "charts": _charts(table, locale, format_value, can_see_restricted),
        "history": queries.history(accession_id),
    }


def _grade_cells(row: dict, years: list[int]) -> list[dict | None]:
    """Each cell of a graded trait: its grade (中 (5)) and how often each grade was seen;
    the overall cell counts the years."""
    descriptor = row["descriptor"]
    cells = [grades.of_summary(row["overall"], descriptor, row["years"])]
    cells += [grades.of_summary(row["years"].get(year), descriptor) for year in years]
    return [{"grade": grade_label(g.mode, descriptor), "spread": grade_spread(g, descriptor)}
            if g else None for g in cells]


def _charts(table: list[dict], locale: str, format_value, can_see_restricted: Scope) -> list[dict]:
    by_code = {row["descriptor"].code: row for row in table if row["overall"]}
    result, snap = [], None
    for code in CHART_TRAITS:
        row = by_code.get(code)
        if row is None:
            continue
        descriptor: Descriptor = row["descriptor"]
        snap = snap or get_snapshot()  # one for all the charts
        if grades.is_graded(descriptor):
            chart = _grade_chart(row, locale, can_see_restricted, snap)
            result += [chart] if chart else []
            continue
        if row["overall"].mean is None:
            continue
        values = queries.distribution(descriptor, can_see_restricted, snap)
        mean = row["overall"].mean
        label = f"{descriptor.name(locale)}: {format_value(mean, descriptor)}"
        result.append({
            "descriptor": descriptor, "value": mean,
            "percentile": charts.percentile(values, mean), "n": len(values),
            "svg": charts.histogram(values, mean, label,
                                    format_value=lambda v, d=descriptor: format_value(v, d)),
        })
    return result


def _grade_chart(row: dict, locale: str, can_see_restricted: Scope, snap) -> dict | None:
    """The collection's accessions per grade, one bar each, this accession's grade marked."""
    descriptor, mode = row["descriptor"], row["overall"].mode
    if mode is None:
        return None
    counts = queries.mode_counts(descriptor, can_see_restricted, snap)
    bars = grades.collection_bars(descriptor, counts)
    links = category_links(descriptor)
    own = next((i for i, (grade, _) in enumerate(bars) if grade == mode), None)
    label = f"{descriptor.name(locale)}: {grade_label(mode, descriptor)}"
    drawn = [(trait_value(grade, descriptor), count, links[grade]) for grade, count in bars]
    return {"descriptor": descriptor, "grade": grade_label(mode, descriptor),
            "same": counts.get(mode, 0), "n": sum(counts.values()),
            "svg": charts.grade_bars(drawn, own, label)}


def map_context(position: tuple[float | None, float | None]) -> dict:
    latitude, longitude = position
    return {"map": {"lat": latitude, "lon": longitude, **outline_urls()}
            if latitude is not None and longitude is not None else None}


def outline_urls() -> dict:
    """What every map draws on: the vendored outlines, and tiles when configured."""
    return {"countries": url_for("static", filename="vendor/outlines/countries-110m.json"),
            "provinces": url_for("static", filename="vendor/outlines/china-provinces.geojson"),
            "tiles": current_app.config.get("GERMPLASM_MAP_TILES", "")}

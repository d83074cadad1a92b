"""What the accession page shows beyond passport data: traits, charts, history, map."""
from flask import current_app

from germplasm.evaluations import charts, queries
from germplasm.evaluations.models import Descriptor
from search.snapshot import get_snapshot

CHART_TRAITS = ("HARVEST_DATE", "FRUIT_WEIGHT", "SSC", "FIRMNESS", "FULL_BLOOM_DATE",
                "YIELD_PER_TREE", "TITRATABLE_ACIDITY", "FRUIT_CRACKING")


def trait_context(accession_id: int, locale: str, format_value, can_see_restricted: bool) -> dict:
    table = queries.trait_table(accession_id)
    years = queries.years_of(table)
    for row in table:  # the cells of the table: overall, then each year
        row["cells"] = [row["overall"]] + [row["years"].get(year) for year in years]
    return {
        "traits": table,
        "trait_years": years,
        "charts": _charts(table, locale, format_value, can_see_restricted),
        "history": queries.history(accession_id),
    }


def _charts(table: list[dict], locale: str, format_value, can_see_restricted: bool) -> list[dict]:
    by_code = {row["descriptor"].code: row for row in table if row["overall"]}
    result, snap = [], None
    for code in CHART_TRAITS:
        row = by_code.get(code)
        if row is None or row["overall"].mean is None:
            continue
        descriptor: Descriptor = row["descriptor"]
        snap = snap or get_snapshot()  # one for all the charts
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


def map_context(position: tuple[float | None, float | None]) -> dict:
    latitude, longitude = position
    return {"map": {"lat": latitude, "lon": longitude,
                    "tiles": current_app.config.get("GERMPLASM_MAP_TILES", "")}
            if latitude is not None and longitude is not None else None}

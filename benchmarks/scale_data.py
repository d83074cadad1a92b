"""The catalogue of benchmarks/scale.py: demo accessions and twenty years of evaluations.

Passport rows come from ``loaders.demo.generate_rows`` and observation values from
``loaders.demo_observations.generate_campaigns`` (their distributions, shaped by species,
origin and name, with year effects and replicate noise). The accessions other than the
check (WSL00001) are split into cohorts, one starting each year; a cohort is evaluated in
its first two years on the descriptors of DESCRIPTORS (about 11 rows per accession and year,
after the generator's 10 % of blank cells), so every accession gets observations and trait
summaries. The check cultivar is recorded on every descriptor in every year, as the demo
does, which makes its page the heaviest.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from report import import_search_package  # noqa: F401  (the `search` package before the app)

from loaders.demo import generate_rows
from loaders.demo_catalogue import DEMO_INSTITUTE
from loaders.demo_observation_data import CHECK_ACCESSION
from loaders.demo_observations import generate_campaigns

SEED = 0
YEARS = range(2006, 2026)
# Date, numerical (three replicate fruits), nominal and ordinal: the traits search filters,
# sorts and counts in facets, and the accession page charts.
DESCRIPTORS = frozenset(("FULL_BLOOM_DATE", "HARVEST_DATE", "FRUIT_WEIGHT", "SSC",
                         "FLESH_COLOR", "SKIN_COLOR", "FLESH_TEXTURE", "FRUIT_CRACKING"))
# What the observation generator reads of a passport row.
PROFILE_FIELDS = ("ACCENUMB", "ACCENAME", "SPECIES", "SAMPSTAT", "ORIGCTY", "COLLSITE",
                  "DECLATITUDE", "REMARKS")


@dataclass
class CampaignChunk:
    name: str
    year: int
    site: str
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (sheet row number, cells), as a file gives them
    accessions: int


def passport_rows(n: int) -> list[dict[str, str]]:
    return generate_rows(n, SEED, DEMO_INSTITUTE["code"])


def profile_rows(passport: list[dict[str, str]]) -> list[dict[str, str]]:
    """What the observation generator needs of each accession. HISTORIC is left out: the
    generator stops evaluating historic accessions whose trees died, and here every
    accession is to have observations."""
    return [{f: row.get(f, "") for f in PROFILE_FIELDS} for row in passport]


def cohorts(profiles: list[dict], years: range = YEARS) -> list[tuple[range, list[dict]]]:
    """(the two years evaluated, accessions) per cohort; the check is in none of them."""
    others = [p for p in profiles if p["ACCENUMB"] != CHECK_ACCESSION]
    count = len(years) - 1
    return [(range(years[c], years[c] + 2), others[c * len(others) // count:
                                                   (c + 1) * len(others) // count])
            for c in range(count)]


def check_chunks(profiles: list[dict], years: range = YEARS) -> list[CampaignChunk]:
    """The check cultivar's full sheets, one per year."""
    check = [p for p in profiles if p["ACCENUMB"] == CHECK_ACCESSION]
    return [_chunk(c, 1) for c in generate_campaigns(check, SEED, years, per_year=1)]


def cohort_chunks(years: range, accessions: list[dict], block: int) -> Iterator[CampaignChunk]:
    """Blocks of `block` accessions: each block's first year, then its second."""
    for start in range(0, len(accessions), block):
        chosen = accessions[start:start + block]
        for campaign in generate_campaigns(chosen, SEED, years, per_year=len(chosen)):
            campaign.rows = [r for r in campaign.rows if r["DESCRIPTOR"] in DESCRIPTORS]
            yield _chunk(campaign, len(chosen))


def _chunk(campaign, accessions: int) -> CampaignChunk:
    headers = list(campaign.rows[0])
    rows = [(number, [row[h] for h in headers]) for number, row in enumerate(campaign.rows, 2)]
    return CampaignChunk(campaign.name, campaign.year, campaign.site, headers, rows, accessions)

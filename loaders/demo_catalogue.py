"""Load the synthetic demo catalogue through the same validation and services as an import."""
from germplasm.accessions.mcpd_fields import ALL_COLUMNS
from germplasm.accessions.models import Accession, Institute
from germplasm.extensions import db
from loaders.demo import generate_rows
from loaders.demo_observations import generate_campaigns
from loaders.mcpd import store_rows, validate_rows
from loaders.observations import import_rows
from loaders.report import ImportReport

DEMO_PHOTOS = 24  # drawings, so the gallery and result thumbnails have something to show

DEMO_INSTITUTE = {
    "code": "CHN385",
    "name_zh": "巫山县李种质资源圃（演示）",
    "name_en": "Wushan County Plum Germplasm Nursery (demo)",
    "address": "重庆市巫山县",
}


def load_demo(n: int, seed: int, user: str, if_empty: bool = False,
              evaluations: bool = True) -> tuple[ImportReport, ImportReport] | None:
    """Accessions, then (unless told not to) five years of evaluation campaigns."""
    if if_empty and db.session.scalar(db.select(Accession.id).limit(1)) is not None:
        return None
    _ensure_institute()
    mcpd = generate_rows(n, seed, DEMO_INSTITUTE["code"])
    columns = dict(enumerate(ALL_COLUMNS))
    rows = [(number, [row.get(c, "") for c in ALL_COLUMNS]) for number, row in
            enumerate(mcpd, 2)]
    report = ImportReport()
    valid = validate_rows(rows, columns, len(ALL_COLUMNS), report)
    report = store_rows(valid, report, user=user, source=f"demo seed {seed}",
                        skip_invalid=False, is_demo=True)
    observations = ImportReport()
    if evaluations and report.written:
        observations = _load_observations(mcpd, seed, user)
    if report.written:
        from loaders.demo_photos import add_demo_photos

        add_demo_photos(DEMO_PHOTOS, seed, user)
        from loaders.demo_inventory import add_demo_inventory

        add_demo_inventory(seed, user)
        from loaders.demo_requests import add_demo_requests

        add_demo_requests(seed, user)
        from loaders.demo_sequences import add_demo_sequences

        add_demo_sequences(seed, user)
        from loaders.demo_s_alleles import add_demo_s_alleles

        add_demo_s_alleles(seed, user)
        from loaders.demo_fingerprints import add_demo_fingerprints

        add_demo_fingerprints(seed, user)
        from loaders.demo_lists import add_demo_lists

        add_demo_lists()
        from loaders.demo_core import add_demo_core

        add_demo_core()
    return report, observations


def _load_observations(mcpd: list[dict], seed: int, user: str) -> ImportReport:
    report = ImportReport()
    for campaign in generate_campaigns(mcpd, seed):
        headers = list(campaign.rows[0]) if campaign.rows else ["ACCENUMB"]
        rows = [(number, [row[h] for h in headers])
                for number, row in enumerate(campaign.rows, 2)]
        import_rows(headers, rows, report, campaign=campaign.name, year=campaign.year,
                    site=campaign.site, user=user, source=f"demo seed {seed}")
    report.written = not report.rejected
    return report


def _ensure_institute() -> None:
    if db.session.scalar(db.select(Institute).filter_by(code=DEMO_INSTITUTE["code"])) is None:
        db.session.add(Institute(**DEMO_INSTITUTE))
        db.session.flush()

"""Load the synthetic demo catalogue through the same validation and services as an import."""
from germplasm.accessions.mcpd_fields import ALL_COLUMNS
from germplasm.accessions.models import Accession, Institute
from germplasm.extensions import db
from loaders.demo import generate_rows
from loaders.mcpd import store_rows, validate_rows
from loaders.report import ImportReport

DEMO_INSTITUTE = {
    "code": "CHN385",
    "name_zh": "巫山县李种质资源圃（演示）",
    "name_en": "Wushan County Plum Germplasm Nursery (demo)",
    "address": "重庆市巫山县",
}


def load_demo(n: int, seed: int, user: str, if_empty: bool = False) -> ImportReport | None:
    if if_empty and db.session.scalar(db.select(Accession.id).limit(1)) is not None:
        return None
    _ensure_institute()
    columns = dict(enumerate(ALL_COLUMNS))
    rows = [(number, [row.get(c, "") for c in ALL_COLUMNS])
            for number, row in enumerate(generate_rows(n, seed, DEMO_INSTITUTE["code"]), 2)]
    report = ImportReport()
    valid = validate_rows(rows, columns, len(ALL_COLUMNS), report)
    return store_rows(valid, report, user=user, source=f"demo seed {seed}",
                      skip_invalid=False, is_demo=True)


def _ensure_institute() -> None:
    if db.session.scalar(db.select(Institute).filter_by(code=DEMO_INSTITUTE["code"])) is None:
        db.session.add(Institute(**DEMO_INSTITUTE))
        db.session.flush()

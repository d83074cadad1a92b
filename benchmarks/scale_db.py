"""benchmarks/scale.py's database after the load: VACUUM ANALYZE, counts, size."""
from __future__ import annotations

import time

from report import import_search_package  # noqa: F401  (the `search` package before the app)
from scale_load import make_app
from sqlalchemy import create_engine, text

from germplasm.extensions import db

COUNTS = {
    "accessions": "SELECT count(*) FROM accessions",
    "observations": "SELECT count(*) FROM observations",
    "campaigns": "SELECT count(*) FROM campaigns",
    "trait summaries": "SELECT count(*) FROM trait_summaries",
    "accessions with trait summaries": "SELECT count(DISTINCT accession_id) "
                                       "FROM trait_summaries WHERE year = 0",
    "WSL00001 observations": "SELECT count(*) FROM observations o JOIN accessions a "
                             "ON a.id = o.accession_id WHERE a.accenumb = 'WSL00001'",
}


def vacuum_and_count(url: str, index_dir: str) -> dict:
    """VACUUM ANALYZE (what autovacuum would do in time), then counts to check the load."""
    with make_app(url, index_dir).app_context():
        start = time.perf_counter()
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE"))
        vacuum_s = time.perf_counter() - start
        with db.engine.connect() as connection:
            counts = {k: connection.execute(text(q)).scalar_one() for k, q in COUNTS.items()}
        db.engine.dispose()
    return {"vacuum_s": vacuum_s, "counts": counts}


SIZE_QUERY = """
SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid), c.reltuples
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname = 'public'
ORDER BY pg_total_relation_size(c.oid) DESC LIMIT :limit
"""


def database_size(url: str, limit: int = 8) -> dict:
    """pg_database_size and the largest tables (with their indexes and TOAST)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            total = connection.execute(text("SELECT pg_database_size(current_database())"))
            tables = connection.execute(text(SIZE_QUERY), {"limit": limit}).all()
            return {"bytes": total.scalar_one(),
                    "tables": [{"name": name, "total": size, "heap": heap, "rows": int(rows)}
                               for name, size, heap, rows in tables]}
    finally:
        engine.dispose()

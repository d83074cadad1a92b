"""Loading benchmarks/scale.py's database through the platform's own import paths.

Each phase runs in a fresh process (import_mcpd.in_fresh_process). Every committed chunk
appends a line to a log in the work folder (JSON lines: rows, seconds, peak RSS), so a run
that stopped half way resumes after the last committed chunk, and the figures are summed
from the log whichever run loaded what.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from flask_migrate import upgrade
from import_mcpd import peak_rss_mb
from report import import_search_package  # noqa: F401  (the `search` package before the app)
from scale_bulk import accession_ranges, bulk_store, refresh_summaries
from scale_data import (
    SEED,
    CampaignChunk,
    check_chunks,
    cohort_chunks,
    cohorts,
    passport_rows,
    profile_rows,
)
from sqlalchemy import text

from germplasm import MIGRATIONS_DIR, create_app
from germplasm.accessions.mcpd_fields import ALL_COLUMNS
from germplasm.accessions.models import Institute
from germplasm.extensions import db
from germplasm.initial_data import load_initial_data
from loaders.demo_catalogue import DEMO_INSTITUTE
from loaders.mcpd import store_rows, validate_rows
from loaders.observations import import_rows
from loaders.report import ImportReport

USER, SOURCE = "bench", f"scale benchmark, demo seed {SEED}"


def make_app(url: str, index_dir: str):
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "GERMPLASM_INDEX_DIR": index_dir})


def read_log(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _append(path: Path, entry: dict) -> None:
    with path.open("a") as handle:
        handle.write(json.dumps(entry) + "\n")


def _commit() -> float:
    """Commit; the ids marked for the index are dropped, since the index is rebuilt once
    the load is over (as `germplasm demo` then `germplasm reindex` would). Then analyze
    what autovacuum would; returns the seconds that took."""
    db.session.commit()
    db.session.info.pop("search_committed", None)
    db.session.expunge_all()
    return autoanalyze()


# autovacuum's rule: analyze a table once this many rows changed since it was last analyzed
STALE_TABLES = """
SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
WHERE n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
"""


def autoanalyze() -> float:
    """When the server runs without autovacuum (this machine's does), ANALYZE each table
    that autovacuum would have analyzed by now: without statistics, the planner reads a
    growing table whole for a look-up by key. Seconds taken (0 with autovacuum on)."""
    if db.session.scalar(text("SHOW autovacuum")) == "on":
        return 0.0
    start = time.perf_counter()
    for table in db.session.scalars(text(STALE_TABLES)).all():
        db.session.execute(text(f'ANALYZE "{table}"'))
    db.session.commit()
    return time.perf_counter() - start


# --- schema and passport data ----------------------------------------------------------------


def prepare(url: str, index_dir: str) -> None:
    """Initialise like `germplasm init` (an upgrade of a current schema changes nothing)."""
    with make_app(url, index_dir).app_context():
        upgrade(directory=MIGRATIONS_DIR)
        load_initial_data()
        if db.session.scalar(db.select(Institute).filter_by(code=DEMO_INSTITUTE["code"])) is None:
            db.session.add(Institute(**DEMO_INSTITUTE))
        db.session.commit()
        db.engine.dispose()


def load_passport(url: str, index_dir: str, n: int, chunk: int, log: Path) -> None:
    """loaders.mcpd.validate_rows + store_rows (services.upsert_rows) and a commit per
    chunk of `chunk` rows, as `germplasm demo` and `germplasm import mcpd` store them."""
    done = {entry["first_row"] for entry in read_log(log)}
    start = time.perf_counter()
    rows = passport_rows(n)
    generated_s = time.perf_counter() - start
    columns, width = dict(enumerate(ALL_COLUMNS)), len(ALL_COLUMNS)
    with make_app(url, index_dir).app_context():
        for first in range(0, n, chunk):
            if first in done:
                continue
            numbered = [(number, [row.get(c, "") for c in ALL_COLUMNS]) for number, row in
                        enumerate(rows[first:first + chunk], first + 2)]
            report, start = ImportReport(), time.perf_counter()
            valid = validate_rows(numbered, columns, width, report)
            validated = time.perf_counter()
            report = store_rows(valid, report, user=USER, source=SOURCE, skip_invalid=False,
                                is_demo=True)
            if report.rejected or not report.written or report.created != len(numbered):
                raise RuntimeError(f"passport rows {first}+ went wrong: {report.summary()}")
            analyze_s = _commit()
            end = time.perf_counter()
            _append(log, {"first_row": first, "rows": len(numbered), "generated_s":
                          generated_s * len(numbered) / n, "validate_s": validated - start,
                          "store_s": end - validated - analyze_s, "analyze_s": analyze_s,
                          "warnings": len(report.warnings), "rss_mb": peak_rss_mb()})
            print(f"  passport {first + len(numbered):,}/{n:,}: {end - start:.1f} s", flush=True)
        db.engine.dispose()


# --- observations ---------------------------------------------------------------------------


def load_observations(url: str, index_dir: str, n: int, block: int, real_cohorts: int,
                      log: Path) -> None:
    """Per cohort, blocks of `block` accessions, each block's first year then its second,
    a commit per chunk. The last `real_cohorts` cohorts and the check's sheets go through
    loaders.observations.import_rows (validation, observations.record with its locks,
    worklist, audit entry and trait summaries), into a database that already holds the
    others, which take the bulk path (benchmarks/scale_bulk.py), summaries included."""
    entries = read_log(log)
    done = {e["chunk"] for e in entries if "chunk" in e}
    profiles = profile_rows(passport_rows(n))
    groups = cohorts(profiles)
    bulk = len(groups) - real_cohorts
    with make_app(url, index_dir).app_context():
        number = 0
        for c, (years, accessions) in enumerate(groups):
            if c == bulk:
                _summaries(entries, log)
            first, start = number, time.perf_counter()
            for chunk in _skipping(cohort_chunks(years, accessions, block), first, done,
                                   len(accessions), block):
                number = _store(chunk, number, done, log, time.perf_counter() - start,
                                bulk=c < bulk)
                start = time.perf_counter()
            number = _chunk_count(first, len(accessions), block)
        if bulk == len(groups):
            _summaries(entries, log)
        start = time.perf_counter()
        for chunk in check_chunks(profiles):
            number = _store(chunk, number, done, log, time.perf_counter() - start, bulk=False)
            start = time.perf_counter()
        db.engine.dispose()


def _chunk_count(first: int, accessions: int, block: int) -> int:
    return first + 2 * -(-accessions // block)


def _skipping(chunks, first: int, done: set[int], accessions: int, block: int):
    """The cohort's chunks, or none when every one of them was committed by an earlier run
    (generating them takes a while)."""
    if all(i in done for i in range(first, _chunk_count(first, accessions, block))):
        return []
    return chunks


def _store(chunk: CampaignChunk, number: int, done: set[int], log: Path,
           generated_s: float, bulk: bool) -> int:
    if number in done:
        return number + 1
    start = time.perf_counter()
    if bulk:
        report = bulk_store(chunk, USER, SOURCE)
    else:
        report = ImportReport()
        import_rows(chunk.headers, chunk.rows, report, campaign=chunk.name, year=chunk.year,
                    site=chunk.site, user=USER, source=SOURCE)
    if report.rejected:
        raise RuntimeError(f"observations of {chunk.name} went wrong: {report.summary()}")
    analyze_s = _commit()
    seconds = time.perf_counter() - start - analyze_s
    _append(log, {"chunk": number, "path": "bulk" if bulk else "import_rows",
                  "year": chunk.year, "rows": len(chunk.rows), "created": report.created,
                  "accessions": chunk.accessions, "generated_s": generated_s,
                  "store_s": seconds, "analyze_s": analyze_s, "rss_mb": peak_rss_mb()})
    print(f"  observations chunk {number} ({chunk.year}, {'bulk' if bulk else 'import_rows'})"
          f": {len(chunk.rows):,} rows in {seconds:.1f} s ({len(chunk.rows) / seconds:,.0f}/s)",
          flush=True)
    return number + 1


def _summaries(entries: list[dict], log: Path, size: int = 20_000) -> None:
    """summaries.refresh over the bulk-loaded observations, `size` accessions a commit."""
    done = {e["summaries_from"] for e in entries if "summaries_from" in e}
    for first, last in accession_ranges(size):
        if first in done:
            continue
        start = time.perf_counter()
        pairs, written = refresh_summaries(first, last)
        analyze_s = _commit()
        _append(log, {"summaries_from": first, "pairs": pairs, "rows": written,
                      "store_s": time.perf_counter() - start - analyze_s,
                      "analyze_s": analyze_s, "rss_mb": peak_rss_mb()})
        print(f"  summaries of accessions {first}..{last}: {written:,} rows in "
              f"{time.perf_counter() - start:.1f} s", flush=True)

"""Benchmark the core collection: a core of 200 from 5,000 synthetic accessions typed at 20
SSR markers (optionally with three traits), built through germplasm.core.services and saved
as a selection, on a temporary SQLite database. Target: under 30 s.

The accessions fall in 50 populations; each population has its own allele frequencies at every
marker (Dirichlet 0.5 over 12 alleles) and each accession draws two alleles per marker. The
build runs in a fresh Python process, so its peak resident memory (VmHWM, reset after the data
are loaded; ru_maxrss where that cannot be reset) is its own. benchmarks/molecular.py calls
measure() and writes the figures down; this script only prints them:

    .venv/bin/python benchmarks/molecular_core.py [--accessions 5000] [--traits]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACCESSIONS, MARKERS, SIZE, POPULATIONS, ALLELES = 5000, 20, 200, 50, 12


def measure(accessions: int = ACCESSIONS, markers: int = MARKERS, size: int = SIZE,
            traits: bool = False) -> dict:
    """{"seconds", "peak_rss_mb"} of building and saving the core (plus what it kept)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", "--accessions",
               str(accessions), "--markers", str(markers), "--size", str(size)]
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    done = subprocess.run(command + (["--traits"] if traits else []), capture_output=True,
                          text=True, check=True, cwd=ROOT, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def load(accessions: int, markers: int, traits: bool) -> None:
    import numpy as np

    from germplasm.accessions.services import upsert_rows
    from germplasm.bulk_insert import insert_rows
    from germplasm.db import utcnow
    from germplasm.extensions import db
    from germplasm.fingerprints import services
    from germplasm.fingerprints.models import SsrGenotype
    from schemas.accession import McpdRowSchema

    schema = McpdRowSchema()
    upsert_rows([(n + 2, schema.load({"INSTCODE": "CHN385", "ACCENUMB": f"K{n:05d}",
                                      "GENUS": "Prunus", "SPECIES": "salicina"}))
                 for n in range(accessions)], user="bench", source="bench")
    for m in range(markers):
        services.set_marker(f"SSR{m:02d}", linkage_group=None, motif=None, min_size=100,
                            max_size=100 + 2 * ALLELES, user="bench")
    rng = np.random.default_rng(14)
    ids = services.accession_numbers(_all_ids())
    population = rng.integers(0, POPULATIONS, len(ids))
    marker_ids = sorted(services.marker_names())
    rows, now = [], utcnow()
    for m in marker_ids:
        frequencies = rng.dirichlet(np.full(ALLELES, 0.5), POPULATIONS)
        for accession_id, group in zip(sorted(ids), population, strict=True):
            sizes = sorted({100 + 2 * int(a) for a in rng.choice(ALLELES, 2, p=frequencies[group])})
            rows.append({"accession_id": accession_id, "marker_id": m, "updated_by": "bench",
                         "alleles": "/".join(map(str, sizes)), "created_at": now,
                         "updated_at": now})
    insert_rows(SsrGenotype.__table__, rows)
    if traits:
        _traits(sorted(ids), ids, population, rng)
    db.session.commit()


def _all_ids() -> list[int]:
    from germplasm.accessions.models import Accession
    from germplasm.extensions import db

    return list(db.session.scalars(db.select(Accession.id)))


def _traits(ids, numbers, population, rng) -> None:
    from loaders.observations import import_rows
    from loaders.report import ImportReport

    rows = [(n + 2, [numbers[a], f"{10 + group % 10 + rng.random():.1f}",
                     f"{30 + group % 7 * 9 + rng.random() * 5:.0f}", str(group % 8 + 1)])
            for n, (a, group) in enumerate(zip(ids, population, strict=True))]
    report = ImportReport()
    import_rows(["ACCENUMB", "SSC", "FRUIT_WEIGHT", "FLESH_COLOR"], rows, report,
                campaign="bench 2026", year=2026, user="bench", source="bench")
    assert not report.rejected, report.rejected[:3]


def child(accessions: int, markers: int, size: int, traits: bool) -> dict:
    from flask_migrate import upgrade

    from germplasm import MIGRATIONS_DIR, create_app
    from germplasm.core import services
    from germplasm.extensions import db
    from germplasm.initial_data import load_initial_data

    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db",
                          "GERMPLASM_INDEX_DIR": f"{folder}/index",
                          "GERMPLASM_INDEX_BACKGROUND": False})
        with app.app_context(), app.test_request_context("/"):
            upgrade(directory=MIGRATIONS_DIR)
            load_initial_data()
            load(accessions, markers, traits)
            exact = _reset_peak()
            started = time.perf_counter()
            core = services.build("both" if traits else "ssr", size=size, seed=1)
            services.save(core, "bench core", owner=None)
            db.session.commit()
            seconds = time.perf_counter() - started
            peak = _peak_mb(exact)
            db.engine.dispose()
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(peak), "accessions": accessions,
            "markers": markers, "size": size, "traits": traits,
            "allele_coverage": core.report["allele_coverage"],
            "nearest_distance": core.report["nearest_distance"]}


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (VmHWM) so loading the data does not count."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _peak_mb(exact: bool) -> float:
    if exact:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accessions", type=int, default=ACCESSIONS)
    parser.add_argument("--markers", type=int, default=MARKERS)
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument("--traits", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    # benchmarks/search.py would shadow the `search` package: the repository comes first.
    here = Path(__file__).resolve().parent
    sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != here]
    if args.child:
        print(json.dumps(child(args.accessions, args.markers, args.size, args.traits)))
        return
    print(json.dumps(measure(args.accessions, args.markers, args.size, args.traits), indent=1))


if __name__ == "__main__":
    main()

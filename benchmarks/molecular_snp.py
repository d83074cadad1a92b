"""Benchmark the SNP genotype import and the SNP duplicate report at a genotyping service's
size: 500 samples × 50,000 SNPs coded 0/1/2 (2 % missing, one planted duplicate pair), in a
temporary CSV, imported with the loader behind `germplasm import genotypes --kind snp` into
a fresh SQLite database and committed, then `report.build(kind="snp")`. (Not through the
command itself: it lowers its CPU priority, which can never be raised again in the process,
and on a busy machine the report after it would measure the other processes.) Targets: the
import well under 60 s and under 2 GB. The file is written here; the import and the report
run in a fresh process so its peak RSS is theirs alone.

`measure()` returns {"import_seconds", "report_seconds", "peak_rss_mb"}; benchmarks/
molecular.py calls it and writes the figures down. Run alone from the repository root:

    .venv/bin/python benchmarks/molecular_snp.py [--samples 500 --snps 50000]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES, SNPS, MISSING = 500, 50_000, 0.02


def measure(samples: int = SAMPLES, snps: int = SNPS) -> dict:
    """Write the matrix, import and report in a child process, return its figures."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "snps.csv"
        write_matrix(path, samples, snps)
        done = subprocess.run([sys.executable, __file__, "--child", str(path)],
                              capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode:
        raise RuntimeError(f"molecular_snp failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_matrix(path: Path, samples: int, snps: int) -> None:
    import numpy as np

    rng = np.random.default_rng(14)
    calls = rng.binomial(2, rng.uniform(0.05, 0.95, snps), size=(samples, snps)).astype(np.int8)
    calls[1] = calls[0]  # the planted duplicate pair
    calls[rng.random((samples, snps)) < MISSING] = 3
    codes = np.array(["0", "1", "2", "NA"])
    with path.open("w", encoding="utf-8") as handle:
        handle.write("ACCENUMB," + ",".join(f"SNP{j:06d}" for j in range(snps)) + "\n")
        for i, row in enumerate(calls):
            handle.write(f"B{i:05d}," + ",".join(codes[row]) + "\n")


def child(csv: Path) -> dict:
    from flask_migrate import upgrade

    from germplasm import MIGRATIONS_DIR, create_app
    from germplasm.extensions import db
    from germplasm.fingerprints import report
    from germplasm.initial_data import load_initial_data
    from loaders.snp_genotypes import import_snp_genotypes

    samples = sum(1 for _ in csv.open(encoding="utf-8")) - 1
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db",
                          "GERMPLASM_INDEX_DIR": f"{folder}/index"})
        with app.app_context():
            upgrade(directory=MIGRATIONS_DIR)
            load_initial_data()
            _accessions(samples)
            db.session.commit()
        with app.app_context():
            started = time.perf_counter()
            result = import_snp_genotypes(csv, user="bench")
            db.session.commit()
            imported = time.perf_counter() - started
            if result.rejected or result.created != samples:
                raise RuntimeError(result.summary())
            started = time.perf_counter()
            found = report.build(0.0, 1, kind="snp")
            reported = time.perf_counter() - started
        assert found["duplicates"] == [["B00000", "B00001"]], found["duplicates"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    return {"import_seconds": round(imported, 2), "report_seconds": round(reported, 2),
            "peak_rss_mb": round(peak, 1)}


def _accessions(samples: int) -> None:
    from germplasm.accessions.services import upsert_rows
    from schemas.accession import McpdRowSchema

    schema = McpdRowSchema()
    upsert_rows([(n + 2, schema.load({"INSTCODE": "CHN385", "ACCENUMB": f"B{n:05d}",
                                      "GENUS": "Prunus", "SPECIES": "salicina"}))
                 for n in range(samples)], user="bench", source="bench")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=SAMPLES)
    parser.add_argument("--snps", type=int, default=SNPS)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)  # the CSV to import
    arguments = parser.parse_args()
    if arguments.child:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(child(arguments.child)))
    else:
        print(json.dumps(measure(arguments.samples, arguments.snps), indent=2))

"""Benchmark the molecular data of issue 14, each figure against its target:

1. pairwise fingerprint distances of 5,000 accessions × 20 SSR markers (synthetic, seed 14:
   8–15 alleles per marker, diploid, 5 % of markers untyped), the full matrix by
   germplasm.fingerprints.distance.distances(); target under 10 s;
2. import and duplicate report of 500 samples × 50,000 SNPs (benchmarks/molecular_snp.py);
   targets under 60 s and under 2 GB;
3. sequence similarity search over 5,000 sequences of 1.5 kb (the measuring code of
   benchmarks/sequences.py, whose section is refreshed too); target p95 under 1 s;
4. a core collection of 200 from 5,000 (benchmarks/molecular_core.py); target under 30 s.

The SNP and core measures run first, while this process is still small. A module that is not
there is reported as not measured. Writes the section "molecular" of docs/benchmarks.md.

    .venv/bin/python benchmarks/molecular.py
    .venv/bin/python benchmarks/molecular.py --quick --docs /tmp/bench.md   # a small check
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
import traceback
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
from report import DOCS_FILE, git_state, machine_description, utc_now, write_section  # noqa: E402

ACCESSIONS, MARKERS, MISSING = 5000, 20, 0.05
QUICK = {"accessions": 300, "families": 5, "per_family": 4, "sequence_accessions": 20,
         "queries": 5}


def fingerprints(accessions: int, seed: int = 14) -> dict[int, dict[int, tuple[int, ...]]]:
    """Diploid SSR genotypes: per marker 8-15 alleles (sizes 2 bp apart), two draws each."""
    rng = np.random.default_rng(seed)
    allele_counts = rng.integers(8, 16, MARKERS)
    draws = rng.integers(0, allele_counts, size=(accessions, 2, MARKERS))
    typed = rng.random((accessions, MARKERS)) >= MISSING
    return {a + 1: {m + 1: tuple(sorted({100 + 2 * int(x) for x in draws[a, :, m]}))
                    for m in range(MARKERS) if typed[a, m]}
            for a in range(accessions)}


def measure_distances(accessions: int) -> dict:
    from germplasm.fingerprints.distance import distances

    prints = fingerprints(accessions)
    load, started = os.getloadavg()[0], time.perf_counter()
    found = distances(prints)
    seconds = time.perf_counter() - started
    assert found.distance.shape == (accessions, accessions)
    return {"seconds": seconds, "load": (load, os.getloadavg()[0]),
            "mean_distance": float(np.nanmean(found.distance))}


def measure_sequences(quick: bool, queries: int) -> dict:
    import sequences

    if quick:
        sequences.FAMILIES, sequences.PER_FAMILY = QUICK["families"], QUICK["per_family"]
        sequences.ACCESSIONS = QUICK["sequence_accessions"]
    return sequences.run(queries)


def measure_module(name: str, quick: bool) -> dict | str:
    """A helper module's measure(), or why there is no figure."""
    if quick:
        return "not measured: --quick"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as missing:
        if missing.name != name:
            raise
        return "not measured: module missing"
    load = os.getloadavg()[0]
    try:
        figures = module.measure()
    except Exception as failure:  # the other measures still run; the section says why not
        traceback.print_exc()
        return f"not measured: {name}.measure() failed ({type(failure).__name__})"
    return figures | {"load": (load, os.getloadavg()[0])}


def verdict(ok: bool) -> str:
    return "PASS" if ok else "**MISS**"


def loads(result: dict) -> str:
    start, end = result["load"]
    return f"{start:.1f} → {end:.1f}"


def row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def missing_rows(what: str, size: str, note: str) -> list[str]:
    return [row([what, size, note, "–", "–", "–"])]


def snp_rows(result: dict | str) -> list[str]:
    size = "500 samples × 50,000 SNPs"
    if isinstance(result, str):
        return missing_rows("SNP import + duplicate report", size, result)
    total = result["import_seconds"] + result["report_seconds"]
    return [row(["SNP import + duplicate report", size,
                 f"{result['import_seconds']:.1f} + {result['report_seconds']:.1f} = "
                 f"{total:.1f} s", "< 60 s", loads(result), verdict(total < 60)]),
            row(["SNP peak memory", size, f"{result['peak_rss_mb']:,.0f} MB", "< 2,048 MB",
                 loads(result), verdict(result["peak_rss_mb"] < 2048)])]


def core_rows(result: dict | str) -> list[str]:
    size = "200 from 5,000"
    if isinstance(result, str):
        return missing_rows("core collection", size, result)
    return [row(["core collection", size, f"{result['seconds']:.1f} s "
                 f"(peak {result['peak_rss_mb']:,.0f} MB)", "< 30 s", loads(result),
                 verdict(result["seconds"] < 30)])]


def sequence_rows(result: dict, stored: int) -> list[str]:
    import sequences
    from report import percentile

    p50, p95 = percentile(result["times"], 50), percentile(result["times"], 95)
    return [row(["sequence search p95", f"{stored:,} × {sequences.LENGTH:,} bp, "
                 f"{len(result['times'])} queries",
                 f"{p95:.0f} ms (p50 {p50:.0f}, recall@1 {result['recall']:.0%})", "< 1,000 ms",
                 f"{result['load'][0]:.1f} → {result['load'][1]:.1f}", verdict(p95 < 1000)])]


def section(results: dict, args) -> str:
    fp, stored = results["distances"], results["stored_sequences"]
    lines = [row(["fingerprint distances, full matrix", f"{args.accessions:,} accessions × "
                  f"{MARKERS} SSR markers", f"{fp['seconds']:.1f} s", "< 10 s", loads(fp),
                  verdict(fp["seconds"] < 10)]),
             *snp_rows(results["snp"]),
             *sequence_rows(results["sequences"], stored),
             *core_rows(results["core"])]
    command = "benchmarks/molecular.py" + (" --quick" if args.quick else "")
    return f"""## Molecular data (issue 14)

Run {utc_now()} with `.venv/bin/python {command}`, code {git_state()}, on
{os.cpu_count()} CPUs (1-minute load average {results['load'][0]:.1f} at the start,
{results['load'][1]:.1f} at the end; the machine is shared, so other processes competed for
the CPU):

{machine_description()}

Fingerprints: synthetic diploid SSR genotypes (seed 14, 8–15 alleles per marker, 5 % of
markers untyped), all pairs by `germplasm.fingerprints.distance.distances()` (one stacked
accession × allele 0/1 matrix, a few float32 matrix products). SNPs: `benchmarks/molecular_snp.py`.
Sequences: the data and queries of the section "Sequence similarity search" below (SQLite,
Flask test client). Core: `benchmarks/molecular_core.py`. *load*: the 1-minute load average
as the measure began and ended.

Before the changes that came with this script (code abe522a, 2026-12-03): the distance matrix
took 12.9 s at load 0.2 (per marker an n × n product and several n × n temporaries); the
sequence search's p95 was 1,112 ms at load 5.5–7.0 (each of the 10 candidates aligned whole by
Smith-Waterman, ~20 ms idle; piecewise along the anchors ~3 ms, the same alignments).

| measure | size | figure | target | load | result |
|:--|:--|--:|--:|:-:|:-:|
""" + "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="tiny sizes, SNP and core not measured: shows the script works")
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--docs", type=Path, default=DOCS_FILE, help="the file to write")
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/")
    args = parser.parse_args()
    args.accessions = QUICK["accessions"] if args.quick else ACCESSIONS
    queries = QUICK["queries"] if args.quick else args.queries
    results = {"load": [os.getloadavg()[0]]}
    results["snp"] = measure_module("molecular_snp", args.quick)
    results["core"] = measure_module("molecular_core", args.quick)
    results["distances"] = measure_distances(args.accessions)
    results["sequences"] = measure_sequences(args.quick, queries)
    import sequences

    results["stored_sequences"] = sequences.FAMILIES * sequences.PER_FAMILY
    results["load"].append(os.getloadavg()[0])
    text = section(results, args)
    print(text)
    if not args.no_write:
        write_section("molecular", text, args.docs)
        write_section("sequences", sequences.section(results["sequences"], queries), args.docs)


if __name__ == "__main__":
    main()

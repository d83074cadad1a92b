"""An MCPD file to import, made from `germplasm export mcpd` of the demo catalogue:
half the rows update existing accessions, half are new copies (benchmarks/load.py and
web.py)."""
from __future__ import annotations

import csv
import random
from pathlib import Path


def write_import_file(tmp: Path, n: int, rng: random.Random) -> tuple[Path, list[str], int]:
    """Half the rows update existing accessions (REMARKS), half are new copies."""
    with (tmp / "export.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    existing = {row["ACCENUMB"] for row in rows}
    rng.shuffle(rows)
    updates, new = rows[:n // 2], []
    for row in updates:
        row["REMARKS"] = "; ".join(filter(None, [row["REMARKS"], "2026 复核 (load test)"]))
    number = len(existing)
    while len(new) < n - len(updates):
        number += 1
        if f"WSL{number:05d}" not in existing:
            source = rows[len(new) % len(rows)]
            unique = {k: "" for k in ("PUID", "DOI") if k in source}  # the export's columns
            new.append({**source, **unique, "ACCENUMB": f"WSL{number:05d}",
                        "REMARKS": "load test: new accession"})
    path = tmp / "import.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(updates + new)
    return path, [row["ACCENUMB"] for row in updates + new], len(new)

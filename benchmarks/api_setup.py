"""benchmarks/api.py's catalogue: the demo on a fresh database, one search index per node,
and a staff user's read token (a partner's sync script would hold one)."""
from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from load_setup import cli, query
from web import build_database

STAFF, PASSWORD = "apibench", "apibench-pw"
# One client makes thousands of requests a minute here: the rate limit is not what we measure.
RATE = "1000000 per minute"


@dataclass
class Catalogue:
    url: str
    env: dict[str, str]  # GERMPLASM_* for the nodes (index folder set per node)
    index_a: Path
    index_b: Path
    token: str
    ids: list[int]  # every accession (staff see them all)
    public: list[int]  # the ones anonymous users see


def prepare(url: str, tmp: Path, size: int) -> Catalogue:
    """Load the demo, build node A's index, copy it for node B (a new node starts from a copy
    of another's index, or from `germplasm reindex`: either holds the feed cursor it is at)."""
    index_a, index_b = tmp / "index_a", tmp / "index_b"
    build_database(url, str(index_a), size)
    shutil.copytree(index_a, index_b)
    env = {"GERMPLASM_DATABASE_URL": url, "GERMPLASM_INDEX_DIR": str(index_a),
           "GERMPLASM_PHOTO_DIR": str(tmp / "photos"),
           "GERMPLASM_SECRET_KEY": secrets.token_hex(32), "GERMPLASM_API_RATE": RATE}
    full = {**os.environ, **env}
    cli(full, "users", "create", STAFF, "--role", "staff", "--password", PASSWORD)
    token = cli(full, "tokens", "create", STAFF, "--name", "benchmark sync",
                "--scope", "read").strip().splitlines()[-1].strip()
    ids = [i for (i,) in query(url, "SELECT id FROM accessions ORDER BY id")]
    public = [i for (i,) in query(url, "SELECT id FROM accessions WHERE NOT restricted "
                                       "ORDER BY id")]
    return Catalogue(url, env, index_a, index_b, token, ids, public)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}

"""The distribution benchmark's database: the demo catalogue, ten hot lots, a curator's and a
requester's tokens, and twenty years of material requests.

The twenty years are written in bulk (Core inserts, not the services): thousands of requests
made one by one through HTTP would take longer than the measurement. They are closed (or
rejected) requests with their items and transitions, enough for the lists and pages to have
to find their way through twenty years; the demo's five years made through the services sit
among them, with allocations, shipments and ledger entries."""
from __future__ import annotations

import random
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert, select, text

from germplasm.requests.models import MaterialRequest, RequestItem, RequestTransition

ROOT = Path(__file__).resolve().parents[1]
GERMPLASM = ROOT / ".venv" / "bin" / "germplasm"
PATHS = ("submitted", "in_review", "approved", "being_prepared", "shipped", "received",
         "closed")
KINDS = ("research", "university", "enterprise", "cooperative", "farmer")
USES = ("research", "teaching", "breeding", "production", "conservation")
PROVINCES = ("重庆", "四川", "湖北", "贵州", "云南", "陕西")


def germplasm(env: dict, *args: str) -> str:
    done = subprocess.run([str(GERMPLASM), *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"germplasm {' '.join(map(str, args[:2]))}: "
                           f"{done.stdout}{done.stderr}")
    return done.stdout


def prepare(env: dict, folder: Path, accessions: int, hot: int, stock: int) -> dict:
    """Demo catalogue, `hot` lots of `stock` scions (no window, distributable), tokens."""
    germplasm(env, "init")
    germplasm(env, "demo", "--accessions", accessions, "--no-evaluations")
    sheet = folder / "hot-lots.csv"
    rows = [f"WSL{i:05d},HOT-{i:02d},scion,{stock},piece,冷库A,Y" for i in range(1, hot + 1)]
    sheet.write_text("ACCENUMB,LOT_NUMBER,MATERIAL,QUANTITY,UNIT,LOCATION,DISTRIBUTABLE\n"
                     + "\n".join(rows) + "\n", encoding="utf-8")
    germplasm(env, "import", "lots", sheet)
    tokens = {}
    for name, role in (("bench.asker", "researcher"), ("bench.keeper", "curator")):
        germplasm(env, "users", "create", name, "--role", role, "--password", "orchard-2026")
        tokens[name] = germplasm(env, "tokens", "create", name, "--scope",
                                 "write").split()[-1]
    return tokens


def twenty_years(url: str, first: int, last: int, per_year: int, seed: int = 1) -> int:
    """Bulk-insert per_year closed or rejected requests a year from first to last."""
    rng = random.Random(seed)
    engine = create_engine(url)
    with engine.begin() as connection:
        users = connection.scalars(text("SELECT id FROM users WHERE role = 'researcher'")).all()
        accessions = connection.scalars(text("SELECT id FROM accessions ORDER BY id")).all()
        next_id = (connection.scalar(text("SELECT max(id) FROM material_requests")) or 0) + 1
        requests, items, moves = [], [], []
        for year in range(first, last + 1):
            for _ in range(per_year):
                day = datetime(year, 1, 1, 9, tzinfo=UTC) + timedelta(
                    days=rng.randint(0, 360), minutes=rng.randint(0, 480))
                requests.append(_request(rng, next_id, day, users))
                items += _items(rng, next_id, accessions)
                moves += _moves(next_id, day, requests[-1]["status"])
                next_id += 1
        connection.execute(insert(MaterialRequest.__table__), requests)
        connection.execute(insert(RequestItem.__table__), items)
        connection.execute(insert(RequestTransition.__table__), moves)
        if connection.dialect.name == "postgresql":
            for table in ("material_requests", "request_items", "request_transitions"):
                connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', "
                                        f"'id'), (SELECT max(id) FROM {table}))"))
        total = connection.scalar(select(text("count(*)")).select_from(
            MaterialRequest.__table__))
    engine.dispose()
    return int(total)


def _request(rng, request_id: int, day: datetime, users) -> dict:
    kind = rng.choice(KINDS)
    return {"id": request_id, "number": f"R{day.year}-{request_id:05d}",
            "requester_id": rng.choice(users),
            "status": "rejected" if rng.random() < 0.08 else "closed",
            "recipient_name": "测试收件人", "institution": f"{kind} 单位 {rng.randint(1, 80)}",
            "recipient_kind": kind, "address": "某省某县", "country": "CHN",
            "province": rng.choice(PROVINCES), "email": "bench@example.org",
            "intended_use": rng.choice(USES), "mta_version": "2026-1", "mta_accepted_at": day,
            "submitted_at": day, "created_at": day, "updated_at": day + timedelta(days=60),
            "received_on": (day + timedelta(days=20)).date(),
            "feedback_due_on": (day + timedelta(days=385)).date()}


def _items(rng, request_id: int, accessions) -> list[dict]:
    return [{"request_id": request_id, "accession_id": accession, "material": "scion",
             "quantity_milli": rng.randint(2, 20) * 1000, "unit": "piece"}
            for accession in rng.sample(accessions, rng.randint(1, 3))]


def _moves(request_id: int, day: datetime, status: str) -> list[dict]:
    path = PATHS if status == "closed" else ("submitted", "in_review", "rejected")
    return [{"request_id": request_id, "from_state": before, "to_state": after,
             "actor": "bench", "at": day + timedelta(days=5 * step)}
            for step, (before, after) in enumerate(zip((None, *path), path, strict=False))]

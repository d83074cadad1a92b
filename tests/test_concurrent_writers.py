"""Writers at the same moment lose nothing: two overlapping MCPD imports, two observation
imports into the same accessions, in real processes on the engine under test (PostgreSQL in
CI's second run)."""
import csv
import subprocess

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import BIN
from tests.processes import germplasm

pytestmark = pytest.mark.no_db
ROWS = 800


def write_mcpd(path, names):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["INSTCODE", "ACCENUMB", "GENUS", "SPECIES", "ACCENAME"])
        for number, name in enumerate(names):
            writer.writerow(["CHN385", f"CW{number:05d}", "Prunus", "salicina", name])
    return path


def at_once(url, *commands):
    """Start every command before waiting for any: real concurrency, not turns."""
    env = {"GERMPLASM_DATABASE_URL": url, "PATH": str(BIN), "HOME": "/tmp"}
    running = [subprocess.Popen([BIN / "germplasm", *map(str, c)], env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for c in commands]
    return [(p.wait(timeout=600), p.stdout.read() + p.stderr.read()) for p in running]


def rows(url, sql):
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).all()
    finally:
        engine.dispose()


def test_overlapping_mcpd_imports_give_one_files_values_and_a_true_audit(tmp_path, fresh_db):
    germplasm(fresh_db, "import", "mcpd", write_mcpd(tmp_path / "o.csv",
                                                     [f"orig{i}" for i in range(ROWS)]))
    a = write_mcpd(tmp_path / "a.csv", [f"A1name{i};A2name{i}" for i in range(ROWS)])
    b = write_mcpd(tmp_path / "b.csv", [f"B1name{i}" for i in range(ROWS)])
    for code, output in at_once(fresh_db, ("import", "mcpd", a), ("import", "mcpd", b)):
        assert code == 0, output
    names = {}
    for accenumb, name in rows(fresh_db, "SELECT a.accenumb, n.name FROM accession_names n "
                                         "JOIN accessions a ON a.id = n.accession_id "
                                         "ORDER BY a.accenumb, n.position"):
        names.setdefault(accenumb, []).append(name)
    for i in range(ROWS):
        assert names[f"CW{i:05d}"] in ([f"A1name{i}", f"A2name{i}"], [f"B1name{i}"]), i
    audit = {}
    for accenumb, old, new in rows(fresh_db, "SELECT a.accenumb, e.old_value, e.new_value "
                                             "FROM audit_entries e JOIN accessions a ON "
                                             "a.id = e.accession_id WHERE e.field = 'ACCENAME' "
                                             "ORDER BY e.id"):
        audit.setdefault(accenumb, []).append((old, new))
    for i in range(ROWS):
        entries = audit[f"CW{i:05d}"]
        assert entries[0][0] == f"orig{i}" and len(entries) == 2, entries
        assert entries[1][0] == entries[0][1], entries  # each old value is the previous new
        assert entries[1][1] == ";".join(names[f"CW{i:05d}"])


def write_sheet(path, value):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ACCENUMB", "SSC"])
        writer.writerows([f"CW{i:05d}", value] for i in range(ROWS))
    return path


def test_observation_imports_into_the_same_accessions_keep_every_summary(tmp_path, fresh_db):
    germplasm(fresh_db, "import", "mcpd", write_mcpd(tmp_path / "o.csv",
                                                     [f"orig{i}" for i in range(ROWS)]))
    first, second = write_sheet(tmp_path / "a.csv", "12"), write_sheet(tmp_path / "b.csv", "16")
    results = at_once(fresh_db,
                      ("import", "observations", first, "--campaign", "2025", "--year", 2025),
                      ("import", "observations", second, "--campaign", "2026", "--year", 2026))
    for code, output in results:
        assert code == 0, output
    summaries = rows(fresh_db, "SELECT s.n, s.mean FROM trait_summaries s JOIN descriptors d "
                               "ON d.id = s.descriptor_id WHERE d.code = 'SSC' AND s.year = 0")
    assert len(summaries) == ROWS
    assert {(n, round(mean, 3)) for n, mean in summaries} == {(2, 14.0)}


def test_entry_forms_during_an_observation_import_keep_summaries_true(tmp_path, fresh_db):
    """Staff save entry forms (in threads, through the app) while a sheet import records the
    same accessions and trait in another campaign: every summary still counts every value."""
    import random
    import re
    import threading

    from germplasm import create_app

    count = 300
    germplasm(fresh_db, "import", "mcpd", write_mcpd(tmp_path / "o.csv",
                                                     [f"orig{i}" for i in range(count)]))
    numbers = [f"CW{i:05d}" for i in range(count)]
    germplasm(fresh_db, "campaign", "create", "phones", "--year", 2026, "--descriptors", "SSC",
              "--accessions", ",".join(numbers))
    germplasm(fresh_db, "users", "create", "picker", "--role", "staff", "--password", "pick-2026")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("ACCENUMB,SSC\n" + "".join(f"{n},12\n" for n in numbers), encoding="utf-8")
    app = create_app({"SQLALCHEMY_DATABASE_URI": fresh_db, "WTF_CSRF_ENABLED": False,
                      "GERMPLASM_INDEX_DIR": str(tmp_path / "index")})
    campaign_id = rows(fresh_db, "SELECT id FROM campaigns WHERE name = 'phones'")[0][0]
    import_done, failures = threading.Event(), []

    def phone():
        client = app.test_client()
        client.post("/login", data={"username": "picker", "password": "pick-2026"})
        while not import_done.is_set():
            number = random.choice(numbers)
            response = client.post(f"/campaigns/{campaign_id}/entry/{number}",
                                   data={"SSC": "16", "replicate": "1"})
            if response.status_code not in (302, 503):
                failures.append((number, response.status_code,
                                 re.sub(r"\s+", " ", response.get_data(as_text=True))[:300]))
    phones = [threading.Thread(target=phone) for _ in range(3)]
    for thread in phones:
        thread.start()
    try:
        (code, output), = at_once(fresh_db, ("import", "observations", sheet, "--campaign",
                                             "sheets", "--year", 2025))
    finally:
        import_done.set()
        for thread in phones:
            thread.join()
    assert code == 0, output
    assert failures == []
    mismatched = rows(fresh_db, """
        SELECT s.accession_id, s.n, COUNT(o.id) FROM trait_summaries s
        JOIN descriptors d ON d.id = s.descriptor_id AND d.code = 'SSC'
        LEFT JOIN observations o ON o.accession_id = s.accession_id
             AND o.descriptor_id = s.descriptor_id
        WHERE s.year = 0 GROUP BY s.accession_id, s.n HAVING s.n <> COUNT(o.id)""")
    assert mismatched == []
    assert rows(fresh_db, "SELECT COUNT(*) FROM trait_summaries s JOIN descriptors d "
                          "ON d.id = s.descriptor_id WHERE d.code = 'SSC' AND s.year = 0"
                ) == [(count,)]


def test_a_save_that_cannot_get_its_locks_in_time_answers_503(tmp_path, fresh_db):
    """Another writer holds the accession (a long import): the entry form waits
    GERMPLASM_LOCK_TIMEOUT seconds (SQLite: its busy timeout), then says "try again"."""
    from germplasm import create_app

    germplasm(fresh_db, "import", "mcpd", write_mcpd(tmp_path / "o.csv", ["orig0"]))
    germplasm(fresh_db, "campaign", "create", "phones", "--year", 2026, "--descriptors", "SSC",
              "--accessions", "CW00000")
    germplasm(fresh_db, "users", "create", "picker", "--role", "staff", "--password", "pick-2026")
    app = create_app({"SQLALCHEMY_DATABASE_URI": fresh_db, "WTF_CSRF_ENABLED": False,
                      "GERMPLASM_LOCK_TIMEOUT": 1, "GERMPLASM_INDEX_DIR": str(tmp_path / "i")})
    client = app.test_client()
    client.post("/login", data={"username": "picker", "password": "pick-2026"})
    campaign_id = rows(fresh_db, "SELECT id FROM campaigns")[0][0]
    holder = create_engine(fresh_db).connect()
    try:
        if holder.dialect.name == "postgresql":
            holder.execute(text("SELECT id FROM accessions FOR UPDATE"))
        else:
            holder.execute(text("UPDATE search_state SET version = version"))
        response = client.post(f"/campaigns/{campaign_id}/entry/CW00000",
                               data={"SSC": "16", "replicate": "1"})
    finally:
        holder.rollback()
        holder.close()
    assert response.status_code == 503, response.get_data(as_text=True)[:500]
    assert response.headers["Retry-After"] == "2"
    assert "数据库繁忙" in response.get_data(as_text=True)
    assert rows(fresh_db, "SELECT COUNT(*) FROM observations") == [(0,)]


def test_failed_logins_of_one_name_from_many_threads_are_all_counted(tmp_path, fresh_db):
    import threading

    from germplasm import create_app

    germplasm(fresh_db, "users", "create", "target", "--role", "staff", "--password", "pw-2026-x")
    app = create_app({"SQLALCHEMY_DATABASE_URI": fresh_db, "WTF_CSRF_ENABLED": False,
                      "GERMPLASM_LOGIN_MAX_FAILURES": 100, "GERMPLASM_LOGIN_RATE": "1000/minute",
                      "GERMPLASM_INDEX_DIR": str(tmp_path / "i")})
    statuses = []

    def attempt():
        client = app.test_client()
        for _ in range(3):
            response = client.post("/login", data={"username": "target", "password": "wrong"})
            statuses.append(response.status_code)
    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(statuses) <= {401, 503}, statuses
    counted = rows(fresh_db, "SELECT failures FROM login_throttles WHERE username = 'target'")
    assert counted == [(statuses.count(401),)]

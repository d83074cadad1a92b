"""Sheet uploads over HTTP: pre-check, confirm, cancel, and who may do what."""
import io
import json

import pytest

from germplasm.accessions.models import Accession
from germplasm.audit.models import AuditEntry
from germplasm.extensions import db
from germplasm.imports.models import ImportJob
from tests.conftest import write
from tests.imports.conftest import BAD, GOOD, token


def upload(client, text: str, name: str = "passport.csv", kind: str = "mcpd", **fields):
    data = {"csrf_token": token(client), "kind": kind,
            "file": (io.BytesIO(text.encode("utf-8")), name), **fields}
    return client.post("/imports", data=data, content_type="multipart/form-data")


def job_of(response) -> str:
    assert response.status_code == 303, response.get_data(as_text=True)
    return response.headers["Location"]


def accessions() -> int:
    return db.session.scalar(db.select(db.func.count(Accession.id)))


def audit_entries() -> int:
    return db.session.scalar(db.select(db.func.count(AuditEntry.id)))


def confirm(client, url: str, **fields):
    return client.post(f"{url}/confirm", data={"csrf_token": token(client), **fields})


def test_bad_sheet_shows_its_rejected_rows_and_writes_nothing(curator):
    url = job_of(upload(curator, BAD))
    state = curator.get(f"{url}.json").get_json()
    assert state["status"] == "checked" and state["progress"] == 1
    report = state["report"]
    assert (report["created"], report["dry_run"], report["written"]) == (2, True, False)
    assert {(r["row"], r["column"], r["value"]) for r in report["rejected"]} == {
        (4, "ORIGCTY", "ZZZ"), (5, "ACCENUMB", None)}
    page = curator.get(url).get_data(as_text=True)
    assert '<td class="rejected"' in page and ">ZZZ</td>" in page
    assert "仅导入有效行" in page and "确认导入" not in page
    assert accessions() == 0 and audit_entries() == 0


def test_confirm_without_skip_invalid_refuses_a_sheet_with_rejections(curator):
    url = job_of(upload(curator, BAD))
    confirm(curator, url)
    assert curator.get(f"{url}.json").get_json()["status"] == "checked"
    assert accessions() == 0


def test_good_sheet_confirmed_gives_the_cli_counts(curator, cli, tmp_path):
    out = tmp_path / "cli.json"
    cli("import", "mcpd", write(tmp_path / "p.csv", GOOD), "--dry-run", "--report", out)
    expected = json.loads(out.read_text(encoding="utf-8"))
    url = job_of(upload(curator, GOOD))
    checked = curator.get(f"{url}.json").get_json()["report"]
    assert checked == expected
    assert accessions() == 0, "the pre-check writes nothing"
    assert confirm(curator, url).status_code == 303
    done = curator.get(f"{url}.json").get_json()
    assert done["status"] == "done" and done["report"] == expected | {"dry_run": False,
                                                                    "written": True}
    assert accessions() == 2
    sources = set(db.session.execute(db.select(AuditEntry.user, AuditEntry.source)).all())
    assert sources == {("curator.zhou", "web upload: passport.csv")}
    assert "导入报告" in curator.get(url).get_data(as_text=True)


def test_confirm_twice_imports_once(curator):
    url = job_of(upload(curator, GOOD))
    confirm(curator, url)
    entries = audit_entries()
    second = confirm(curator, url)
    assert second.status_code == 303
    assert "已经导入" in curator.get(url).get_data(as_text=True)
    assert audit_entries() == entries and accessions() == 2
    assert curator.get(f"{url}.json").get_json()["report"]["created"] == 2


def test_skip_invalid_imports_the_valid_rows(curator):
    url = job_of(upload(curator, BAD))
    confirm(curator, url, skip_invalid="1")
    report = curator.get(f"{url}.json").get_json()["report"]
    assert report["written"] and report["created"] == 2 and len(report["rejected"]) == 2
    assert accessions() == 2


def test_cancel_drops_the_upload(curator):
    url = job_of(upload(curator, GOOD))
    response = curator.post(f"{url}/cancel", data={"csrf_token": token(curator)})
    assert response.status_code == 303
    assert curator.get(url).status_code == 404 and accessions() == 0


def test_staff_cannot_upload_mcpd(staff):
    response = upload(staff, GOOD)
    assert response.status_code == 403
    assert db.session.scalar(db.select(db.func.count(ImportJob.id))) == 0


def test_staff_imports_observations(staff, make_accession):
    from germplasm.evaluations import campaigns
    from germplasm.evaluations.models import Observation

    make_accession(accenumb="UP0001")
    campaigns.get_or_create("2026 上传", 2026, None)
    db.session.commit()
    sheet = "ACCENUMB,FRUIT_WEIGHT,SSC\nUP0001,35.5,14.2\nUP9999,30,12\n"
    url = job_of(upload(staff, sheet, "sheet.csv", "observations", campaign="2026 上传"))
    assert staff.get(f"{url}.json").get_json()["report"]["rejected"][0]["row"] == 3
    confirm(staff, url, skip_invalid="1")
    assert db.session.scalar(db.select(db.func.count(Observation.id))) == 2


def test_csrf_token_is_required(curator):
    response = curator.post("/imports", content_type="multipart/form-data", data={
        "kind": "mcpd", "file": (io.BytesIO(GOOD.encode()), "p.csv")})
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count(ImportJob.id))) == 0


@pytest.mark.parametrize("name", ["passport.txt", "passport.pdf"])
def test_only_csv_tsv_and_xlsx_are_taken(curator, name):
    response = upload(curator, GOOD, name)
    assert response.status_code == 303 and response.headers["Location"].endswith("/imports")
    assert ".xlsx" in curator.get("/imports").get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(ImportJob.id))) == 0


def test_too_large_a_file_gets_a_clear_413(curator, app, monkeypatch):
    monkeypatch.setitem(app.config, "GERMPLASM_UPLOAD_MAX_MB", 1)
    response = upload(curator, GOOD + "x" * (1024 * 1024))
    assert response.status_code == 413
    assert "1 MB" in response.get_data(as_text=True)


def test_unreadable_file_fails_with_its_reason(curator):
    url = job_of(upload(curator, "", "empty.csv"))
    state = curator.get(f"{url}.json").get_json()
    assert state["status"] == "failed" and "empty.csv" in state["report"]["error"]
    assert "/uploads/" not in state["report"]["error"]


def test_someone_elses_job_is_not_found(curator, client):
    from tests.imports.conftest import signed_in

    url = job_of(upload(curator, GOOD))
    client.post("/logout", data={"csrf_token": token(client)})
    other = signed_in(client, "staff")
    assert other.get(url).status_code == 404 and other.get(f"{url}.json").status_code == 404
    client.post("/logout", data={"csrf_token": token(client)})
    assert signed_in(client, "admin").get(url).status_code == 200  # admins see every upload


def test_an_unreadable_file_cannot_be_confirmed(curator):
    url = job_of(upload(curator, "", "empty.csv"))
    confirm(curator, url, skip_invalid="1")
    assert "没有可导入的数据" in curator.get(url).get_data(as_text=True)
    assert curator.get(f"{url}.json").get_json()["status"] == "failed"


def test_a_job_still_being_checked_cannot_be_confirmed(curator):
    url = job_of(upload(curator, GOOD))
    job = db.session.get(ImportJob, int(url.rsplit("/", 1)[1]))
    job.status = "checking"
    db.session.commit()
    confirm(curator, url)
    assert "仍在检查" in curator.get(url).get_data(as_text=True)
    assert accessions() == 0


def test_a_step_for_a_job_in_another_state_does_nothing(curator):
    from germplasm.jobs import call

    url = job_of(upload(curator, GOOD))
    job_id = int(url.rsplit("/", 1)[1])
    call("imports.run", job_id)  # e.g. a message delivered twice: the job was never confirmed
    call("imports.check", 10**6)  # a job cancelled before its worker got to it
    assert accessions() == 0
    assert curator.get(f"{url}.json").get_json()["status"] == "checked"

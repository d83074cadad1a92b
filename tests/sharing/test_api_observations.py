"""/api/v1/observations and /api/v1/summaries over HTTP: the rows of `germplasm export` for
the same selection and the same caller, paged; and POST /api/v1/observations: the sheet
import's rules, all or nothing, 400 naming each item's field, idempotent, tokens only."""
import pytest

from germplasm.evaluations import campaigns
from germplasm.evaluations.models import Observation, TraitSummary
from germplasm.extensions import db
from loaders.observation_export import number_text
from tests.sharing.api_support import all_items, bearer, exported, token_of

CAMPAIGN = "2026 评价"


def as_export_row(item: dict) -> list[str]:
    return [item["accenumb"], item["campaign"], str(item["year"]), item["descriptor"],
            item["value"], str(item["replicate"]), item["plant"], item["observed_on"] or "",
            item["observer"] or ""]


def as_summary_row(item: dict) -> list[str]:
    return [item["accenumb"], item["descriptor"], "" if item["year"] is None else
            str(item["year"]), str(item["n"]), *(number_text(item[k]) for k in
                                                   ("mean", "min", "max", "sd")),
            item["mode"] or ""]


@pytest.fixture
def staff(cli):
    return token_of(cli, "li.ming", "staff", "write")


def test_the_api_lists_the_rows_of_the_export_for_each_caller(cli, client, catalogue, staff,
                                                              tmp_path):
    researcher = token_of(cli, "wang.fang", "researcher")
    everything = exported(cli, tmp_path, "observations")
    public = exported(cli, tmp_path, "observations", "--public")
    assert len(everything) == 30 and {r[0] for r in everything} - {r[0] for r in public} == {
        "S006"}  # the restricted accession's observations are for staff only
    as_staff = [as_export_row(i) for i in all_items(client, "/api/v1/observations", staff)]
    assert as_staff == everything
    for token in (None, researcher):
        items = all_items(client, "/api/v1/observations?per_page=7", token)
        assert [as_export_row(i) for i in items] == public


@pytest.mark.parametrize("query, options", [
    ("accession=S001", ("--accession", "S001")),
    ("descriptor=SSC", ("--descriptor", "SSC")),
    ("campaign=" + CAMPAIGN, ("--campaign", CAMPAIGN)),
    ("year=2026&descriptor=HARVEST_DATE", ("--year", "2026", "--descriptor", "HARVEST_DATE")),
    ("year=2025", ("--year", "2025")),
    ("updated_since=2000-01-01", ("--updated-since", "2000-01-01")),
    ("updated_since=2999-01-01T00:00:00%2B08:00", ("--updated-since", "2999-01-01T00:00+08:00")),
])
def test_a_selection_gives_the_rows_the_export_gives_for_it(cli, client, catalogue, tmp_path,
                                                            query, options):
    rows = [as_export_row(i) for i in all_items(client, f"/api/v1/observations?{query}")]
    assert rows == exported(cli, tmp_path, "observations", "--public", *options)


def test_accessions_and_campaigns_by_id_and_what_an_item_carries(client, catalogue, staff):
    s001, campaign = catalogue["S001"], campaigns.find(CAMPAIGN)
    by_number = all_items(client, "/api/v1/observations?accession=S001")
    assert all_items(client, f"/api/v1/observations?accession={s001.id}") == by_number
    assert all_items(client, f"/api/v1/observations?campaign={campaign.id}&accession=S001") == \
        by_number
    harvest = next(i for i in by_number if i["descriptor"] == "HARVEST_DATE")
    stored = db.session.get(Observation, harvest["id"])
    assert harvest["value"] == "2026-07-12" and harvest["accession_id"] == s001.id
    assert harvest["campaign_id"] == campaign.id and harvest["plant"] == ""
    assert set(harvest) >= {"observed_on", "observer", "notes", "updated_at", "replicate"}
    assert harvest["updated_at"].startswith(stored.updated_at.date().isoformat())
    # the restricted accession's observations: not to the public, not even by its id
    s006 = catalogue["S006"]
    assert all_items(client, f"/api/v1/observations?accession={s006.id}") == []
    assert len(all_items(client, "/api/v1/observations?accession=S006", staff)) == 5


def test_lists_are_paged_with_links(client, catalogue):
    first = client.get("/api/v1/observations?per_page=10&descriptor=SSC")
    assert first.status_code == 200
    body = first.json
    assert body["total"] == 5 and len(body["items"]) == 5 and body["links"]["next"] is None
    page = client.get("/api/v1/observations?per_page=10&page=2").json
    assert page["total"] == 25 and len(page["items"]) == 10
    assert "page=3" in page["links"]["next"] and "page=1" in page["links"]["prev"]
    answer = client.get("/api/v1/observations?per_page=10&page=2")
    assert 'rel="next"' in answer.headers["Link"] and "page=3" in answer.headers["Link"]
    assert client.get("/api/v1/observations?per_page=1000").json["per_page"] == 100


@pytest.mark.parametrize("query, field", [
    ("descriptor=NO_SUCH", "descriptor"), ("campaign=no such campaign", "campaign"),
    ("year=abc", "year"), ("updated_since=yesterday", "updated_since"),
])
def test_bad_parameters_are_400_naming_the_parameter(client, catalogue, query, field):
    answer = client.get(f"/api/v1/observations?{query}")
    assert answer.status_code == 400 and answer.json["status"] == 400
    assert [e["field"] for e in answer.json["errors"]] == [field]


def test_summaries_are_the_rows_of_the_summaries_export(cli, client, catalogue, staff,
                                                        tmp_path):
    everything = exported(cli, tmp_path, "summaries")
    rows = [as_summary_row(i) for i in all_items(client, "/api/v1/summaries", staff)]
    assert rows == everything and len(rows) == 60  # 6 accessions, 5 descriptors, 2 "years"
    public = [as_summary_row(i) for i in all_items(client, "/api/v1/summaries?per_page=13")]
    assert public == exported(cli, tmp_path, "summaries", "--public")
    assert "S006" not in {r[0] for r in public}
    for query, options in (("descriptor=SSC&year=2026", ("--descriptor", "SSC", "--year", "2026")),
                           ("year=all", ("--year", "0"))):
        rows = [as_summary_row(i) for i in all_items(client, f"/api/v1/summaries?{query}")]
        assert rows == exported(cli, tmp_path, "summaries", "--public", *options) and rows
    assert client.get("/api/v1/summaries?year=1800").status_code == 400


# --- POST /api/v1/observations -------------------------------------------------------------

def post(client, body, token=None, **kwargs):
    return client.post("/api/v1/observations", json=body, headers=bearer(token), **kwargs)


NEW = [{"accenumb": "S007", "descriptor": "SSC", "value": 14.2, "observed_on": "2026-07-20",
        "observer": "张三"},
       {"accenumb": "S007", "descriptor": "FLESH_COLOR", "value": "黄色", "replicate": 1},
       {"accenumb": "S007", "descriptor": "HARVEST_DATE", "value": "7-21", "notes": "树冠南侧"}]


def test_posting_records_once_and_again_adds_nothing(client, catalogue, staff):
    before = db.session.scalar(db.select(db.func.count(Observation.id)))
    created = post(client, {"campaign": CAMPAIGN, "observations": NEW}, staff)
    assert created.status_code == 201, created.json
    assert created.json == {"created": 3, "updated": 0, "unchanged": 0}
    again = post(client, {"campaign": campaigns.find(CAMPAIGN).id, "observations": NEW}, staff)
    assert again.status_code == 200 and again.json == {"created": 0, "updated": 0,
                                                       "unchanged": 3}
    assert db.session.scalar(db.select(db.func.count(Observation.id))) == before + 3
    items = {i["descriptor"]: i for i in all_items(client, "/api/v1/observations?accession=S007")}
    assert items["HARVEST_DATE"]["value"] == "2026-07-21"  # the campaign's year filled in
    assert items["SSC"]["observer"] == "张三" and items["FLESH_COLOR"]["value"] == "5"
    changed = post(client, {"campaign": CAMPAIGN, "observations": [NEW[0] | {"value": "15"}]},
                   staff)
    assert changed.status_code == 200 and changed.json["updated"] == 1
    summary = db.session.scalars(db.select(TraitSummary).where(
        TraitSummary.accession_id == catalogue["S007"].id,
        TraitSummary.descriptor.has(code="SSC"))).first()
    assert summary is not None and summary.mean == 15.0  # summaries follow the service


def test_one_bad_item_and_nothing_is_recorded(client, catalogue, staff):
    before = db.session.scalar(db.select(db.func.count(Observation.id)))
    bad = [NEW[0],
           {"accenumb": "S007", "descriptor": "FRUIT_WEIGHT", "value": "heavy"},
           {"accenumb": "S007", "descriptor": "NO_SUCH", "value": "1"},
           {"accenumb": "X999", "descriptor": "SSC", "value": "12"},
           {"accenumb": "S002", "descriptor": "SSC", "value": "12", "observed_on": "2026-02-30"},
           {"accenumb": "S002", "descriptor": "SSC", "value": "99"},
           {"accenumb": "S003", "descriptor": "SSC", "value": ""}]
    answer = post(client, {"campaign": CAMPAIGN, "observations": bad}, staff)
    assert answer.status_code == 400, answer.json
    fields = [e["field"] for e in answer.json["errors"]]
    assert fields == ["observations[1].value", "observations[2].descriptor",
                      "observations[3].accenumb", "observations[4].observed_on",
                      "observations[5].value", "observations[6].value"]
    assert all(e["messages"] for e in answer.json["errors"])
    assert db.session.scalar(db.select(db.func.count(Observation.id))) == before


@pytest.mark.parametrize("body, field", [
    ({"campaign": "no such", "observations": NEW}, "campaign"),
    ({"campaign": 99999, "observations": NEW}, "campaign"),
    ({"campaign": CAMPAIGN, "observations": []}, "observations"),
    ({"campaign": CAMPAIGN}, "observations"),
    ({"campaign": CAMPAIGN, "observations": [NEW[0], NEW[1] | {"value": True}]},
     "observations[1].value"),
    ({"campaign": CAMPAIGN, "observations": [{"accenumb": "S007", "value": 3}]},
     "observations[0].descriptor"),
    ({"campaign": CAMPAIGN, "observations": [NEW[0] | {"colour": "red"}]},
     "observations[0].colour"),
    ({"campaign": CAMPAIGN, "observations": [NEW[0], NEW[0]]}, "observations[1]"),
])
def test_malformed_bodies_are_400_naming_the_field(client, catalogue, staff, body, field):
    answer = post(client, body, staff)
    assert answer.status_code == 400, answer.json
    assert field in [e["field"] for e in answer.json["errors"]], answer.json
    assert db.session.scalar(db.select(db.func.count(Observation.id)).where(
        Observation.accession_id == catalogue["S007"].id)) == 0


def test_only_staff_write_tokens_may_post(cli, client, app, catalogue):
    from tests.accounts.test_login import login

    body = {"campaign": CAMPAIGN, "observations": NEW}
    read = token_of(cli, "li.ming", "staff", "read")
    researcher = token_of(cli, "wang.fang", "researcher", "write")
    assert post(client, body).status_code == 401
    assert post(client, {"observations": "not even a list"}).status_code == 401
    assert post(client, {}, read).status_code == 403  # refused before the body is read
    assert post(client, body, read).status_code == 403
    answer = post(client, body, researcher)
    assert answer.status_code == 403 and answer.json["status"] == 403
    signed_in = app.test_client()  # a session cookie does not write through the API
    login(signed_in, "li.ming", "orchard-2026")
    refused = post(signed_in, body)
    assert refused.status_code == 401 and "令牌" in refused.json["message"]
    assert db.session.scalar(db.select(db.func.count(Observation.id)).where(
        Observation.accession_id == catalogue["S007"].id)) == 0


def test_bad_json_and_large_bodies_are_refused_in_json(client, app, catalogue, staff,
                                                       monkeypatch):
    broken = client.post("/api/v1/observations", data="{not json", headers=bearer(staff),
                         content_type="application/json")
    assert broken.status_code == 400 and broken.json["status"] == 400
    monkeypatch.setitem(app.config, "GERMPLASM_API_MAX_BODY_MB", 1)
    many = [NEW[0] | {"notes": "x" * 1000, "replicate": n} for n in range(1, 1100)]
    large = post(client, {"campaign": CAMPAIGN, "observations": many}, staff)
    assert large.status_code == 413 and large.json["status"] == 413

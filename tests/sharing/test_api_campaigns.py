"""GET /api/v1/campaigns and /campaigns/{id}: what a campaign produced is public, counted
over the accessions a caller may see; its worklist, progress and observers are for staff."""
from germplasm.evaluations import campaigns
from germplasm.extensions import db
from tests.catalogue import CODES
from tests.sharing.api_callers import assert_not_found, assert_utc, bearer


def _planned():
    campaign, _ = campaigns.get_or_create("2027 计划", 2027, site="重庆巫山", observers="李明")
    db.session.commit()
    return campaign


def test_the_public_sees_what_a_campaign_produced_on_public_accessions(client, catalogue):
    planned = _planned()
    listed = client.get("/api/v1/campaigns")
    assert listed.status_code == 200, listed.get_data(as_text=True)
    assert listed.json["total"] == 1
    [item] = listed.json["items"]
    assert item["name"] == "2026 评价" and item["year"] == 2026
    assert item["observations"] == 25 and item["accessions"] == 5  # S006 is restricted
    assert item["worklist"] is None and item["observers"] is None
    assert_utc(item["updated_at"])
    assert_not_found(client.get(f"/api/v1/campaigns/{planned.id}"))
    one = client.get(f"/api/v1/campaigns/{item['id']}").json
    assert one["observations"] == 25 and one["name"] == "2026 评价"


def test_staff_see_every_campaign_with_its_worklist(client, cli, catalogue):
    planned = _planned()
    campaign = campaigns.find("2026 评价")
    campaigns.add_to_worklist(campaign, [a.id for a in catalogue.values()])  # S007 unobserved
    db.session.commit()
    staff = bearer(cli, "staff")
    listed = client.get("/api/v1/campaigns", headers=staff).json
    assert [c["name"] for c in listed["items"]] == ["2027 计划", "2026 评价"]
    one = client.get(f"/api/v1/campaigns/{campaign.id}", headers=staff).json
    assert one["observations"] == 30 and one["accessions"] == 6
    assert set(one["descriptors"]) == set(CODES)
    assert one["worklist"] == {"accessions": 7, "descriptors": 5, "cells": 35, "filled": 30,
                               "percent": 85}
    later = client.get(f"/api/v1/campaigns/{planned.id}", headers=staff).json
    assert later["observers"] == "李明" and later["observations"] == 0
    assert later["first_observed"] is None and later["worklist"]["accessions"] == 0


def test_unknown_campaigns_are_json_404s(client):
    for path in ("999999", "2147483648", "abc", "0"):
        assert_not_found(client.get(f"/api/v1/campaigns/{path}"))


def test_a_partner_counts_its_own_institutes_restricted_accessions(client, cli, catalogue,
                                                                   make_accession):
    make_accession(accenumb="O1", instcode="CHN222")  # another institute, known from now on
    campaign = campaigns.find("2026 评价")
    own = client.get(f"/api/v1/campaigns/{campaign.id}", headers=bearer(cli, "partner", "CHN385"))
    assert own.json["observations"] == 30 and own.json["accessions"] == 6  # S006 is CHN385's
    assert own.json["worklist"] is None and own.json["observers"] is None
    other = client.get(f"/api/v1/campaigns/{campaign.id}", headers=bearer(cli, "partner", "CHN222"))
    assert other.json["observations"] == 25 and other.json["accessions"] == 5

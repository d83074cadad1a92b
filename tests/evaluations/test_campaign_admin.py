"""Campaigns edited in the admin go through campaign_edits: audited, summaries follow the year."""
from germplasm.audit.models import AuditEntry
from germplasm.evaluations import campaigns
from germplasm.evaluations.campaigns import descriptors_by_code
from germplasm.evaluations.models import ALL_YEARS, Campaign, TraitSummary
from germplasm.evaluations.observations import NewObservation, record
from germplasm.evaluations.values import ValueParser
from germplasm.extensions import db
from tests.test_admin import page_token, text


def _campaign_with_values(plums) -> Campaign:
    campaign, _ = campaigns.get_or_create("2025 果实评价", 2025, site="巫山圃")
    ssc = descriptors_by_code(["SSC"])[0]
    campaigns.add_descriptors(campaign, [ssc])
    record(campaign, [NewObservation(accession_id=p.id, descriptor=ssc,
                                     value=ValueParser(ssc).parse(v))
                      for p, v in zip(plums, ("12.5", "14.0"), strict=False)],
           user="tests", source="test")
    db.session.commit()
    return campaign


def _form(client, campaign, **changes) -> dict:
    path = f"/admin/campaigns/edit/?id={campaign.id}"
    return {"csrf_token": page_token(client, path), "name": campaign.name,
            "year": str(campaign.year), "site": campaign.site or "", "observers": "",
            "description": "", "descriptors": [str(d.id) for d in campaign.descriptors]} | changes


def _summary_years(campaign) -> set[int]:
    return set(db.session.scalars(db.select(TraitSummary.year).where(
        TraitSummary.descriptor_id == campaign.descriptors[0].id)))


def test_a_new_year_moves_the_summaries_and_is_audited(client, as_role, plums):  # noqa: F811
    campaign = _campaign_with_values(plums)
    assert _summary_years(campaign) == {2025, ALL_YEARS}
    as_role("curator")
    path = f"/admin/campaigns/edit/?id={campaign.id}"
    response = client.post(path, data=_form(client, campaign, year="2026"))
    assert response.status_code == 302, text(response)[:2000]
    db.session.expire_all()
    assert campaign.year == 2026
    assert _summary_years(campaign) == {2026, ALL_YEARS}
    entry = db.session.scalar(db.select(AuditEntry).filter_by(entity="campaign", field="year"))
    assert (entry.old_value, entry.new_value, entry.user) == ("2025", "2026", "curator.user")


def test_a_descriptor_with_values_cannot_be_dropped(client, as_role, plums):  # noqa: F811
    campaign = _campaign_with_values(plums)
    as_role("curator")
    path = f"/admin/campaigns/edit/?id={campaign.id}"
    response = client.post(path, data=_form(client, campaign, descriptors=[]))
    assert response.status_code == 200
    assert "SSC" in text(response) and "已有观测值" in text(response)
    db.session.expire_all()
    assert [d.code for d in campaign.descriptors] == ["SSC"]


def test_a_taken_name_and_a_bad_year_are_refused_by_field(client, as_role, plums):  # noqa: F811
    campaign = _campaign_with_values(plums)
    campaigns.get_or_create("2024 花期", 2024)
    db.session.commit()
    as_role("curator")
    path = f"/admin/campaigns/edit/?id={campaign.id}"
    taken = client.post(path, data=_form(client, campaign, name="2024 花期"))
    assert taken.status_code == 200 and "已经存在" in text(taken)
    too_early = client.post(path, data=_form(client, campaign, year="1800"))
    assert too_early.status_code == 200 and "年份须在 1900 至 2100 之间" in text(too_early)
    db.session.expire_all()
    assert (campaign.name, campaign.year) == ("2025 果实评价", 2025)
    assert db.session.scalar(db.select(AuditEntry).filter_by(entity="campaign",
                                                             action="update")) is None


def test_a_campaign_created_in_the_admin_is_audited(client, as_role):  # noqa: F811
    as_role("curator")
    path = "/admin/campaigns/new/"
    response = client.post(path, data={"csrf_token": page_token(client, path),
                                       "name": "2027 抗性", "year": "2027"})
    assert response.status_code == 302, text(response)[:2000]
    campaign = campaigns.find("2027 抗性")
    entry = db.session.scalar(db.select(AuditEntry).filter_by(entity="campaign",
                                                             entity_id=campaign.id))
    assert entry.action == "create"

"""The change feed is written with the change itself: imports, observations, campaigns and
descriptors leave rows in commit order; a rollback leaves none; a restricted or deleted
accession becomes a delete for those who may no longer see it."""
from germplasm.accessions.services import update_passport
from germplasm.evaluations import campaigns
from germplasm.evaluations.campaigns import descriptors_by_code
from germplasm.evaluations.observations import NewObservation, record
from germplasm.evaluations.values import ValueParser
from germplasm.extensions import db
from germplasm.feed.models import Change
from germplasm.feed.outbox import latest_cursor
from germplasm.feed.reading import changes_after


def _since(cursor: int, scope=True) -> list[tuple[str, object, str]]:
    items, _ = changes_after(cursor, 1000, scope)
    return [(i.entity, i.id, i.op) for i in items]


def test_a_new_accession_and_its_observations_are_in_the_feed(make_accession):
    start = latest_cursor()
    accession = make_accession(accename="巫山脆李")
    assert _since(start) == [("accession", accession.id, "upsert")]
    campaign, _ = campaigns.get_or_create("2026 feed", 2026)
    ssc = descriptors_by_code(["SSC"])[0]
    record(campaign, [NewObservation(accession.id, ssc, ValueParser(ssc).parse("14.5", 2026))],
           user="tests", source="test")
    db.session.commit()
    seen = _since(start)
    observation = db.session.scalars(db.select(Change).where(
        Change.entity == "observation", Change.cursor > start).order_by(Change.cursor)).all()[-1]
    assert ("observation", int(observation.entity_id), "upsert") in seen
    assert ("summary", f"{accession.id}:SSC", "upsert") in seen
    assert ("campaign", campaign.id, "upsert") in seen
    cursors = [i.cursor for i in changes_after(start, 1000, True)[0]]
    assert cursors == sorted(cursors) and len(set(cursors)) == len(cursors)


def test_a_rolled_back_change_leaves_nothing(make_accession):
    accession = make_accession()
    start = latest_cursor()
    update_passport(accession, {"REMARKS": "never committed"}, user="tests", source="test")
    db.session.rollback()
    assert _since(start) == []
    update_passport(accession, {"REMARKS": "committed"}, user="tests", source="test")
    db.session.commit()
    assert _since(start) == [("accession", accession.id, "upsert")]


def test_a_restricted_accession_becomes_a_delete_for_the_public_only(make_accession):
    accession = make_accession(accename="公开的李")
    start = latest_cursor()
    update_passport(accession, {"RESTRICTED": "Y"}, user="tests", source="test")
    db.session.commit()
    assert _since(start, scope=False) == [("accession", accession.id, "delete")]
    assert _since(start, scope=True) == [("accession", accession.id, "upsert")]
    assert _since(start, scope={"CHN385"}) == [("accession", accession.id, "upsert")]
    assert _since(start, scope={"USA001"}) == [("accession", accession.id, "delete")]
    again = latest_cursor()
    update_passport(accession, {"REMARKS": "still restricted"}, user="tests", source="test")
    db.session.commit()
    assert _since(again, scope=False) == []  # never shown while it is not public
    update_passport(accession, {"RESTRICTED": ""}, user="tests", source="test")
    db.session.commit()
    assert _since(again, scope=False) == [("accession", accession.id, "upsert")]


def test_an_accession_restricted_from_birth_is_never_shown_to_the_public(make_accession):
    start = latest_cursor()
    make_accession(restricted="Y")
    assert _since(start, scope=False) == []
    items, cursor = changes_after(start, 10, False)
    assert items == [] and cursor == latest_cursor()  # the next poll starts past it


def test_a_deleted_accession_leaves_a_tombstone(make_accession):
    accession = make_accession()
    start, number = latest_cursor(), accession.id
    from search.state import mark_changed

    db.session.delete(accession)
    mark_changed([number])  # what the admin's delete does
    db.session.commit()
    assert _since(start, scope=True) == [("accession", number, "delete")]
    assert _since(start, scope=False) == [("accession", number, "delete")]


def test_limit_and_next_page_through_the_feed(make_accession):
    start = latest_cursor()
    made = [make_accession().id for _ in range(5)]
    first, cursor = changes_after(start, 2, False)
    second, cursor = changes_after(cursor, 2, False)
    third, cursor = changes_after(cursor, 2, False)
    assert [i.id for i in first + second + third] == made
    assert changes_after(cursor, 2, False) == ([], cursor)

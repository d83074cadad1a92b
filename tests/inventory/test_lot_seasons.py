"""`available=true` means a lot that can be sent today: distributable, something available,
not expired, in season; each lot says whether it is in season and when its window opens."""
from datetime import date, timedelta

import pytest

from germplasm.inventory.seasons import in_window, next_opening


def mmdd(day: date) -> str:
    return f"{day.month:02d}-{day.day:02d}"


def test_available_true_is_distributable_in_stock_unexpired_and_in_season(client, make_lot,
                                                                         make_accession):
    today = date.today()
    accession = make_accession()
    around = dict(available_from=mmdd(today - timedelta(days=10)),
                  available_to=mmdd(today + timedelta(days=10)))
    later = dict(available_from=mmdd(today + timedelta(days=40)),
                 available_to=mmdd(today + timedelta(days=80)))
    sendable = {make_lot(accession, quantity=5, distributable=True).lot_number,
                make_lot(accession, quantity=5, distributable=True, **around).lot_number,
                make_lot(accession, material="pollen", unit="g", quantity=1, distributable=True,
                         expires_on=today).lot_number}
    out_of_season = make_lot(accession, quantity=5, distributable=True, **later)
    expired = make_lot(accession, material="pollen", unit="g", quantity=1, distributable=True,
                       expires_on=today - timedelta(days=1))
    url = f"/api/v1/lots?accenumb={accession.accenumb}&per_page=100"
    listed = client.get(url + "&available=true")
    assert listed.status_code == 200, listed.get_data(as_text=True)
    assert {i["lot_number"] for i in listed.json["items"]} == sendable
    others = {i["lot_number"] for i in client.get(url + "&available=false").json["items"]}
    assert others == {out_of_season.lot_number, expired.lot_number}

    items = {i["lot_number"]: i for i in client.get(url).json["items"]}
    waiting = items[out_of_season.lot_number]
    assert waiting["in_season"] is False
    opens = date.fromisoformat(waiting["next_available_from"])
    assert mmdd(opens) == later["available_from"] and today < opens <= today + timedelta(41)
    for number in sendable:
        assert (items[number]["in_season"], items[number]["next_available_from"]) == (True, None)


def test_the_lot_detail_has_the_season_fields_too(client, make_lot):
    today = date.today()
    lot = make_lot(distributable=True, available_from=mmdd(today + timedelta(days=3)),
                   available_to=mmdd(today + timedelta(days=5)))
    body = client.get(f"/api/v1/lots/{lot.lot_number}").json
    assert body["in_season"] is False
    assert body["next_available_from"] == (today + timedelta(days=3)).isoformat()


@pytest.mark.no_db
@pytest.mark.parametrize("window,day,opens", [
    (("12-01", "02-28"), date(2026, 1, 15), None),
    (("12-01", "02-28"), date(2026, 3, 1), date(2026, 12, 1)),
    (("06-01", "07-31"), date(2026, 8, 1), date(2027, 6, 1)),
    (("06-01", "07-31"), date(2026, 5, 31), date(2026, 6, 1)),
    (("02-29", "03-10"), date(2026, 3, 11), date(2028, 2, 29)),
    ((None, None), date(2026, 3, 11), None),
])
def test_next_opening(window, day, opens):
    assert next_opening(*window, day) == opens
    assert in_window(*window, day) is (opens is None)

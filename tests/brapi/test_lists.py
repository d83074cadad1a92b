"""GET/POST /brapi/v2/lists: saved selections as germplasm lists. Everyone sees the published
ones, a signed-in caller also their own; a list's size and data count only the accessions
the caller may see. POST needs a write-scope token and creates the caller's own lists."""
from germplasm.accounts import tokens
from germplasm.accounts.services import create_user, find
from germplasm.extensions import db
from germplasm.selections.models import Selection
from tests.accounts.test_login import login

BASE = "/brapi/v2"
CORE, ELITE, PRIVATE = "巫山脆李 core collection", "elite material 2026", "li.ming's private picks"


def _bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def _token(username: str, role: str = "researcher", scope: str = "write") -> dict:
    user = find(username) or create_user(username, role, "orchard-2026", username)
    _record, secret = tokens.create(user, scope=scope)
    db.session.commit()
    return _bearer(secret)


def _lists(client, query: str = "", headers=None) -> dict:
    response = client.get(f"{BASE}/lists{query}", headers=headers or {})
    assert response.status_code == 200, response.data
    return {row["listName"]: row for row in response.get_json()["result"]["data"]}


def _one(client, list_id, headers=None):
    return client.get(f"{BASE}/lists/{list_id}", headers=headers or {})


def test_everyone_sees_published_lists_with_only_what_they_may_see(client, brapi_world):
    ids = brapi_world.ids
    public = _lists(client)
    assert set(public) == {CORE, ELITE}
    core = public[CORE]
    assert core["listType"] == "germplasm" and core["listSource"] == "genebank"
    assert core["listSize"] == 2 and core["listOwnerName"] == "王芳"  # B004 is restricted
    assert public[ELITE]["listOwnerPersonDbId"] is None
    data = _one(client, core["listDbId"]).get_json()["result"]["data"]
    assert data == [str(ids["B001"]), str(ids["B002"])]
    staff = _bearer(brapi_world.staff_token)
    full = _one(client, core["listDbId"], staff).get_json()["result"]
    assert full["listSize"] == 3 and str(ids["B004"]) in full["data"]


def test_a_private_list_is_its_owners_alone(client, brapi_world):
    private = db.session.scalar(db.select(Selection).where(Selection.name == PRIVATE))
    assert _one(client, private.id).status_code == 404  # anonymous
    assert _one(client, private.id, _bearer(brapi_world.staff_token)).status_code == 404
    assert PRIVATE not in _lists(client, headers=_bearer(brapi_world.staff_token))
    assert _one(client, "no-such-list").status_code == 404
    login(client, "li.ming", "orchard-2026")  # a session is a signed-in caller too
    mine = _lists(client)
    assert set(mine) == {CORE, ELITE, PRIVATE}
    assert mine[PRIVATE]["listSource"] == "personal"
    assert _one(client, private.id).get_json()["result"]["data"] == [
        str(brapi_world.ids["B002"])]


def test_the_spec_filters_narrow_the_lists(client, brapi_world):
    core = _lists(client)[CORE]
    assert set(_lists(client, f"?listDbId={core['listDbId']}")) == {CORE}
    assert set(_lists(client, "?listName=elite%20material%202026")) == {ELITE}
    assert set(_lists(client, "?listType=germplasm")) == {CORE, ELITE}
    assert _lists(client, "?listType=markers") == {}
    assert set(_lists(client, f"?listOwnerPersonDbId={core['listOwnerPersonDbId']}")) == {CORE}
    assert set(_lists(client, "?listSource=genebank")) == {CORE, ELITE}
    assert _lists(client, "?listSource=personal") == {}
    bad = client.get(f"{BASE}/lists?listType=potatoes")
    assert bad.status_code == 400 and "listType" in bad.get_json()["metadata"]["status"][0][
        "message"]
    paged = client.get(f"{BASE}/lists?pageSize=1&page=1").get_json()
    assert paged["metadata"]["pagination"]["totalCount"] == 2
    assert len(paged["result"]["data"]) == 1


def test_a_write_token_creates_the_callers_own_lists(client, brapi_world):
    ids = brapi_world.ids
    headers = _token("zhao.lei")
    response = client.post(f"{BASE}/lists", headers=headers, json=[
        {}, {"listName": "my pick", "listType": "germplasm",
             "data": [str(ids["B003"]), str(ids["B001"])]}])
    assert response.status_code == 200, response.data
    made = response.get_json()["result"]["data"]
    assert made[0]["listName"].startswith("BrAPI list 20") and made[0]["listSize"] == 0
    assert made[1]["listName"] == "my pick" and made[1]["listSize"] == 2
    assert made[1]["listOwnerPersonDbId"] == str(find("zhao.lei").id)
    assert set(_lists(client, headers=headers)) == {CORE, ELITE, "my pick",
                                                    made[0]["listName"]}
    assert "my pick" not in _lists(client)  # nobody else's
    data = _one(client, made[1]["listDbId"], headers).get_json()["result"]["data"]
    assert data == [str(ids["B003"]), str(ids["B001"])]


def test_writing_lists_needs_a_write_token(client, brapi_world):
    refused = client.post(f"{BASE}/lists", json=[{}])
    assert refused.status_code == 401
    assert refused.get_json()["metadata"]["status"][0]["messageType"] == "ERROR"
    read_only = client.post(f"{BASE}/lists", json=[{}], headers=_token("zhao.lei",
                                                                         scope="read"))
    assert read_only.status_code == 403
    login(client, "li.ming", "orchard-2026")  # a session cookie alone cannot write
    assert client.post(f"{BASE}/lists", json=[{}]).status_code == 401
    assert db.session.scalar(db.select(db.func.count()).select_from(Selection)) == 3


def test_a_bad_list_is_refused_naming_the_item_and_field_and_nothing_is_kept(client,
                                                                               brapi_world):
    ids = brapi_world.ids
    headers = _token("zhao.lei")
    cases = [
        ({"listName": "x"}, "JSON"),
        ([{"listName": "ok"}, {"listType": "markers"}], "[1].listType"),
        ([{"data": [str(ids["B001"]), "999999"]}], "[0].data[1]"),
        ([{"data": [str(ids["B004"])]}], "[0].data[0]"),  # restricted: not for a researcher
        ([{"data": [7]}], "[0].data[0]"),
        ([{"listName": 12}], "[0].listName"),
        ([{"listName": "  "}], "[0].listName"),
        (["a list"], "[0]"),
    ]
    for body, field in cases:
        response = client.post(f"{BASE}/lists", headers=headers, json=body)
        assert response.status_code == 400, body
        message = response.get_json()["metadata"]["status"][0]["message"]
        assert message.startswith(field) or field in message, (body, message)
    assert set(_lists(client, headers=headers)) == {CORE, ELITE}
    staff = client.post(f"{BASE}/lists", headers=_bearer(brapi_world.staff_token),
                        json=[{"listName": "hidden ones", "data": [str(ids["B004"])]}])
    assert staff.status_code == 200  # staff may see B004


def test_a_staff_published_list_of_a_researcher_is_shown_to_everyone(app, client,
                                                                      brapi_world):
    headers = _token("zhao.lei")
    made = client.post(f"{BASE}/lists", headers=headers, json=[
        {"listName": "to share", "data": [str(brapi_world.ids["B002"])]}]).get_json()
    list_id = made["result"]["data"][0]["listDbId"]
    assert _one(client, list_id).status_code == 404
    selection = db.session.get(Selection, int(list_id))
    login(client, "wang.fang", "orchard-2026")
    page = client.get(f"/selections/{selection.token}").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    answer = client.post(f"/selections/{selection.token}/publish",
                         data={"csrf_token": token, "published": "1"})
    assert answer.status_code == 302
    shown = _one(app.test_client(), list_id).get_json()["result"]  # anonymous
    assert shown["listName"] == "to share" and shown["listOwnerName"] == "zhao.lei"


def test_the_demo_catalogue_publishes_lists(cli, client):
    result = cli("demo", "--accessions", 200, "--no-evaluations", "--seed", 1)
    assert result.exit_code == 0, result.output
    public = _lists(client)
    assert {CORE, "野生近缘种 wild relatives"} <= set(public)  # elite: from evaluations
    core = _one(client, public[CORE]["listDbId"]).get_json()["result"]
    assert core["listSize"] == len(core["data"]) > 0
    names = client.post(f"{BASE}/search/germplasm", json={"germplasmDbIds": core["data"]},
                        headers=_token("zhao.lei", scope="read"))
    found = _one_search(client, names.get_json()["result"]["searchResultsDbId"])
    assert all("脆李" in row["germplasmName"] or any("脆李" in s["synonym"] for s in
                                                  row["synonyms"]) for row in found)


def _one_search(client, search_id) -> list[dict]:
    return client.get(f"{BASE}/search/germplasm/{search_id}").get_json()["result"]["data"]

"""A saved selection as a list, over HTTP: staff publish and unpublish it from its page (then
everyone sees it as a BrAPI list), and a signed-in user puts its accessions into the request
cart, refusals shown on the page."""
import re

from germplasm.accounts.services import create_user
from germplasm.extensions import db
from germplasm.requests.models import CartItem
from germplasm.selections import saved
from tests.accounts.test_login import csrf_token, login


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.get_data(as_text=True)))


def _saved(owner, *accessions, name="核心种质"):
    made = saved.create(name, owner, [a.id for a in accessions])
    db.session.commit()
    return made


def _post(client, path, **data):
    return client.post(path, data={"csrf_token": csrf_token(client, "/selections"), **data})


def _brapi_names(app) -> list[str]:
    rows = app.test_client().get("/brapi/v2/lists").get_json()["result"]["data"]
    return [row["listName"] for row in rows]


def test_staff_publish_and_unpublish_a_saved_selection(app, client, catalogue):
    owner = create_user("wang.fang", "researcher", "orchard-2026", "王芳")
    create_user("li.ming", "staff", "orchard-2026", "李明")
    selection = _saved(owner, catalogue["S001"], catalogue["S002"])
    login(client, "li.ming", "orchard-2026")
    page = client.get(f"/selections/{selection.token}?lang=en").get_data(as_text=True)
    assert "Publish as a list for everyone" in page
    assert _post(client, f"/selections/{selection.token}/publish",
                 published="1").status_code == 302
    assert _brapi_names(app) == ["核心种质"]
    page = _text(client.get(f"/selections/{selection.token}?lang=zh"))
    assert "取消发布" in page and "所有人都能以 BrAPI 列表看到" in page
    _post(client, f"/selections/{selection.token}/publish", published="0")
    assert _brapi_names(app) == []


def test_only_staff_may_publish(client, catalogue):
    owner = create_user("wang.fang", "researcher", "orchard-2026", "王芳")
    selection = _saved(owner, catalogue["S001"])
    login(client, "wang.fang", "orchard-2026")
    page = client.get(f"/selections/{selection.token}?lang=en").get_data(as_text=True)
    assert "Publish as a list" not in page
    assert _post(client, f"/selections/{selection.token}/publish",
                 published="1").status_code == 403
    assert db.session.get(type(selection), selection.id).published is False


def _cart(user) -> list[tuple[int, str, int]]:
    return [(i.accession_id, i.material, i.quantity_milli) for i in db.session.scalars(
        db.select(CartItem).where(CartItem.user_id == user.id).order_by(CartItem.accession_id))]


def test_a_list_goes_into_the_request_cart(client, catalogue):
    staff = create_user("li.ming", "staff", "orchard-2026", "李明")
    asker = create_user("wang.fang", "researcher", "orchard-2026", "王芳")
    listed = _saved(staff, catalogue["S001"], catalogue["S006"], catalogue["S003"])
    login(client, "wang.fang", "orchard-2026")
    page = _text(client.get(f"/selections/{listed.token}?lang=zh"))
    assert "全部加入申请单" in page
    answer = _post(client, f"/cart/selection/{listed.token}", material="scion", quantity="10")
    assert answer.status_code == 302 and answer.headers["Location"].endswith(listed.token)
    # S006 is restricted: a researcher never sees it, so it is not put in.
    assert _cart(asker) == [(catalogue["S001"].id, "scion", 10_000),
                            (catalogue["S003"].id, "scion", 10_000)]
    assert "已加入申请单" in _text(client.get("/cart"))


def test_a_refused_quantity_is_shown_and_nothing_is_added(client, catalogue):
    owner = create_user("wang.fang", "researcher", "orchard-2026", "王芳")
    listed = _saved(owner, catalogue["S001"], catalogue["S002"])
    login(client, "wang.fang", "orchard-2026")
    answer = _post(client, f"/cart/selection/{listed.token}", material="scion",
                   quantity="1.5")
    assert answer.status_code == 302
    shown = _text(client.get(answer.headers["Location"]))
    assert "未加入申请单" in shown
    assert _cart(owner) == []
    assert _post(client, "/cart/selection/no-such-token", material="scion",
                 quantity="1").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, catalogue):
    owner = create_user("wang.fang", "researcher", "orchard-2026", "王芳")
    listed = _saved(owner, catalogue["S001"])
    assert "全部加入申请单" not in _text(client.get(f"/selections/{listed.token}"))
    answer = client.post(f"/cart/selection/{listed.token}",
                         data={"csrf_token": csrf_token(client, "/"), "quantity": "1"})
    assert answer.status_code == 302 and "/login" in answer.headers["Location"]

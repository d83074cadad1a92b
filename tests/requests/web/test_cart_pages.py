"""The request cart over HTTP: filled from the accession page, the search results and the
comparison; quantities changed and lines removed; what is available now or from when."""
from datetime import date, timedelta

from germplasm.extensions import db
from germplasm.requests.models import CartItem
from tests.requests.web.support import add, post, text


def _lines(user="asker"):
    from germplasm.accounts.models import User

    owner = db.session.scalar(db.select(User).where(User.username == user))
    return db.session.scalars(db.select(CartItem).where(CartItem.user_id == owner.id)
                              .order_by(CartItem.id)).all()


def test_the_accession_page_adds_to_the_cart_and_the_cart_shows_availability(people, stock):
    lot = stock(quantity=20)
    client = people["asker"]
    number = lot.accession.accenumb
    page = text(client.get(f"/accessions/{number}"))
    assert "加入申请单" in page
    answer = add(client, lot.accession, quantity="5", next=f"/accessions/{number}")
    assert answer.status_code == 302 and answer.headers["Location"].endswith(number)
    cart = text(client.get("/cart"))
    assert number in cart and "接穗" in cart
    assert "现可提供：18 支" in cart  # 20 on hand less the critical 2
    assert "申请单 (1)" in text(client.get("/"))
    assert [line.quantity_milli for line in _lines()] == [5000]


def test_out_of_season_stock_says_when_and_no_stock_says_so(people, stock, make_accession):
    today = date.today()
    opens, closes = today + timedelta(days=10), today + timedelta(days=40)
    if opens.year != today.year or closes.year != today.year:  # keep the window in one year
        opens, closes = today - timedelta(days=60), today - timedelta(days=30)
    lot = stock(available_from=opens.strftime("%m-%d"), available_to=closes.strftime("%m-%d"))
    bare = make_accession()
    client = people["asker"]
    add(client, lot.accession)
    add(client, bare, material="pollen", quantity="0.5")
    cart = text(client.get("/cart"))
    assert f"{opens.strftime('%m-%d')} 起可提供：18 支" in cart
    assert "暂无库存" in cart
    assert 'value="0.5"' in client.get("/cart").get_data(as_text=True)


def test_ticked_results_and_one_row_go_into_the_cart(people, make_accession):
    first, second, third = make_accession(), make_accession(), make_accession()
    client = people["asker"]
    answer = post(client, "/cart/add", {"accession": [str(first.id), str(second.id)],
                                        "material": "budwood", "quantity": "3",
                                        "next": "/search?q="})
    assert answer.status_code == 302 and answer.headers["Location"] == "/search?q="
    # A row's own button sends `one`; the ticked boxes of the same form are ignored.
    post(client, "/cart/add", {"accession": [str(first.id)], "one": str(third.id),
                               "material": "scion", "quantity": "2"})
    lines = _lines()
    assert [(line.accession_id, line.material) for line in lines] == [
        (first.id, "budwood"), (second.id, "budwood"), (third.id, "scion")]
    assert "已加入申请单" in text(client.get("/cart"))


def test_the_search_and_compare_pages_offer_the_cart_to_signed_in_users(people, catalogue,
                                                                       client):
    page = text(people["asker"].get("/search?q="))
    assert "将勾选的加入申请单" in page and "加入申请单" in page
    compare = text(people["asker"].get("/compare?a=S001,S002"))
    assert "将这 2 份加入申请单" in compare
    assert "加入申请单" not in text(client.get("/search?q="))  # anonymous
    assert "登录后申请材料" in text(client.get("/accessions/S001"))


def test_restricted_or_unknown_accessions_are_refused(people, make_accession):
    hidden = make_accession(restricted="Y")
    client = people["asker"]
    answer = add(client, hidden)
    assert answer.status_code == 302
    assert "没有" in text(client.get("/cart")) and not _lines()
    answer = post(client, "/cart/add", {"accession": "999999", "material": "scion",
                                        "quantity": "1"})
    assert "999999" in text(client.get("/cart")) and not _lines()


def test_a_bad_quantity_is_refused_when_adding(people, make_accession):
    client = people["asker"]
    accession = make_accession()
    for quantity in ("", "abc", "1.5", "0"):
        add(client, accession, quantity=quantity)
        assert "未加入申请单" in text(client.get("/cart")), quantity
    assert not _lines()


def test_quantities_are_changed_and_lines_removed(people, make_accession):
    client = people["asker"]
    first, second = make_accession(), make_accession()
    add(client, first)
    add(client, second)
    line, other = _lines()
    answer = post(client, "/cart/update", {"item": line.id, "quantity": "8"})
    assert answer.status_code == 302
    db.session.refresh(line)
    assert line.quantity_milli == 8000
    answer = post(client, "/cart/update", {"item": line.id, "quantity": "2.5"})
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert f'id="e-line-{line.id}"' in page and 'aria-invalid="true"' in page
    assert 'value="2.5"' in page  # what was typed stays to be corrected
    db.session.refresh(line)
    assert line.quantity_milli == 8000
    answer = post(client, f"/cart/{other.id}/remove", {})
    assert answer.status_code == 302 and [x.id for x in _lines()] == [line.id]


def test_someone_elses_cart_line_cannot_be_changed(people, make_accession):
    add(people["other"], make_accession())
    (line,) = _lines("other")
    answer = post(people["asker"], "/cart/update", {"item": line.id, "quantity": "9"})
    assert answer.status_code == 400
    post(people["asker"], f"/cart/{line.id}/remove", {})
    assert [x.quantity_milli for x in _lines("other")] == [5000]


def test_the_cart_needs_a_signed_in_user_and_a_csrf_token(client, people, make_accession):
    answer = client.get("/cart")
    assert answer.status_code == 302 and "/login" in answer.headers["Location"]
    accession = make_accession()
    answer = people["asker"].post("/cart/add", data={"accession": accession.id,
                                                     "material": "scion", "quantity": "1"})
    assert answer.status_code == 400 and not _lines()


def test_the_cart_in_english(people, stock):
    lot = stock()
    add(people["asker"], lot.accession)
    page = text(people["asker"].get("/cart?lang=en"))
    assert "Request cart (1)" in page and "Available now: 18 pieces" in page

"""Submitting the cart under the MTA, and the pages that list and show requests: a
requester sees only their own, curators all of them with their review flags."""
from germplasm.extensions import db
from germplasm.requests.models import CartItem, MaterialRequest
from tests.requests.web.support import (
    RECIPIENT,
    add,
    post,
    submitted_request,
    text,
)


def _count(model) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def test_the_form_shows_the_agreement_and_a_request_is_submitted(people, stock):
    lots = [stock(), stock()]
    client = people["asker"]
    for lot in lots:
        add(client, lot.accession)
    form = client.get("/cart/submit")
    page = text(form)
    assert "材料转移协议（2026-1 版）" in page and "接收方仅将材料用于申请中说明的用途" in page
    assert all(lot.accession.accenumb in page for lot in lots)
    assert "研究所" in page and "合作社" in page and "育种" in page and "保存" in page
    answer = post(client, "/cart/submit", RECIPIENT | {"final_recipient": "巫山县果树站"},
                  token_from="/cart/submit")
    assert answer.status_code == 302
    made = db.session.scalar(db.select(MaterialRequest))
    assert answer.headers["Location"].endswith(f"/requests/{made.id}")
    assert made.mta_version == "2026-1" and made.final_recipient == "巫山县果树站"
    assert len(made.items) == 2 and _count(CartItem) == 0
    shown = text(client.get(f"/requests/{made.id}"))
    assert f"申请 {made.number}" in shown and "提交" in shown and "西南大学园艺园林学院" in shown
    assert f"申请 {made.number} 已提交" in shown
    assert "申请单 (0)" in shown


def test_no_agreement_no_request(people, stock):
    client = people["asker"]
    add(client, stock().accession)
    answer = post(client, "/cart/submit", {k: v for k, v in RECIPIENT.items()
                                           if k != "mta_accepted"}, token_from="/cart/submit")
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert 'id="e-mta_accepted"' in page and "提交申请须接受材料转移协议" in page
    assert 'value="西南大学园艺园林学院"' in page  # what was typed is kept
    assert _count(MaterialRequest) == 0 and _count(CartItem) == 1


def test_fields_are_checked_and_errors_shown_next_to_them(people, stock):
    client = people["asker"]
    add(client, stock().accession)
    cases = [({"name": ""}, "name", "必填"),
             ({"email": "not-an-address"}, "email", "不是有效的电子邮件地址"),
             ({"country": "CN"}, "country", "ISO 3166"),
             ({"intended_use": "other", "use_note": ""}, "use_note", "请说明材料的用途"),
             ({"kind": "king"}, "kind", "")]
    for change, field, words in cases:
        answer = post(client, "/cart/submit", RECIPIENT | change, token_from="/cart/submit")
        assert answer.status_code == 400, (field, answer.status_code)
        page = answer.get_data(as_text=True)
        assert f'id="e-{field}"' in page, field
        assert words in text(answer), field
    assert _count(MaterialRequest) == 0


def test_material_the_user_may_not_see_is_refused_by_the_service(people, stock,
                                                                 make_accession):
    from germplasm.accounts.models import User

    client = people["asker"]
    add(client, stock().accession)
    hidden = make_accession(restricted="Y")
    asker = db.session.scalar(db.select(User).where(User.username == "asker"))
    # It was visible when it went into the cart (say), and is restricted now.
    db.session.add(CartItem(user_id=asker.id, accession_id=hidden.id, material="scion",
                            quantity_milli=1000))
    db.session.commit()
    answer = post(client, "/cart/submit", RECIPIENT, token_from="/cart/submit")
    assert answer.status_code == 400
    assert "此种质无法申请" in text(answer).split(hidden.accenumb)[-1]  # next to its line
    assert _count(MaterialRequest) == 0 and _count(CartItem) == 2


def test_an_empty_cart_cannot_be_submitted(people):
    answer = people["asker"].get("/cart/submit")
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/cart")


def test_the_next_form_is_filled_with_the_last_recipient(people, stock):
    client = people["asker"]
    submitted_request(client, stock().accession)
    add(client, stock().accession)
    page = client.get("/cart/submit").get_data(as_text=True)
    assert 'value="li@example.edu.cn"' in page and "重庆市北碚区天生路2号" in page


def test_requesters_see_their_own_requests_and_curators_all_with_flags(people, stock):
    mine = submitted_request(people["asker"], stock().accession)
    theirs = submitted_request(people["other"], stock().accession)
    own = text(people["asker"].get("/requests"))
    numbers = {i: db.session.get(MaterialRequest, i).number for i in (mine, theirs)}
    assert numbers[mine] in own and numbers[theirs] not in own and "我的材料申请" in own
    assert "首次申请" not in own  # flags are for curators
    every = text(people["keeper"].get("/requests"))
    assert numbers[mine] in every and numbers[theirs] in every and "首次申请" in every
    assert "李研究员" in every  # the requester's name
    assert people["other"].get(f"/requests/{mine}").status_code == 404
    assert people["other"].get(f"/requests/{mine}/dispatch-note").status_code == 404
    assert people["keeper"].get(f"/requests/{mine}").status_code == 200
    assert people["asker"].get("/requests/99999999999").status_code == 404


def test_requests_are_filtered_by_state_and_paged(people, stock, cli):
    client = people["asker"]
    lot = stock(quantity=200)
    ids = [submitted_request(client, lot.accession) for _ in range(27)]
    post(client, f"/requests/{ids[0]}/transition", {"to": "cancelled"},
         token_from=f"/requests/{ids[0]}")
    first = text(client.get("/requests"))
    assert "27 份申请" in first and "第 1 页，共 2 页" in first
    second = text(client.get("/requests?page=2"))
    assert db.session.get(MaterialRequest, ids[0]).number in second
    cancelled = text(client.get("/requests?status=cancelled"))
    assert "1 份申请" in cancelled and "已取消" in cancelled
    assert "27 份申请" in text(client.get("/requests?status=nonsense&page=x"))


def test_the_requester_may_cancel_but_not_approve(people, stock):
    client = people["asker"]
    made = submitted_request(client, stock().accession)
    page = text(client.get(f"/requests/{made}"))
    assert "取消申请" in page and "审核中" not in page.split("处理记录")[0].split("取消申请")[1]
    answer = post(client, f"/requests/{made}/transition", {"to": "approved"},
                  token_from=f"/requests/{made}")
    assert answer.status_code == 403 and "只有审核员可以这样做" in text(answer)
    assert db.session.get(MaterialRequest, made).status == "submitted"
    answer = post(client, f"/requests/{made}/transition", {"to": "cancelled", "note": "不需要了"},
                  token_from=f"/requests/{made}")
    assert answer.status_code == 302
    page = text(client.get(f"/requests/{made}"))
    assert "申请状态已变为：已取消" in page and "不需要了" in page and "asker" in page
    assert post(people["other"], f"/requests/{made}/transition", {"to": "cancelled"},
                token_from="/cart").status_code == 404


def test_the_pages_in_english(people, stock):
    made = submitted_request(people["asker"], stock().accession)
    page = text(people["keeper"].get(f"/requests/{made}?lang=en"))
    assert "Submitted" in page and "First request" in page and "In review" in page

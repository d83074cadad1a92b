"""A curator's work on a request's page: allocating from the proposed lot, refusals shown
next to the field, releasing, moving through the workflow, shipping and the dispatch note;
then the requester's receipt and usage report, the reports falling due and notifications."""
import re
from datetime import date, timedelta

from germplasm.extensions import db
from germplasm.requests.models import Allocation, MaterialRequest, Notification
from tests.requests.web.support import post, submitted_request, text


def _at(client, made: int, action: str, data: dict):
    return post(client, f"/requests/{made}/{action}", data, token_from=f"/requests/{made}")


def _approved(people, stock, quantity=20, **lot_fields):
    """A request of 5 scions, in review: (request id, its item id, the lot)."""
    lot = stock(quantity=quantity, **lot_fields)
    made = submitted_request(people["asker"], lot.accession)
    assert _at(people["keeper"], made, "transition", {"to": "in_review"}).status_code == 302
    return made, db.session.get(MaterialRequest, made).items[0].id, lot


def test_the_proposed_lot_is_preselected_and_allocated(people, stock):
    made, item, lot = _approved(people, stock)
    worse = stock(accession=lot.accession, quantity=4)  # less than asked: proposed second
    shut = stock(accession=lot.accession, distributable=False)
    page = people["keeper"].get(f"/requests/{made}").get_data(as_text=True)
    checked = re.findall(r'name="lot" value="([^"]+)" checked', page)
    assert checked == [lot.lot_number] and worse.lot_number in page
    assert "建议" in text(people["keeper"].get(f"/requests/{made}"))
    shown = text(people["keeper"].get(f"/requests/{made}"))
    assert "18 支" in shown  # available
    assert shut.lot_number in shown and "不可分发" in shown  # listed, with why not
    answer = _at(people["keeper"], made, "allocate",
                 {"item": item, "lot": lot.lot_number, "quantity": "5"})
    assert answer.status_code == 302
    shown = text(people["keeper"].get(f"/requests/{made}"))
    assert f"已从批次 {lot.lot_number} 预留" in shown and "已预留" in shown
    db.session.refresh(lot)
    assert lot.reserved_milli == 5000


def test_allocating_more_than_the_lot_has_is_shown_and_reserves_nothing(people, stock):
    made, item, lot = _approved(people, stock, quantity=5)  # 3 available (critical 2)
    answer = _at(people["keeper"], made, "allocate",
                 {"item": item, "lot": lot.lot_number, "quantity": "5"})
    assert answer.status_code == 409
    page = answer.get_data(as_text=True)
    assert f'id="e-quantity-{item}"' in page and "可分发量不足" in page
    assert 'aria-invalid="true"' in page
    db.session.refresh(lot)
    assert lot.reserved_milli == 0
    assert db.session.scalar(db.select(db.func.count()).select_from(Allocation)) == 0
    for bad, field in (({"quantity": "abc"}, "quantity"), ({"lot": "NO-SUCH"}, "lot")):
        answer = _at(people["keeper"], made, "allocate",
                     {"item": item, "lot": lot.lot_number, "quantity": "1"} | bad)
        assert answer.status_code == 400, field
        assert "NO-SUCH" in text(answer) if field == "lot" else "请填写大于零的数量" in text(answer)


def test_the_requester_cannot_allocate_ship_or_release(people, stock):
    made, item, lot = _approved(people, stock)
    answer = _at(people["asker"], made, "allocate",
                 {"item": item, "lot": lot.lot_number, "quantity": "1"})
    assert answer.status_code == 403
    assert _at(people["asker"], made, "ship", {"carrier": "顺丰"}).status_code == 403
    assert "分配" not in text(people["asker"].get(f"/requests/{made}")).split("申请条目")[1]
    assert _at(people["other"], made, "allocate", {"item": item}).status_code == 404
    db.session.refresh(lot)
    assert lot.reserved_milli == 0


def test_a_reservation_is_released(people, stock):
    made, item, lot = _approved(people, stock)
    _at(people["keeper"], made, "allocate", {"item": item, "lot": lot.lot_number,
                                             "quantity": "5"})
    allocation = db.session.scalar(db.select(Allocation))
    answer = _at(people["keeper"], made, f"allocations/{allocation.id}/release", {})
    assert answer.status_code == 302
    db.session.refresh(lot)
    assert lot.reserved_milli == 0
    assert "预留已释放" in text(people["keeper"].get(f"/requests/{made}"))
    answer = _at(people["keeper"], made, f"allocations/{allocation.id}/release", {})
    assert answer.status_code == 302  # already released: said so, nothing changes
    assert "released" in text(people["keeper"].get(f"/requests/{made}"))


def test_curators_move_ship_and_print_the_dispatch_note(people, stock):
    made, item, lot = _approved(people, stock)
    keeper = people["keeper"]
    _at(keeper, made, "allocate", {"item": item, "lot": lot.lot_number, "quantity": "5"})
    page = text(keeper.get(f"/requests/{made}"))
    assert "已批准" in page and "已发货" not in page.split("处理记录")[0]  # events have forms
    for state in ("approved", "being_prepared"):
        answer = _at(keeper, made, "transition", {"to": state, "note": "同意"})
        assert answer.status_code == 302, state
    answer = _at(keeper, made, "transition", {"to": "closed"})
    assert answer.status_code == 409 and "不能变为“已关闭”" in text(answer)
    answer = _at(keeper, made, "ship", {"carrier": "", "shipped_on": "2026-03-02"})
    assert answer.status_code == 400 and 'id="e-carrier"' in answer.get_data(as_text=True)
    answer = _at(keeper, made, "ship", {"carrier": "顺丰", "shipped_on": "2026-13-40"})
    assert answer.status_code == 400 and 'id="e-shipped_on"' in answer.get_data(as_text=True)
    answer = _at(keeper, made, "ship", {"carrier": "顺丰", "tracking_number": "SF123",
                                        "shipped_on": "2026-03-02"})
    assert answer.status_code == 302
    db.session.refresh(lot)
    assert (lot.on_hand_milli, lot.reserved_milli) == (15000, 0)
    shown = text(keeper.get(f"/requests/{made}"))
    assert "发货已记录" in shown and "SF123" in shown and "已发货" in shown
    note = text(keeper.get(f"/requests/{made}/dispatch-note"))
    number = db.session.get(MaterialRequest, made).number
    for words in (lot.lot_number, lot.accession.accenumb, "接穗", "5 支", number, "2026-1 版",
                  "李研究员", "重庆市北碚区天生路2号", "2026-03-02"):
        assert words in note, words
    assert "dispatch-note.css" in keeper.get(f"/requests/{made}/dispatch-note").get_data(
        as_text=True)


def test_abroad_a_certificate_is_required_before_shipping(people, stock):
    lot = stock()
    made = submitted_request(people["asker"], lot.accession, country="VNM")
    keeper = people["keeper"]
    item = db.session.get(MaterialRequest, made).items[0].id
    _at(keeper, made, "transition", {"to": "in_review"})
    _at(keeper, made, "allocate", {"item": item, "lot": lot.lot_number, "quantity": "5"})
    _at(keeper, made, "transition", {"to": "approved"})
    _at(keeper, made, "transition", {"to": "being_prepared"})
    page = text(keeper.get(f"/requests/{made}"))
    assert "必填：材料寄往国外" in page
    answer = _at(keeper, made, "ship", {"carrier": "EMS", "shipped_on": "2026-03-02"})
    assert answer.status_code == 409
    assert 'id="e-phyto_certificate"' in answer.get_data(as_text=True)
    assert "须填写植物检疫证书编号" in text(answer)
    answer = _at(keeper, made, "ship", {"carrier": "EMS", "shipped_on": "2026-03-02",
                                        "phyto_certificate": "PC-2026-0042"})
    assert answer.status_code == 302
    assert db.session.get(MaterialRequest, made).status == "shipped"


def _shipped(people, stock) -> int:
    made, item, lot = _approved(people, stock)
    keeper = people["keeper"]
    _at(keeper, made, "allocate", {"item": item, "lot": lot.lot_number, "quantity": "5"})
    _at(keeper, made, "transition", {"to": "approved"})
    _at(keeper, made, "transition", {"to": "being_prepared"})
    _at(keeper, made, "ship", {"carrier": "顺丰", "shipped_on": date.today().isoformat()})
    return made


def test_the_requester_confirms_receipt_and_reports_on_the_use(people, stock):
    made = _shipped(people, stock)
    asker = people["asker"]
    assert "确认收到" in text(asker.get(f"/requests/{made}"))
    received = date.today() - timedelta(days=400)  # the report is overdue at once
    answer = _at(asker, made, "receipt", {"received_on": received.isoformat()})
    assert answer.status_code == 302
    stored = db.session.get(MaterialRequest, made)
    assert stored.status == "received" and stored.feedback_due_on
    assert "请于" in text(asker.get(f"/requests/{made}"))
    due = text(people["keeper"].get("/requests/feedback-due"))
    assert stored.number in due and "已逾期" in due
    assert people["asker"].get("/requests/feedback-due").status_code == 403
    answer = _at(asker, made, "feedback", {"usage": "  "})
    assert answer.status_code == 400 and 'id="e-usage"' in answer.get_data(as_text=True)
    answer = _at(asker, made, "feedback", {"usage": "嫁接于毛桃砧木，成活 4 株",
                                           "results": "2027 年开始结果"})
    assert answer.status_code == 302
    page = text(asker.get(f"/requests/{made}"))
    assert "已关闭" in page and "嫁接于毛桃砧木" in page
    assert stored.number not in text(people["keeper"].get("/requests/feedback-due"))


def test_receipt_before_shipping_is_refused_on_the_page(people, stock):
    made, _item, _lot = _approved(people, stock)
    answer = _at(people["asker"], made, "receipt", {"received_on": "2026-01-01"})
    assert answer.status_code == 409 and "不能变为“已收到”" in text(answer)


def test_notifications_are_listed_counted_and_marked_read(people, stock):
    made = _shipped(people, stock)
    asker = people["asker"]
    home = asker.get("/").get_data(as_text=True)
    unread = int(re.search(r'id="unread-count">(\d+)<', home).group(1))
    assert unread >= 2  # received, shipped
    page = text(asker.get("/notifications"))
    number = db.session.get(MaterialRequest, made).number
    assert f"材料申请 {number} 已发货" in page and "新" in page
    assert 'id="unread-count"' not in asker.get("/").get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(Notification).where(
        Notification.read.is_(False), Notification.email == "li@example.edu.cn")) == 0
    assert f"新的材料申请 {number}" in text(people["keeper"].get("/notifications"))
    assert f"新的材料申请 {number}" not in page


def test_a_request_links_its_packet_labels_with_its_number(people, stock):
    made, item, lot = _approved(people, stock)
    page = people["keeper"].get(f"/requests/{made}").get_data(as_text=True)
    assert "/labels/lots" not in page  # nothing reserved yet
    _at(people["keeper"], made, "allocate", {"item": item, "lot": lot.lot_number, "quantity": "5"})
    page = people["keeper"].get(f"/requests/{made}").get_data(as_text=True)
    link = re.search(r'href="(/labels/lots\?[^"]+)"', page).group(1).replace("&amp;", "&")
    number = db.session.get(MaterialRequest, made).number
    sheet = people["keeper"].get(link)
    assert sheet.status_code == 200
    shown = text(sheet)
    assert lot.lot_number in shown and number in shown and "5 支" in shown
    requester = people["asker"].get(f"/requests/{made}").get_data(as_text=True)
    assert "/labels/lots" not in requester


def test_the_services_refusals_are_shown_in_chinese(people, stock):
    made, item, lot = _approved(people, stock, quantity=5)  # 3 available (critical 2)
    answer = _at(people["keeper"], made, "allocate",
                 {"item": item, "lot": lot.lot_number, "quantity": "5"})
    shown = text(answer)
    assert f"批次 {lot.lot_number} 的可分发量不足" in shown
    assert "not enough available" not in shown
    answer = _at(people["keeper"], made, "allocate",
                 {"item": item, "lot": lot.lot_number, "quantity": "1.5"})
    assert "请填写大于零的数量" in text(answer)

"""Staff evaluation entry in a real browser: keyboard-only recording (Enter moves on, the last
field or Ctrl+Enter saves), notes, tree number, typed dates, a camera photo, the worklist's
filter and jump box, and a phone-sized form of a 64-descriptor campaign."""
import re

import pytest
from playwright.sync_api import expect

from tests.accessions.test_photos import png
from tests.browser.conftest import CAMPAIGN

pytestmark = pytest.mark.no_db

TRAIT_FIELDS = "form.entry details.group .trait"
PHONE = {"locale": "zh-CN", "is_mobile": True, "has_touch": True,
         "viewport": {"width": 390, "height": 844}, "device_scale_factor": 2}


def open_worklist(page, name=CAMPAIGN):
    page.goto("/campaigns/")
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_url(re.compile(r"/campaigns/\d+(/progress)?$"))
    return re.sub(r"/progress$", "", page.url)


def open_entry(page, accenumb, name=CAMPAIGN):
    worklist = open_worklist(page, name)
    page.goto(f"{worklist}/entry/{accenumb}")
    expect(page.locator("h1")).to_contain_text(accenumb)
    return worklist


def focused(page, attribute="name"):
    return page.evaluate(f"document.activeElement.getAttribute('{attribute}')")


def sideways(page):
    widths = page.evaluate(
        "({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth})")
    return widths["scroll"] - widths["inner"]


def test_record_with_keyboard_alone(page, log_in, screenshot):
    log_in(page)
    worklist = open_entry(page, "WSL00001")
    # Traits by group (fruit, then quality): weight, flesh colour, SSC; focus on the first.
    order = page.locator(TRAIT_FIELDS).evaluate_all("fields => fields.map(f => f.name)")
    assert order == ["FRUIT_WEIGHT", "FLESH_COLOR", "SSC"]
    expect(page.locator("details.group[data-group=quality]")).not_to_have_attribute("open", "")
    assert focused(page) == "FRUIT_WEIGHT"
    url, keyboard = page.url, page.keyboard
    keyboard.type("45.5")
    keyboard.press("Enter")  # moves on, saves nothing
    assert focused(page) == "FLESH_COLOR" and page.url == url
    expect(page.locator("details.group[data-group=fruit] .count")).to_have_text("1 / 2")
    keyboard.press("ArrowDown")  # from the empty option to "1 白色"
    keyboard.press("ArrowDown")  # "2 绿色"
    expect(page.locator("select[name=FLESH_COLOR]")).to_have_value("2")
    keyboard.press("Enter")  # a drop-down too: on to SSC, opening the closed quality group
    assert focused(page) == "SSC" and page.url == url
    expect(page.locator("details.group[data-group=quality]")).to_have_attribute("open", "")
    keyboard.type("14.2")
    expect(page.locator("details.group[data-group=quality] .count")).to_have_text("1 / 1")
    screenshot(page, "05a-entry-filled")
    keyboard.press("Enter")  # the last field: saves with 保存并下一份 (save and next)

    page.wait_for_url(re.compile(r"/entry/WSL00002"))
    expect(page.locator("p.flash.success")).to_contain_text("已保存 WSL00001 的 3 项数据")
    expect(page.locator("h1")).to_contain_text("WSL00002")
    assert focused(page) == "FRUIT_WEIGHT"
    screenshot(page, "05b-entry-next")

    page.goto(worklist)
    row = page.locator("table.worklist tbody tr", has_text="WSL00001")
    expect(row.locator("td.num")).to_have_text("3 / 3")
    page.goto("/accessions/WSL00001")
    page.get_by_text("鉴定记录").click()  # open the evaluation history
    history = page.locator("details table.list tbody tr", has_text=CAMPAIGN)
    expect(history).to_have_count(3)
    expect(history.filter(has_text="平均单果重")).to_contain_text("45.5")
    expect(history.filter(has_text="可溶性固形物含量")).to_contain_text("14.2")
    expect(history.filter(has_text="果肉颜色")).to_contain_text("绿色")
    screenshot(page, "05c-evaluation-history")


def test_ctrl_enter_saves_from_any_field(page, log_in, screenshot):
    log_in(page)
    open_entry(page, "WSL00002")
    keyboard, url = page.keyboard, page.url
    keyboard.type("30")
    keyboard.press("Enter")
    assert focused(page) == "FLESH_COLOR"
    keyboard.press("5")  # type-ahead: "5 黄色"
    expect(page.locator("select[name=FLESH_COLOR]")).to_have_value("5")
    assert page.url == url and page.locator("p.flash").count() == 0
    keyboard.press("Control+Enter")  # not the last field, but Ctrl+Enter saves
    # WSL00002 is the last accession, so "save and next" stays on its form.
    try:
        expect(page.locator("p.flash.success")).to_contain_text("已保存 WSL00002 的 2 项数据")
    finally:
        screenshot(page, "05d-ctrl-enter")


def test_notes_tree_number_and_typed_dates(page, log_in, screenshot):
    log_in(page)
    open_entry(page, "WSL00001")
    form = page.locator("form.entry")
    form.locator("input[name=plant]").fill("7")
    form.locator("input[name=observed_on]").fill("13-45")
    page.fill("input[name=FRUIT_WEIGHT]", "52")
    note = form.locator(".field", has=page.locator("#f-FRUIT_WEIGHT")).locator("details.note")
    note.locator("summary").click()
    note.locator("input").fill("两个虫果未称")
    note.locator("input").press("Enter")  # an open note is a field too: on to flesh colour
    assert focused(page) == "FLESH_COLOR"
    page.keyboard.press("Control+Enter")
    expect(page.locator(".entry-meta p.error")).to_have_text(
        "观测日期：13-45 不是有效日期（2026 年没有这一天）")
    expect(page.locator("p.flash.error")).to_contain_text("未保存")
    assert focused(page) == "observed_on"  # the wrong field has focus, marked
    expect(form.locator("input[name=observed_on]")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "05e-entry-impossible-date")

    form.locator("input[name=observed_on]").fill("7月16日")
    form.locator("button[name=save]").click()
    page.wait_for_url(re.compile(r"plant=7"))
    # The form showed the tree-less values too (flesh colour, SSC): all three go to tree 7.
    expect(page.locator("p.flash.success")).to_contain_text("已保存 WSL00001 的 3 项数据")
    expect(form.locator("input[name=plant]")).to_have_value("7")
    expect(page.locator("input[name=FRUIT_WEIGHT]")).to_have_value("52")
    expect(note).to_have_attribute("open", "")
    expect(note.locator("input")).to_have_value("两个虫果未称")
    screenshot(page, "05f-entry-tree-7-with-note")
    page.goto("/accessions/WSL00001")
    page.get_by_text("鉴定记录").click()
    rows = page.locator("details table.list tbody tr", has_text=CAMPAIGN)
    expect(rows.filter(has_text="平均单果重").filter(has_text="52")).to_have_count(1)


def test_a_camera_photo_is_kept_and_a_non_picture_refused(page, log_in, screenshot, tmp_path):
    log_in(page)
    open_entry(page, "WSL00002")
    camera = page.locator("input[name=photo]")
    expect(camera).to_have_attribute("capture", "environment")
    expect(camera).to_have_attribute("accept", "image/*")
    camera.set_input_files([{"name": "notes.jpg", "mimeType": "image/jpeg",
                             "buffer": b"<html>not a photo</html>"}])
    page.locator("button[name=save]").click()
    expect(page.locator("#e-photo")).to_have_text(
        "照片：notes.jpg：文件内容不是图片")
    screenshot(page, "05g-entry-photo-refused")
    camera.set_input_files([{"name": "IMG_0042.png", "mimeType": "image/png",
                             "buffer": png(tmp_path / "p.png", 40, 30).read_bytes()}])
    page.locator("button[name=save]").click()
    expect(page.locator("p.flash.success", has_text="照片已添加到 WSL00002")).to_be_visible()
    page.goto("/accessions/WSL00002")
    picture = page.locator(f".photos img[alt='{CAMPAIGN}']")  # the demo has photos too
    expect(picture).to_have_count(1)
    assert picture.evaluate("img => img.decode().then(() => img.naturalWidth)") == 40
    screenshot(page, "05h-accession-photo")


def test_worklist_filter_and_jump_box_on_a_phone(browser, live_server, log_in, screenshot):
    context = browser.new_context(base_url=live_server, **PHONE)
    try:
        page = context.new_page()
        log_in(page)
        open_worklist(page)
        counts = dict(page.locator("table.worklist tbody tr").evaluate_all(
            "rows => rows.map(r => [r.cells[1].innerText, r.cells[3].innerText])"))
        page.get_by_role("link", name=re.compile("只看未完成")).click()
        shown = page.locator("table.worklist tbody tr td:nth-child(2)").all_inner_texts()
        assert shown == [n for n, c in counts.items() if not c.startswith("3 /")]
        screenshot(page, "07a-worklist-unfinished-phone")
        assert sideways(page) <= 1
        page.fill("#jump-to", "wsl00002")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/entry/WSL00002$"))
        expect(page.locator("h1")).to_contain_text("WSL00002")
    finally:
        context.close()


FULL = "全部性状 64 项"


def test_a_64_descriptor_campaign_is_usable_on_a_phone(browser, live_server, page, log_in,
                                                        screenshot):
    log_in(page)  # a staff member sets the campaign up on the web, every descriptor in it
    page.goto("/campaigns/new")
    page.fill("input[name=name]", FULL)
    page.fill("input[name=year]", "2026")
    page.locator("input[name=descriptor]").evaluate_all(
        "boxes => boxes.forEach(b => { b.checked = true; })")
    page.fill("textarea[name=numbers]", "WSL00003")
    page.locator("form.campaign-form button[type=submit]").click()
    expect(page.locator("p.flash.success")).to_contain_text("64")

    context = browser.new_context(base_url=live_server, **PHONE)
    try:
        phone = context.new_page()
        log_in(phone)
        open_entry(phone, "WSL00003", FULL)
        groups = phone.locator("details.group")
        expect(groups).to_have_count(4)
        expect(groups.locator("summary .count")).to_have_text(
            ["0 / 21", "0 / 16", "0 / 14", "0 / 13"])
        expect(phone.locator("details.group[open]")).to_have_count(1)
        screenshot(phone, "06b-entry-64-descriptors-phone")
        assert sideways(phone) <= 1
        last = phone.locator("details.group[data-group=phenology] .trait").last
        last.focus()
        phone.keyboard.press("Enter")  # the group's last field: on into the closed fruit group
        fruit = phone.locator("details.group[data-group=fruit]")
        expect(fruit).to_have_attribute("open", "")
        first = fruit.locator(".trait").first
        assert focused(phone, "id") == first.get_attribute("id")
        summary = phone.locator("details.group[data-group=phenology] > summary")
        summary.click()  # fold the phenology group away
        screenshot(phone, "06c-entry-64-fruit-group-phone")
        assert sideways(phone) <= 1
    finally:
        context.close()


def test_entry_form_fits_a_phone(browser, live_server, log_in, screenshot):
    context = browser.new_context(base_url=live_server, **PHONE)
    try:
        page = context.new_page()
        log_in(page)
        open_entry(page, "WSL00001")
        expect(page.locator("form.entry button[name=save_next]")).to_be_visible()
        screenshot(page, "06-entry-phone")
        assert page.evaluate("window.innerWidth") == 390
        assert sideways(page) <= 1, "page scrolls sideways"
    finally:
        context.close()

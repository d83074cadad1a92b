"""The search page shows its URL's filters: chips that each drop one filter, facet links that
toggle, no hidden fields, the trait panel filled from the URL, a language switch that keeps
the query (issue 10)."""
import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit


def _chips(page: str) -> dict[str, list[tuple[str, str]]]:
    """Each chip's text -> the query of its removal link."""
    found = re.findall(r'<li class="chip \w+">(.*?) <a href="([^"]*)"', page)
    return {unescape(text): sorted(parse_qsl(urlsplit(unescape(href)).query))
            for text, href in found}


def test_every_active_filter_is_a_chip_that_drops_only_itself(client, catalogue):
    page = client.get("/search?q=李&origin=CHN&sampstat=300&t0=SSC&t0min=13"
                      "&c_FLESH_COLOR=5&trait=FRUIT_WEIGHT:..50&page=1").get_data(as_text=True)
    chips = _chips(page)
    assert set(chips) == {"“李”", "原产地: 中国", "种质类型: 地方品种",
                          "可溶性固形物含量: ≥ 13", "果肉颜色: 黄色", "平均单果重: ≤ 50"}
    everything = [("c_FLESH_COLOR", "5"), ("origin", "CHN"), ("q", "李"), ("sampstat", "300"),
                  ("t0", "SSC"), ("t0min", "13"), ("trait", "FRUIT_WEIGHT:..50")]
    assert chips["原产地: 中国"] == [p for p in everything if p[0] != "origin"]
    assert chips["可溶性固形物含量: ≥ 13"] == [p for p in everything if p[0] not in ("t0", "t0min")]
    assert chips["“李”"] == [p for p in everything if p[0] != "q"]


def test_facets_are_not_carried_in_hidden_fields(client, catalogue):
    page = client.get("/search?q=李&province=重庆&origin=CHN").get_data(as_text=True)
    assert 'type="hidden"' not in page.split("</form>")[0]
    assert "省份: 重庆" in _chips(page)


def test_a_chosen_facet_is_marked_and_its_link_removes_it(client, catalogue):
    page = client.get("/search?q=李&origin=CHN&page=2").get_data(as_text=True)
    item = re.search(r'<li class="active"><a href="([^"]*)" aria-current="true">中国</a>', page)
    assert item and sorted(parse_qsl(urlsplit(unescape(item.group(1))).query)) == [("q", "李")]
    other = re.search(r'<a href="([^"]*)">美国</a>', client.get("/search?q=李&page=2").get_data(
        as_text=True))
    assert sorted(parse_qsl(urlsplit(unescape(other.group(1))).query)) == [
        ("origin", "USA"), ("q", "李")]  # a new facet starts again at page 1


def test_trait_links_fill_the_trait_panel(client, catalogue):
    page = client.get("/search?trait=SSC:13..16&trait=FLESH_COLOR:yellow").get_data(as_text=True)
    assert re.search(r"<details open>\s*<summary>性状筛选", page)
    assert re.search(r'<option value="SSC" selected>', page)
    assert 'name="t0min" value="13"' in page and 'name="t0max" value="16"' in page
    assert re.search(r'name="c_FLESH_COLOR" value="5" checked', page)


def test_the_language_switch_keeps_the_query(client, catalogue):
    page = client.get("/search?q=李&species=Prunus+salicina&lang=zh_CN").get_data(as_text=True)
    link = unescape(re.search(r'<a href="([^"]*)" hreflang="en"', page).group(1))
    assert urlsplit(link).path == "/search"
    assert sorted(parse_qsl(urlsplit(link).query)) == [
        ("lang", "en"), ("q", "李"), ("species", "Prunus salicina")]

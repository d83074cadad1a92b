"""The search page says plainly when it found nothing, and links what was probably meant."""


def test_the_page_says_nothing_found_and_links_the_suggestions(client, catalogue):
    page = client.get("/?q=Prunus salicna").get_data(as_text=True)
    assert "没有找到" in page
    assert "species=Prunus+salicina" in page or "species=Prunus%20salicina" in page
    page = client.get("/?q=黄肉").get_data(as_text=True)
    assert "果肉颜色：黄色" in page and "/?trait=FLESH_COLOR:5" in page
    english = client.get("/?q=yellow flesh&lang=en").get_data(as_text=True)
    assert "Nothing found" in english and "Flesh colour: yellow" in english


def test_the_searched_text_is_escaped_in_the_message(client, catalogue):
    page = client.get("/?q=<b>qqqq</b>").get_data(as_text=True)
    assert "没有找到" in page and "<b>qqqq</b>" not in page

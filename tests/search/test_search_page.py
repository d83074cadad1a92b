"""The search page on the site."""


def test_search_page_finds_and_shows_traits_readably(client, catalogue):
    page = client.get("/search?q=cuili").get_data(as_text=True)
    assert 'href="/accessions/S001"' in page and "巫山脆李；Wūshān Cuìlǐ" in page
    assert "果实成熟期" in page and ">07-12<" in page and ">13.5<" in page


def test_trait_rows_of_the_form_filter(client, catalogue):
    page = client.get("/search?t0=SSC&t0min=15&sort=-SSC").get_data(as_text=True)
    assert page.index("S005") < page.index("S003") < page.index("S004")
    assert "S001" not in page


def test_facet_links_narrow_the_search(client, catalogue):
    page = client.get("/search?q=李").get_data(as_text=True)
    assert "origin=CHN" in page
    narrowed = client.get("/search?q=李&origin=CHN").get_data(as_text=True)
    assert "S001" in narrowed and "S002" not in narrowed


def test_a_bad_filter_is_explained_with_400(client, catalogue):
    response = client.get("/search?t0=HARVEST_DATE&t0max=13-45")
    assert response.status_code == 400 and "13-45" in response.get_data(as_text=True)

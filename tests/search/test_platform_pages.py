"""Accession page with traits, charts and history; descriptor pages; compare; calendar."""


def test_accession_page_shows_traits_charts_history_and_map(client, catalogue):
    page = client.get("/accessions/S001?lang=en").get_data(as_text=True)
    assert "<h2>Traits</h2>" in page and 'class="chart"' in page
    assert 'aria-label="Harvest (ripening) date: 07-12"' in page  # marker at its own value
    assert "Evaluation history" in page and "2026 评价" in page
    assert 'id="map" class="map" data-lat="31.1"' not in page  # landrace: exact for all


def test_wild_coordinates_on_the_map_are_rounded_for_the_public(client, make_accession):
    make_accession(accenumb="W9", sampstat="110", declatitude="31.07512",
                   declongitude="109.87643")
    page = client.get("/accessions/W9").get_data(as_text=True)
    assert 'data-lat="31.1" data-lon="109.9"' in page and "31.075" not in page
    assert "vendor/leaflet/leaflet.js" in page


def test_descriptor_pages(client, catalogue):
    index = client.get("/descriptors/").get_data(as_text=True)
    assert 'href="/descriptors/SSC"' in index and "可溶性固形物含量" in index
    page = client.get("/descriptors/FLESH_COLOR?lang=en").get_data(as_text=True)
    assert "Definition" in page and "yellow" in page
    assert client.get("/descriptors/NOPE").status_code == 404


def test_compare_highlights_differences(client, catalogue):
    page = client.get("/compare?a=S001,S002").get_data(as_text=True)
    assert page.count('class="differs"') >= 2 and "trait differs" in page
    seven = ",".join(f"S00{i}" for i in range(1, 8))
    assert client.get(f"/compare?a={seven}").status_code == 400


def test_ripening_calendar_orders_by_harvest(client, catalogue):
    page = client.get("/calendar").get_data(as_text=True)
    order = [page.index(f">{n}<") for n in ("S001", "S005", "S002", "S003", "S004")]
    assert order == sorted(order) and "S006" not in page  # restricted
    only_crisp = client.get("/calendar?q=cuili").get_data(as_text=True)
    assert ">S001<" in only_crisp and ">S002<" not in only_crisp


def test_export_the_current_result_set(client, catalogue):
    csv_text = client.get("/export/csv?q=李&col=SSC&col=HARVEST_DATE").get_data(as_text=True)
    lines = csv_text.lstrip("\ufeff").splitlines()
    assert lines[0].split(",") == ["ACCENUMB", "INSTCODE", "NAMES", "SPECIES", "SAMPSTAT",
                                   "ORIGCTY", "可溶性固形物含量", "果实成熟期"]
    assert any(line.startswith("S001,") and line.endswith(",13.5,07-12") for line in lines)
    assert not any(line.startswith("S006,") for line in lines)  # restricted
    xlsx = client.get("/export/xlsx?q=李")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    mcpd = client.get("/export/mcpd?q=巫山").get_data(as_text=True)
    assert mcpd.startswith("\ufeffPUID,INSTCODE,ACCENUMB") and ",S001," in mcpd  # BOM for Excel


def test_public_mcpd_export_rounds_wild_coordinates(client, make_accession, index_dir):
    from search import accession_index

    make_accession(accenumb="W8", accename="野李", sampstat="110", declatitude="31.07512",
                   declongitude="109.87643", latitude="310430N")
    accession_index.rebuild()
    mcpd = client.get("/export/mcpd?q=野李").get_data(as_text=True)
    assert ",31.1," in mcpd and "31.07512" not in mcpd and "310430N" not in mcpd


def test_home_page_is_the_catalogue_search(client, catalogue):
    page = client.get("/").get_data(as_text=True)
    assert 'role="search"' in page and "共 6 份种质" in page and 'name="col"' in page
    chosen = client.get("/?c_FLESH_COLOR=5").get_data(as_text=True)
    assert ">S001<" in chosen and ">S002<" not in chosen


def test_calendar_of_selected_accessions(client, catalogue):
    page = client.get("/calendar?a=S003,S001").get_data(as_text=True)
    assert page.index(">S001<") < page.index(">S003<") and ">S002<" not in page


def test_user_text_is_escaped_everywhere(client, make_accession, index_dir):
    from search import accession_index

    make_accession(accenumb="X<1>", accename="<script>alert(1)</script>")
    accession_index.rebuild()
    for url in ("/search?q=script", "/compare?a=X<1>", "/catalogue"):
        page = client.get(url).get_data(as_text=True)
        assert "<script>alert(1)" not in page and "&lt;script&gt;" in page, url

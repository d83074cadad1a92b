"""The first catalogue pages over HTTP: counts, list, accession page, 404, access rules."""


def test_home_shows_counts_and_the_list_in_chinese(client, make_accession):
    make_accession(accenumb="H1", accename="巫山脆李;Wūshān Cuìlǐ", sampstat="300",
                   origcty="CHN")
    page = client.get("/catalogue").get_data(as_text=True)
    assert '<html lang="zh-CN">' in page
    assert "种质目录" in page and "地方品种" in page and "中国李" in page
    assert 'href="/accessions/H1"' in page and "巫山脆李；Wūshān Cuìlǐ" in page


def test_english_switch_sticks_for_the_session(client, make_accession):
    make_accession(accenumb="H2", sampstat="500", origcty="USA")
    first = client.get("/catalogue?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in first and "Advanced or improved cultivar" in first
    assert "Catalogue" in client.get("/catalogue").get_data(as_text=True)


def test_list_is_paginated(client, make_accession):
    for number in range(5):
        make_accession(accenumb=f"PG{number}")
    page = client.get("/catalogue?per_page=2&page=2").get_data(as_text=True)
    assert "PG2" in page and "PG3" in page and "PG0" not in page and "PG4" not in page


def test_accession_page_has_readable_passport_and_pedigree(client, make_accession):
    make_accession(accenumb="M1", accename="巫山脆李")
    make_accession(accenumb="C1", accename="巫脆1号", ancest="巫山脆李 × Santa Rosa",
                   acqdate="201905--", storage="20;30", collsrc="22")
    page = client.get("/accessions/C1").get_data(as_text=True)
    assert "入圃日期</th><td>2019-05</td>" in page
    assert "田间种质圃 (20)；离体保存 (30)" in page and "果园 (22)" in page
    assert 'href="/accessions/M1"' in page and "Santa Rosa" in page
    assert 'href="/accessions/C1"' in client.get("/accessions/M1").get_data(as_text=True)


def test_unknown_accession_is_a_404_page(client):
    response = client.get("/accessions/NO-SUCH")
    assert response.status_code == 404 and "未找到" in response.get_data(as_text=True)


def test_restricted_accessions_are_hidden_from_the_public(client, make_accession):
    make_accession(accenumb="R1", restricted="Y")
    assert client.get("/accessions/R1").status_code == 404
    assert "R1" not in client.get("/catalogue").get_data(as_text=True)


def test_wild_coordinates_are_rounded_for_the_public(client, make_accession):
    make_accession(accenumb="W1", sampstat="110", declatitude="31.07512",
                   declongitude="109.87643")
    page = client.get("/accessions/W1").get_data(as_text=True)
    assert "31.1" in page and "109.9" in page and "31.075" not in page


def test_names_are_escaped(client, make_accession):
    make_accession(accenumb="X1", accename="<script>alert(1)</script>")
    page = client.get("/accessions/X1").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;" in page

"""Every page in Chinese, for the public, staff, a curator and an admin: no English word is
shown outside a small allowed list (codes, Latin names, units, a few acronyms) and the data.

The pages are read from the application's own routes, so a new page is checked without
anyone adding it here; a route with a URL parameter this file cannot fill fails the test.
Answers that are not HTML (JSON, CSV, workbooks, pictures, static files) are skipped by
their content type. Links with a query string found on the pages (admin records, facet and
compare links) are followed once per endpoint, so pages that need an ?id= are read too.
"""
import re
from urllib.parse import urlsplit

import pytest

from germplasm.accessions.models import AccessionName, Institute, Taxon
from germplasm.accounts.models import User
from germplasm.audit.models import AuditEntry
from germplasm.evaluations.models import Campaign, Descriptor
from germplasm.extensions import db
from germplasm.imports.models import ImportJob
from germplasm.inventory.models import Lot, LotTransaction, Plant
from germplasm.reference.models import CodeListEntry, Country
from tests.accounts.test_login import login
from tests.chinese_world import build
from tests.page_words import WORD, latin_words

# Words that may stay in Latin letters on a Chinese page, and why.
ALLOWED = {
    # Units written the same in Chinese science: grams, lengths, mass, degrees, metres.
    "g", "mg", "mm", "cm", "kg", "°Brix", "°C", "m",
    # Acronyms and formats Chinese users read as they are.
    "MCPD", "DOI", "CSV", "csv", "tsv", "xlsx", "Excel", "API", "BrAPI", "JSON", "UTC", "PUID",
    "WebP", "GenBank",
    # The tree file format phylogenetics programs (MEGA, iTOL, FigTree) name it by.
    "Newick",
    # Statistics: n (number of observations), as in every Chinese paper.
    "n",
    # The map outlines' source, a proper name.
    "Natural", "Earth",
    # The language switch names the language it switches to, in that language.
    "English",
    # Key names as printed on the keyboard (Ctrl+Enter saves the entry form).
    "Ctrl", "Enter",
    # Search examples typed as they are: pinyin without tones, the species: prefix.
    "cuili", "species",
}
# A code: all capitals, or with a digit or an underscore (S001, CHN385, FRUIT_WEIGHT).
CODE = re.compile(r"^(?=.*[0-9_])[A-Za-z0-9_]+$|^[A-Z]{2,}$|^[A-Z]+(/[A-Z]+)+$")
# Audit sources the application writes itself: shown translated, so not data words.
APP_SOURCES = ("admin", "web form", "accession page", "web upload: ", "demo seed ")
ROLES = ["anonymous", "staff", "curator", "admin"]
SKIPPED_TYPES = ("application/", "image/", "text/csv", "text/css", "text/javascript")


def data_words() -> set[str]:
    """Words of the catalogue's own data (names, Latin taxa, authors, institutes, users,
    campaigns): data is shown as entered, not translated."""
    texts = list(db.session.scalars(db.select(AccessionName.name)))
    for taxon in db.session.scalars(db.select(Taxon)):
        texts += [taxon.genus, taxon.species, taxon.spauthor, taxon.subtaxa, taxon.subtauthor]
    texts += [i.name_en or "" for i in db.session.scalars(db.select(Institute))]
    texts += [f"{u.username} {u.display_name or ''}" for u in db.session.scalars(db.select(User))]
    texts += list(db.session.scalars(db.select(Campaign.name)))
    texts += list(db.session.scalars(db.select(ImportJob.filename)))
    texts += list(db.session.scalars(db.select(LotTransaction.note)))  # ledger notes as written
    for entry in db.session.scalars(db.select(AuditEntry)):  # who changed what, to what
        texts += [entry.user, entry.old_value, entry.new_value]
        if entry.source and not entry.source.startswith(APP_SOURCES):
            texts.append(entry.source)  # a file or script name, not the app's own words
    for d in db.session.scalars(db.select(Descriptor)):  # the Chinese descriptor texts cite
        texts += [d.name_zh, d.definition_zh, d.method_zh]  # Latin taxa, NaOH, pH, ELISA
        texts += [c.label_zh for c in d.categories]
    texts += ["subsp var f L"]  # the rank abbreviations inside Latin names
    return {w for text in texts for w in WORD.findall(text or "")}


def admin_data_words() -> set[str]:
    """The admin edits both languages of the reference data, so its English columns (a
    taxon's or descriptor's English name, method and source, code-list labels) show English
    there; on every other page these words must not appear untranslated."""
    texts = list(db.session.scalars(db.select(Taxon.name_en)))
    for d in db.session.scalars(db.select(Descriptor)):
        texts += [d.name_en, d.definition_en, d.method_en, d.trait_name, d.method_name,
                  d.scale_name, d.source, d.trait_class] + [c.label_en for c in d.categories]
    texts += list(db.session.scalars(db.select(CodeListEntry.label_en)))
    texts += list(db.session.scalars(db.select(Country.name_en)))
    texts += [i.address or "" for i in db.session.scalars(db.select(Institute))]
    return {w for text in texts for w in WORD.findall(text or "")}


def path_values(world: dict) -> dict[str, list[str]]:
    """Values for each URL parameter, from the catalogue built for the test."""
    static = "site.css"
    return {
        "accenumb": world["accessions"], "code": world["descriptors"],
        "campaign_id": [str(world["campaign"])], "job_id": world["jobs"],
        "photo_id": [str(world["photo"])], "format": ["csv", "xlsx", "mcpd"],
        "lot_number": [world["lot"]], "batch_number": [world["batch"]],
        "request_id": [str(world["request"])],
        "plant_id": [str(db.session.scalar(db.select(Plant.id).order_by(Plant.id)))],
        "export_type": ["csv"], "filename": [static], "token": [world["selection"]],
        "seq_format": ["fasta", "genbank"], "sequence_id": ["1"],
        "accession_id": [str(db.session.scalar(db.select(AccessionName.accession_id)))],
        # BrAPI's calls (JSON: their answers are not read for English words)
        "germplasmDbId": [str(db.session.scalar(db.select(AccessionName.accession_id)))],
        "seedLotDbId": [world["lot"]], "programDbId": ["CHN385"], "locationDbId": ["nursery"],
        "seasonDbId": ["2026"], "personDbId": ["1"], "listDbId": ["1"],
        "searchResultsDbId": ["unknown"], "studyDbId": ["1"], "trialDbId": ["2026"],
        "observationDbId": ["1"], "observationVariableDbId": ["SSC"], "attributeDbId": ["SSC"],
        "attributeValueDbId": ["1"],
        "tree_id": [str(db.session.scalar(db.select(Plant.id).order_by(Plant.id)))],
        "lot_id": [str(db.session.scalar(db.select(Lot.id).where(Lot.lot_number == world["lot"])))],
    }


def urls_of(app, world: dict) -> list[str]:
    values, urls = path_values(world), []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if "GET" not in rule.methods:
            continue
        missing = [name for name in rule.arguments if name not in values]
        assert not missing, f"{rule.rule}: no test value for {missing}; add one to path_values"
        urls += _filled(rule.rule, rule.arguments, values)
    return urls


def _filled(rule: str, arguments, values) -> list[str]:
    filled = [rule]
    for name in arguments:
        pattern = re.compile(r"<(?:[^:<>]+:)?" + name + ">")
        filled = [pattern.sub(value, url) for url in filled for value in values[name]]
    return filled


def english_of(html: str, allowed: set[str]) -> list[str]:
    return sorted({w for w in latin_words(html)
                   if w not in allowed and not CODE.match(w) and w.strip("'’") not in allowed})


def visit(client, url: str, allowed: dict, seen_endpoints: set, adapter) -> dict:
    """{url: English words} for this page and the first link per endpoint it offers."""
    response = client.get(url, follow_redirects=True)
    assert response.status_code < 500, url
    if response.mimetype.startswith(SKIPPED_TYPES) or response.mimetype != "text/html":
        return {}
    html = response.get_data(as_text=True)
    words = english_of(html, allowed["admin" if url.startswith("/admin/") else "pages"])
    found = {url: words} if words else {}
    for link in re.findall(r'href="(/[^"#]*\?[^"#]*)"', html):
        link = link.replace("&amp;", "&")
        path, query = urlsplit(link).path, urlsplit(link).query
        if "lang=" in query:
            continue  # the language switch: it would turn the session to English
        try:
            endpoint, _ = adapter.match(path, method="GET")
        except Exception:  # noqa: BLE001 - a link outside the app's routes
            continue
        if endpoint not in seen_endpoints:
            seen_endpoints.add(endpoint)
            found |= visit(client, link, allowed, seen_endpoints, adapter)
    return found


@pytest.mark.parametrize("role", ROLES)
def test_every_page_in_chinese_has_no_english_words(app, client, world, role):
    if role != "anonymous":
        _sign_in(client, role, world)
    client.get("/?lang=zh_CN")
    pages = ALLOWED | data_words() | world["extra_allowed"]
    allowed = {"pages": pages, "admin": pages | admin_data_words()}
    adapter = app.url_map.bind("localhost")
    seen, found = set(), {}
    for url in urls_of(app, world):
        found |= visit(client, url, allowed, seen, adapter)
    report = "\n".join(f"{url}: {' '.join(words)}" for url, words in sorted(found.items()))
    assert not found, f"English on Chinese pages seen by {role}:\n{report}"


def test_the_word_check_finds_english(world):
    """The check itself: an English word in text, a title or a button is found; codes,
    units, Latin names, scripts and hidden values are not."""
    page = ('<p title="Harvest">S001 FRUIT_WEIGHT 12 g Prunus salicina 可溶性固形物</p>'
            '<input type="submit" value="Save"><input type="hidden" value="Secret">'
            '<script>var English = 1;</script><span data-x="Ignored">采收</span>'
            '<div class="d-none">{"arg": <div>null</div>}</div><p hidden>Later</p><b>Bud</b>')
    assert english_of(page, ALLOWED | data_words()) == ["Bud", "Harvest", "Save"]


def test_a_curator_refused_the_users_page_sees_the_chinese_error_page(client, world):
    _sign_in(client, "curator", world)
    response = client.get("/admin/users/?lang=zh_CN")
    assert response.status_code == 403
    html = response.get_data(as_text=True)
    assert "Forbidden" not in html and "您没有权限打开此页面" in html


def _sign_in(client, role: str, world: dict) -> None:
    username = world["users"][role]
    assert login(client, username, "orchard-2026").status_code == 302


@pytest.fixture
def world(app, client, catalogue, tmp_path, monkeypatch):
    return build(app, client, catalogue, tmp_path, monkeypatch)


def test_codes_and_prefixes_the_word_check_lets_pass_are_shown_as_words(client, world):
    """Codes pass the word check, so these are checked by name: remark prefixes, institutes,
    pedigree roles, a date's percentile ('later than', not 'above') and drafting notes."""
    client.get("/?lang=zh_CN")
    child = client.get("/accessions/S008").get_data(as_text=True)
    assert "系谱：母本为巫山脆李；采集地点：果园东区" in child and "ANCEST:" not in child
    assert "中国农业科学院果树研究所 (CHN004)" in child  # the breeding institute, named
    assert "美国国家无性系种质圃（戴维斯） (USA028)" in child
    assert "母本：" in child and "父本：" in child
    parent = client.get("/accessions/S001").get_data(as_text=True)
    assert "重庆市农业科学院 (CHN385)" in parent and "晚于" in parent
    notes = client.get("/descriptors/TREE_GROWTH_HABIT").get_data(as_text=True)
    assert "[U]" not in notes and "proposal" not in notes and "类别" in notes
    english = client.get("/descriptors/TREE_GROWTH_HABIT?lang=en").get_data(as_text=True)
    assert "[U]" not in english and "Nominal" in english


def test_upload_reasons_are_translated_on_the_page_and_stay_english_in_the_report(client, world):
    """The report (the CLI's JSON shape) keeps the loaders' English; the page shows Chinese."""
    _sign_in(client, "staff", world)
    job = world["jobs"][1]
    messages = [r["message"] for r in client.get(f"/imports/{job}.json").get_json()["report"]
                ["rejected"]]
    assert "no such accession in the catalogue" in messages
    assert any(m.startswith("'purple' is not a category of FLESH_COLOR (1 白色/white")
               for m in messages)
    page = client.get(f"/imports/{job}?lang=zh_CN").get_data(as_text=True)
    assert "目录中没有这份种质" in page
    assert "“purple”不是 FLESH_COLOR 的类别（1 白色，2 绿色" in page

"""The admin's labels: Chinese by default, English with ?lang=en, MCPD codes as hints."""
import re

import pytest

from germplasm.evaluations import campaigns
from tests.test_admin import text


def header(page: str, label: str) -> str:
    """The list's column header holding `label` (its text and its hint's title)."""
    for th in re.findall(r"<th[^>]*column-header[^>]*>(.*?)</th>", page, re.S):
        if label in th:
            return th
    raise AssertionError(f"no column header {label!r}")


def form_field(page: str, name: str) -> str:
    """A form field's group: its label, its input and its description."""
    match = re.search(rf'<div class="form-group[^"]*">(?:(?!<div class="form-group).)*?'
                      rf'name="{name}".*?</div>\s*</div>', page, re.S)
    assert match, f"no form field {name!r}"
    return match.group(0)


LISTS = [  # path, Chinese header, its hint, English header
    ("/admin/accessions/", "种质库编号", "ACCENUMB", "Accession number"),
    ("/admin/accessions/", "原产国", "ORIGCTY", "Country of origin"),
    ("/admin/accessions/", "种质类型", "SAMPSTAT", "Biological status"),
    ("/admin/accessions/", "保存单位", "INSTCODE", "Holding institute"),
    ("/admin/names/", "种质库编号", "ACCENUMB", "Accession number"),
    ("/admin/names/", "名称", "ACCENAME", "Name"),
    ("/admin/photos/", "种质库编号", "ACCENUMB", "Accession number"),
    ("/admin/taxa/", "属", "GENUS", "Genus"),
    ("/admin/taxa/", "种命名人", "SPAUTHOR", "Species authority"),
    ("/admin/institutes/", "单位代码", "INSTCODE", "Institute code"),
    ("/admin/descriptors/", "数据类型", None, "Data type"),
    ("/admin/campaigns/", "观测人", None, "Observers"),
    ("/admin/observations/", "植株", None, "Plant"),
    ("/admin/users/", "用户名", None, "Username"),
]


@pytest.mark.parametrize(("path", "zh", "hint", "en"), LISTS)
def test_list_headers_in_chinese_with_the_mcpd_code_and_in_english(client, as_role, path, zh,
                                                                    hint, en):
    as_role("admin")
    chinese = header(text(client.get(path)), zh)
    if hint:
        assert f'title="{hint}' in chinese
    english = header(text(client.get(path + "?lang=en")), en)
    assert zh not in english or zh == en


def menu(page: str) -> list[str]:
    brand = re.search(r'class="navbar-brand"[^>]*>([^<]+)<', page).group(1)
    return [brand] + [m.strip() for m in re.findall(
        r'<a class="nav-link[^"]*" href="/admin/[^"]*">([^<]+)<', page)]


def test_the_menu_is_in_the_pages_language(client, as_role):
    as_role("admin")
    chinese = menu(text(client.get("/admin/")))
    assert {"种质库管理", "管理首页", "种质", "名称", "照片", "分类", "单位", "性状", "评价任务",
            "观测值", "用户"} <= set(chinese)
    assert not [item for item in chinese if re.search("[A-Za-z]", item)]  # every item, later too
    english = menu(text(client.get("/admin/?lang=en")))
    assert {"Germplasm admin", "Admin home", "Accessions", "Names", "Photos", "Taxa", "Institutes",
            "Descriptors", "Campaigns", "Observations", "Users"} <= set(english)
    assert not [item for item in english if re.search("[\u4e00-\u9fff]", item)]


def test_the_search_box_names_its_columns_in_the_pages_language(client, as_role):
    as_role("curator")
    box = re.search(r'<input[^>]*name="search"[^>]*>', text(client.get("/admin/accessions/")))
    assert 'placeholder="种质库编号, 名称"' in box.group(0)


def test_the_accession_form_labels_each_field_with_its_mcpd_code(client, as_role,
                                                                  make_accession):
    accession = make_accession(accenumb="L1", collsite="巫山县")
    as_role("curator")
    path = f"/admin/accessions/edit/?id={accession.id}"
    page = text(client.get(path))
    site = form_field(page, "COLLSITE")
    assert "采集地点" in site and "COLLSITE" in site
    acquired = form_field(page, "ACQDATE")
    assert "入圃日期" in acquired and "ACQDATE · YYYYMMDD" in acquired
    assert "历史记录" in form_field(page, "HISTORIC")
    english = text(client.get(path + "&lang=en"))
    site = form_field(english, "COLLSITE")
    assert "Collecting site" in site and "COLLSITE" in site and "采集地点" not in site


@pytest.mark.parametrize(("path", "field", "zh", "hint", "en"), [
    ("/admin/taxa/new/", "genus", "属", "GENUS", "Genus"),
    ("/admin/taxa/new/", "subtaxa", "种下分类单元", "SUBTAXA", "Subtaxon"),
    ("/admin/taxa/new/", "name_zh", "中文名", None, "Chinese name"),
    ("/admin/institutes/new/", "code", "单位代码", "INSTCODE", "Institute code"),
    ("/admin/institutes/new/", "name_en", "英文名", None, "English name"),
    ("/admin/campaigns/new/", "observers", "观测人", None, "Observers"),
    ("/admin/users/new/", "display_name", "显示名", None, "Display name"),
])
def test_create_forms_are_labelled(client, as_role, path, field, zh, hint, en):
    as_role("admin")
    chinese = form_field(text(client.get(path)), field)
    assert zh in chinese and (hint is None or hint in chinese)
    assert en in form_field(text(client.get(path + "?lang=en")), field)


def test_descriptor_and_campaign_edit_forms_are_labelled(client, as_role):
    campaign, _ = campaigns.get_or_create("2026 标签", 2026)
    as_role("curator")
    descriptor = text(client.get("/admin/descriptors/edit/?id=1"))
    assert "性状名称" in form_field(descriptor, "trait_name")
    assert "果实与农艺性状" in form_field(descriptor, "group")  # stored as "fruit"
    assert "年份" in form_field(text(client.get(f"/admin/campaigns/edit/?id={campaign.id}")),
                               "year")


def test_stored_words_are_shown_in_the_pages_language(client, as_role):
    as_role("admin")
    descriptors = text(client.get("/admin/descriptors/?search=SSC"))
    assert "可溶性固形物" in descriptors and "Soluble solids" not in descriptors
    assert "数值" in descriptors and "Numerical" not in descriptors
    users = text(client.get("/admin/users/"))
    assert "系统管理员" in users and 'title="是"' in users and "active: true" not in users
    english = text(client.get("/admin/descriptors/?search=SSC&lang=en"))
    assert "Numerical" in english and "Soluble solids" in english

"""Taxa and institutes edited in the admin go through their services: checked (the message
beside the field, never a 500), audited, reflected in search, and not deleted while in use."""
import re

from sqlalchemy import func

from germplasm.accessions.models import Institute, Taxon
from germplasm.audit.models import AuditEntry
from germplasm.extensions import db
from search import accession_index
from tests.test_admin import page_token, text


def api_numbers(client, query: str) -> set[str]:
    body = client.get(f"/api/v1/accessions?{query}").get_json()
    return {item["accenumb"] for item in body["items"]}


def taxon_form(client, taxon: Taxon, **changes) -> dict:
    path = f"/admin/taxa/edit/?id={taxon.id}"
    fields = ("genus", "species", "spauthor", "subtaxa", "subtauthor", "name_zh", "name_en")
    return {"csrf_token": page_token(client, path)} | {
        f: getattr(taxon, f) or "" for f in fields} | changes


def institute_form(client, path: str, **fields) -> dict:
    return {"csrf_token": page_token(client, path), "code": "", "name_zh": "", "name_en": "",
            "address": ""} | fields


def audit(entity: str) -> list[tuple]:
    return [(e.action, e.field, e.old_value, e.new_value, e.user) for e in db.session.scalars(
        db.select(AuditEntry).filter_by(entity=entity).order_by(AuditEntry.id))]


def facet_species(client, query: str) -> str:
    """The search page's species facet as text."""
    page = text(client.get(f"/search?q={query}"))
    return " ".join(re.findall(r'[?&]species=([^&"]+)', page))


def test_a_taxon_renamed_in_the_admin_is_audited_and_searched_by_its_new_name(
        client, as_role, make_accession, index_dir):
    accession = make_accession(accenumb="R1", species="salicna", accename="试验李")
    accession_index.rebuild()
    taxon = accession.taxon
    as_role("curator")
    assert "Prunus+salicna" in facet_species(client, "试验李")
    path = f"/admin/taxa/edit/?id={taxon.id}"
    response = client.post(path, data=taxon_form(client, taxon, species="gymnodonta",
                                                 name_zh="乌苏李", name_en="Ussuri test plum"))
    assert response.status_code == 302, text(response)[:3000]
    assert audit("taxon") == [
        ("update", "species", "salicna", "gymnodonta", "curator.user"),
        ("update", "name_zh", None, "乌苏李", "curator.user"),
        ("update", "name_en", None, "Ussuri test plum", "curator.user")]
    assert api_numbers(client, "q=乌苏李") == {"R1"}
    assert api_numbers(client, "q=Ussuri") == {"R1"}
    species = facet_species(client, "试验李")
    assert "Prunus+gymnodonta" in species and "salicna" not in species


def test_an_institute_renamed_in_the_admin_is_audited_and_searched_by_its_name(
        client, as_role, make_accession, index_dir):
    make_accession(accenumb="R2", instcode="CHN999", accename="试验李二")
    make_accession(accenumb="R3", accename="试验李三")
    accession_index.rebuild()
    assert api_numbers(client, "q=Qujiang") == set()
    institute = db.session.scalar(db.select(Institute).filter_by(code="CHN999"))
    as_role("curator")
    path = f"/admin/institutes/edit/?id={institute.id}"
    response = client.post(path, data=institute_form(
        client, path, code="CHN999", name_zh="曲江果树站", name_en="Qujiang Orchard Station"))
    assert response.status_code == 302, text(response)[:3000]
    assert audit("institute") == [
        ("update", "name_zh", None, "曲江果树站", "curator.user"),
        ("update", "name_en", None, "Qujiang Orchard Station", "curator.user")]
    assert api_numbers(client, "q=Qujiang") == {"R2"}
    assert api_numbers(client, "q=曲江果树站") == {"R2"}


def test_an_institute_created_in_the_admin_is_audited(client, as_role):
    as_role("curator")
    path = "/admin/institutes/new/"
    response = client.post(path, data=institute_form(client, path, code="chn777",
                                                     name_zh="新单位"))
    assert response.status_code == 302, text(response)[:3000]
    institute = db.session.scalar(db.select(Institute).filter_by(code="CHN777"))
    assert institute.name_zh == "新单位"
    assert audit("institute") == [("create", None, None, "CHN777", "curator.user")]


def refused(response) -> str:
    """A refused save: the form again (200, not a 500), its messages as text."""
    assert response.status_code == 200
    return text(response)


def test_bad_institutes_are_refused_beside_the_field(client, as_role, make_accession):
    make_accession(accenumb="R6")  # held by CHN385
    as_role("curator")
    path = "/admin/institutes/new/"
    malformed = refused(client.post(path, data=institute_form(client, path, code="CN-12")))
    assert "CN-12 不是 FAO WIEWS 代码" in malformed and "未保存" in malformed
    taken = refused(client.post(path, data=institute_form(client, path, code="CHN385")))
    assert "单位 CHN385 已经存在" in taken
    institutes = db.session.scalar(db.select(func.count()).select_from(Institute))
    empty = refused(client.post(path, data=institute_form(client, path, name_zh="无代码")))
    assert "单位必须填写 FAO WIEWS 代码" in empty
    english = refused(client.post(path + "?lang=en", data=institute_form(
        client, path, code="CN-12")))
    assert "CN-12 is not a FAO WIEWS code" in english
    assert db.session.scalar(db.select(Institute).filter_by(name_zh="无代码")) is None
    assert audit("institute") == [] and db.session.scalar(db.select(func.count()).select_from(
        Institute)) == institutes


def test_the_code_of_an_institute_holding_accessions_stays(client, as_role, make_accession):
    make_accession(accenumb="R4", instcode="CHN998")
    institute = db.session.scalar(db.select(Institute).filter_by(code="CHN998"))
    as_role("curator")
    path = f"/admin/institutes/edit/?id={institute.id}"
    page = refused(client.post(path, data=institute_form(client, path, code="CHN997")))
    assert "CHN998 保存有 1 份种质，其代码不能修改" in page
    db.session.expire_all()
    assert institute.code == "CHN998"


def test_bad_taxa_are_refused_beside_the_field(client, as_role):
    as_role("curator")
    path = "/admin/taxa/new/"
    form = {"csrf_token": page_token(client, path), "species": "testa"}
    assert "分类必须填写属名" in refused(client.post(path, data=form | {"genus": " "}))
    assert "属名须首字母大写" in refused(client.post(path, data=form | {"genus": "prunus"}))
    assert "种加词须为小写" in refused(client.post(path, data=form | {"genus": "Prunus",
                                                                      "species": "Testa"}))
    taken = refused(client.post(path, data=form | {"genus": "Prunus", "species": "salicina"}))
    assert "分类 Prunus salicina 已经存在" in taken
    assert db.session.scalar(db.select(Taxon).filter_by(species="testa")) is None
    assert audit("taxon") == []
    created = client.post(path, data=form | {"genus": "Prunus", "name_zh": "测试李"})
    assert created.status_code == 302
    assert audit("taxon") == [("create", None, None, "Prunus testa", "curator.user")]


def delete(client, view: str, row_id: int):
    token = page_token(client, f"/admin/{view}/")
    return client.post(f"/admin/{view}/delete/", data={"id": row_id, "csrf_token": token},
                       follow_redirects=True)


def test_taxa_and_institutes_in_use_are_not_deleted(client, as_role, make_accession):
    accession = make_accession(accenumb="R5", instcode="CHN996", species="salicna")
    taxon_id = accession.taxon_id
    institute = db.session.scalar(db.select(Institute).filter_by(code="CHN996"))
    as_role("admin")
    page = text(delete(client, "taxa", taxon_id))
    assert "Prunus salicna 仍是 1 份种质的分类" in page
    page = text(delete(client, "institutes", institute.id))
    assert "CHN996 仍保存有 1 份种质，不能删除" in page
    db.session.expire_all()
    assert db.session.get(Taxon, taxon_id) and db.session.get(Institute, institute.id)
    assert [e for e in audit("taxon") + audit("institute") if e[0] == "delete"] == []


def test_an_unused_taxon_is_deleted_and_the_deletion_audited(client, as_role):
    taxon = Taxon(genus="Prunus", species="obsoleta")
    db.session.add(taxon)
    db.session.commit()
    taxon_id = taxon.id
    as_role("admin")
    assert delete(client, "taxa", taxon_id).status_code == 200
    assert db.session.get(Taxon, taxon_id) is None
    assert audit("taxon") == [("delete", None, "Prunus obsoleta", None, "admin.user")]

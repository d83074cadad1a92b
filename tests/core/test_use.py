"""The core as a user meets it: staff build one on /core (others are refused), and its
selection feeds search, export, the API and the request cart by its link."""
import csv
import io
import json
import re

from sqlalchemy import func, select

from germplasm.accounts.services import create_user
from germplasm.extensions import db
from germplasm.selections.models import Selection
from search import accession_index
from tests.accounts.test_login import csrf_token, login


def sign_in(client, role: str):
    user = create_user(f"{role}.core", role, "orchard-2026", f"{role} 核心")
    db.session.commit()
    assert login(client, user.username, "orchard-2026").status_code == 302
    return user


def saved_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Selection)
                             .where(Selection.name.is_not(None)))


def test_staff_build_a_core_on_the_page(client, collection, index_dir):
    accession_index.rebuild()  # the selection's page lists its accessions from the index
    staff = sign_in(client, "staff")
    assert "核心种质" in client.get("/core").get_data(as_text=True)
    page = client.post("/core", data={"csrf_token": csrf_token(client, "/core"), "size": "8",
                                      "source": "ssr", "seed": "3", "name": "页面核心"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    token = re.search(r'href="/selections/([A-Za-z0-9_-]+)">页面核心</a>', html).group(1)
    selection = db.session.scalar(select(Selection).where(Selection.token == token))
    assert selection.owner_id == staff.id and not selection.published
    assert "A-NE" in html and "FLESH_COLOR" in html and "SSR" in html
    shown = client.get(f"/selections/{token}").get_data(as_text=True)
    assert sum(number in shown for number in collection) == 8


def test_the_page_refuses_what_it_cannot_build(client, collection):
    sign_in(client, "curator")
    before = saved_count()
    page = client.post("/core", data={"csrf_token": csrf_token(client, "/core"),
                                      "size": "500", "source": "both"})
    assert page.status_code == 400 and "500" in page.get_data(as_text=True)
    page = client.post("/core", data={"csrf_token": csrf_token(client, "/core"),
                                      "size": "x", "source": "both"})
    assert page.status_code == 400
    assert saved_count() == before


def test_anonymous_visitors_go_to_login_and_researchers_are_refused(client, collection):
    assert "/login" in client.get("/core").headers["Location"]
    refused = client.post("/core", data={"csrf_token": csrf_token(client, "/"), "size": "5"})
    assert "/login" in refused.headers["Location"] and saved_count() == 0
    sign_in(client, "researcher")
    assert client.get("/core").status_code == 403
    assert client.post("/core", data={"csrf_token": csrf_token(client),
                                      "size": "5"}).status_code == 403


def test_search_export_api_and_cart_take_the_core(cli, client, collection, index_dir):
    accession_index.rebuild()
    result = cli("core", "build", "--size", 6, "--json")
    found = json.loads(result.output)
    token = found["selection"]["token"]
    page = client.get(f"/?selection={token}&lang=en").get_data(as_text=True)
    assert "6 accessions" in page
    exported = client.get(f"/export/csv?selection={token}").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(exported.lstrip("\ufeff"))))
    chosen = sorted(r[0] for r in rows[1:])
    assert len(chosen) == 6 and set(chosen) <= set(collection)
    api = client.get(f"/api/v1/accessions?selection={token}").json
    assert sorted(i["accenumb"] for i in api["items"]) == chosen
    sign_in(client, "researcher")
    client.post(f"/cart/selection/{token}", data={"csrf_token": csrf_token(client, "/"),
                                                   "material": "scion", "quantity": "10"})
    cart = client.get("/cart").get_data(as_text=True)
    assert all(number in cart for number in chosen)

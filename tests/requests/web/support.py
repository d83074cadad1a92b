"""Helpers for the request pages' tests: forms posted with their CSRF token, a page's words,
and a request submitted through the cart."""
import re

PASSWORD = "orchard-2026"
RECIPIENT = {"name": "李研究员", "institution": "西南大学园艺园林学院", "kind": "university",
             "intended_use": "research", "address": "重庆市北碚区天生路2号", "country": "CHN",
             "province": "重庆", "email": "li@example.edu.cn", "mta_accepted": "y"}


def token(client, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)


def post(client, path: str, data: dict, token_from: str = "/cart", **options):
    return client.post(path, data={"csrf_token": token(client, token_from), **data}, **options)


def text(response) -> str:
    """The page's words without tags, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.get_data(as_text=True)))


def add(client, accession, material="scion", quantity="5", **more):
    return post(client, "/cart/add", {"accession": str(accession.id), "material": material,
                                      "quantity": quantity, **more})


def submitted_request(client, *accessions, **overrides) -> int:
    """Put the accessions in the cart, submit, return the new request's id."""
    for accession in accessions:
        assert add(client, accession).status_code == 302
    answer = post(client, "/cart/submit", RECIPIENT | overrides, token_from="/cart/submit")
    assert answer.status_code == 302, text(answer)
    return int(answer.headers["Location"].rstrip("/").split("/")[-1])

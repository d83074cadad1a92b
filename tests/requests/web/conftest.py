"""The request pages' tests sign in as a researcher, another researcher and a curator."""
import pytest

from germplasm.accounts.services import create_user
from germplasm.extensions import db
from tests.requests.web.support import PASSWORD, token


@pytest.fixture
def people(app):
    """Signed-in clients: `asker` and `other` (researchers), `keeper` (a curator)."""
    clients = {}
    for name, role in (("asker", "researcher"), ("other", "researcher"),
                       ("keeper", "curator")):
        create_user(name, role, PASSWORD, {"asker": "李研究员"}.get(name))
        db.session.commit()
        client = app.test_client()
        answer = client.post("/login", data={"username": name, "password": PASSWORD,
                                             "csrf_token": token(client, "/login")})
        assert answer.status_code == 302
        clients[name] = client
    return clients

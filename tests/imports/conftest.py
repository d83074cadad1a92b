"""Upload fixtures: jobs run inline (inside the test's transaction), files in tmp_path."""
import re

import pytest

from germplasm.accounts.services import create_user
from germplasm.extensions import db
from tests.accounts.test_login import login

HEADER = "INSTCODE,ACCENUMB,ACCENAME,GENUS,SPECIES,ORIGCTY,SAMPSTAT\n"
GOOD = (HEADER + "CHN385,UP0001,巫山脆李,Prunus,salicina,CHN,300\n"
        "CHN385,UP0002,青脆李,Prunus,salicina,CHN,300\n")
BAD = GOOD + "CHN385,UP0003,坏李,Prunus,salicina,ZZZ,300\nCHN385,,无号,Prunus,salicina,CHN,300\n"


@pytest.fixture(autouse=True)
def inline_jobs(app, monkeypatch, tmp_path):
    monkeypatch.setitem(app.config, "GERMPLASM_JOB_RUNNER", "inline")
    monkeypatch.setitem(app.config, "GERMPLASM_UPLOAD_DIR", str(tmp_path / "uploads"))


def signed_in(client, role: str):
    create_user(f"{role}.zhou", role, "orchard-2026", f"{role} 周")
    db.session.commit()
    login(client, f"{role}.zhou", "orchard-2026")
    return client


@pytest.fixture
def curator(client):
    return signed_in(client, "curator")


@pytest.fixture
def staff(client):
    return signed_in(client, "staff")


def token(client) -> str:
    page = client.get("/imports").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

"""Helpers for the /api/v1 tests: tokens made on the command line, every page of a list, and
the rows of a `germplasm export` file."""
import csv

from germplasm.accounts.services import create_user
from germplasm.extensions import db


def token_of(cli, username: str, role: str, scope: str = "read") -> str:
    create_user(username, role, "orchard-2026")
    db.session.commit()
    result = cli("tokens", "create", username, "--scope", scope)
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


def bearer(token: str | None) -> dict:
    return {"Authorization": f"Bearer {token}"} if token else {}


def all_items(client, url: str, token: str | None = None) -> list[dict]:
    """Follow `links.next` from the first page to the last."""
    items, pages = [], 0
    while url:
        answer = client.get(url, headers=bearer(token))
        assert answer.status_code == 200, answer.get_data(as_text=True)
        items += answer.json["items"]
        url, pages = answer.json["links"]["next"], pages + 1
        assert pages < 100
    return items


def exported(cli, tmp_path, kind: str, *options) -> list[list[str]]:
    """The data rows (no header) of `germplasm export KIND FILE OPTIONS...`."""
    path = tmp_path / f"{kind}.csv"
    result = cli("export", kind, path, *options)
    assert result.exit_code == 0, result.output
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))[1:]

"""Callers of the API in tests: anonymous, or a user of a role with a bearer token made on
the command line, as a partner's script would hold one."""
from germplasm.accounts.services import create_user
from germplasm.extensions import db


def bearer(cli, role: str, instcode: str | None = None) -> dict[str, str]:
    username = f"{role}.{instcode or 'api'}".lower()
    create_user(username, role, "orchard-2026", instcode=instcode)
    db.session.commit()
    result = cli("tokens", "create", username)
    assert result.exit_code == 0, result.output
    return {"Authorization": f"Bearer {result.output.strip().splitlines()[-1]}"}


def assert_not_found(answer) -> None:
    """The API's one error shape, never an HTML page."""
    assert answer.status_code == 404, answer.get_data(as_text=True)
    assert answer.mimetype == "application/json"
    assert answer.json["status"] == 404 and answer.json["message"]
    assert answer.json["errors"] == []


def assert_utc(text: str) -> None:
    """An ISO 8601 time with its zone, in UTC (the API's one form of times)."""
    from datetime import datetime, timedelta

    assert "T" in text and datetime.fromisoformat(text).utcoffset() == timedelta(0), text

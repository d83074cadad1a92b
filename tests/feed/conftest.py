"""Tests of the feed start from an empty feed: other tests (those that commit outside the
rolled-back transaction) may have left rows behind, whose ids SQLite then gives again."""
import pytest

from germplasm.extensions import db
from germplasm.feed.models import Change


@pytest.fixture(autouse=True)
def empty_feed(session):
    if session is not None:
        db.session.execute(db.delete(Change))
        db.session.commit()  # a savepoint: the test's rollback restores the rows
    yield

"""`germplasm demo` adds a core of 20 chosen from traits and SSR together, published as the
selection 核心种质 (演示); a demo too small for one still loads."""
from sqlalchemy import select

from germplasm.extensions import db
from germplasm.selections import services
from germplasm.selections.models import Selection
from loaders.demo_core import NAME, SIZE


def test_the_demo_has_a_core_selection(cli, client):
    result = cli("demo", "--accessions", 60, "--seed", 3)
    assert result.exit_code == 0, result.output
    core = db.session.scalar(select(Selection).where(Selection.name == NAME))
    assert core is not None and core.published and len(services.visible_ids(core)) == SIZE
    assert client.get(f"/?selection={core.token}").status_code == 200


def test_a_demo_too_small_for_a_core_still_loads(cli):
    result = cli("demo", "--accessions", 12, "--seed", 3)
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(Selection).where(Selection.name == NAME)) is None

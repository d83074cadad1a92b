"""Every write of a tree is in its accession's history: planting, each changed field, its
removal, a trueness check and a virus test, with who and from where; the import too."""
from datetime import date

from germplasm.audit.services import history
from germplasm.extensions import db
from germplasm.inventory import plants
from tests.conftest import write


def entries(accession_id):
    return [(e.entity, e.action, e.field, e.old_value, e.new_value, e.user, e.source)
            for e in history(accession_id) if e.entity == "plant"]


def test_tree_writes_are_audited_in_the_accessions_history(make_accession):
    accession = make_accession()
    tree = plants.plant(accession.id, plants.PlantFields("H", "1", "1"), user="wang",
                        source="accession page")
    plants.update(tree, plants.PlantFields("H", "1", "2", planted_on=date(2020, 3, 1)),
                  user="wang", source="accession page")
    plants.add_health_test(tree, "PPV", "ELISA", "negative", date(2026, 5, 1), user="li")
    plants.check_trueness(tree, "true", date(2026, 6, 1), user="li")
    plants.remove(tree, "canker", date(2026, 7, 1), user="zhao")
    db.session.commit()
    assert entries(accession.id) == [
        ("plant", "create", None, None, "H-1-1", "wang", "accession page"),
        ("plant", "update", "position", "1", "2", "wang", "accession page"),
        ("plant", "update", "planted_on", None, "2020-03-01", "wang", "accession page"),
        ("plant", "test", "health_test", None, "PPV ELISA negative 2026-05-01", "li", None),
        ("plant", "update", "trueness", "unchecked", "true 2026-06-01", "li", None),
        ("plant", "remove", "status", "living", "removed 2026-07-01: canker", "zhao", None),
    ]
    assert {e.entity_id for e in history(accession.id) if e.entity == "plant"} == {tree.id}


def test_an_unchanged_update_and_a_refused_write_leave_no_entry(make_accession):
    accession = make_accession()
    tree = plants.plant(accession.id, plants.PlantFields("H", "2", "1"), user="wang")
    assert not plants.update(tree, plants.PlantFields("H", "2", "1"), user="wang")
    try:
        plants.add_health_test(tree, " ", "ELISA", "negative", date(2026, 5, 1), user="li")
    except plants.PlantProblem as problem:
        assert problem.field == "pathogen"
    assert [e[1] for e in entries(accession.id)] == ["create"]


def test_the_plants_import_is_audited_as_its_user(cli, make_accession, tmp_path):
    accession = make_accession()
    path = write(tmp_path / "trees.csv", f"ACCENUMB,BLOCK,ROW,POSITION\n{accession.accenumb},"
                 "IMP,1,1\n")
    result = cli("import", "plants", str(path), "--user", "nursery")
    assert result.exit_code == 0, result.output
    assert [(e[1], e[4], e[5], e[6]) for e in entries(accession.id)] == [
        ("create", "IMP-1-1", "nursery", "plants import")]


def test_the_accession_page_shows_tree_entries_to_staff(client, as_role, make_accession):
    accession = make_accession()
    plants.plant(accession.id, plants.PlantFields("H", "3", "1"), user="wang")
    db.session.commit()
    as_role("staff")
    page = client.get(f"/accessions/{accession.accenumb}").get_data(as_text=True)
    assert "H-3-1" in page and "植株 #" in page

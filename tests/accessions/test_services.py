"""Upsert, names, partial dates, multi-values, pedigree and audit through the services."""
from germplasm.accessions.models import Accession, AccessionMultiValue
from germplasm.accessions.services import upsert_rows
from germplasm.audit.services import history
from germplasm.extensions import db
from schemas.accession import McpdRowSchema


def load(**columns):
    row = {"INSTCODE": "CHN385", "GENUS": "Prunus", "SPECIES": "salicina"} | columns
    return McpdRowSchema().load(row)


def test_accename_becomes_names_with_script_and_language(make_accession):
    accession = make_accession(accename="巫山脆李;Wūshān Cuìlǐ;Wushan Crisp")
    assert [(n.name, n.name_type, n.lang) for n in accession.names] == [
        ("巫山脆李", "chinese", "zh"),
        ("Wūshān Cuìlǐ", "pinyin", "zh-Latn"),
        ("Wushan Crisp", "synonym", "und"),
    ]


def test_partial_dates_are_kept_exactly(make_accession):
    accession = make_accession(acqdate="2019----", colldate="201905--")
    db.session.expire_all()
    assert (accession.acqdate, accession.colldate) == ("2019----", "201905--")


def test_multi_valued_fields_are_rows_that_can_be_queried(make_accession):
    make_accession(accenumb="M1", storage="20;30", duplsite="CHN001;CHN002")
    make_accession(accenumb="M2", storage="20")
    in_vitro = db.session.scalars(
        db.select(Accession.accenumb).join(AccessionMultiValue)
        .where(AccessionMultiValue.field == "STORAGE", AccessionMultiValue.value == "30")
    ).all()
    assert in_vitro == ["M1"]


def test_second_upsert_updates_and_audits_each_changed_field(make_accession):
    accession = make_accession(accenumb="U1", accename="Old", sampstat="300", storage="20")
    result = upsert_rows([(7, load(ACCENUMB="U1", ACCENAME="New;新", SAMPSTAT="500",
                                   STORAGE="20;40"))], user="curator", source="sheet.csv")
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    changes = {(e.field, e.old_value, e.new_value, e.user) for e in history(accession.id)
               if e.action == "update"}
    assert changes == {
        ("SAMPSTAT", "300", "500", "curator"),
        ("ACCENAME", "Old", "New;新", "curator"),
        ("STORAGE", "20", "20;40", "curator"),
    }
    assert [n.name for n in accession.names] == ["New", "新"]


def test_identical_upsert_is_unchanged_and_not_audited(make_accession):
    accession = make_accession(accenumb="S1", accename="Same", storage="20;30")
    result = upsert_rows([(2, load(ACCENUMB="S1", ACCENAME="Same", STORAGE="20;30"))],
                         user="u", source="s")
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert [e.action for e in history(accession.id)] == ["create"]


def test_columns_absent_from_a_file_are_left_alone(make_accession):
    accession = make_accession(accenumb="K1", collsite="巫山县", elevation="820")
    upsert_rows([(2, load(ACCENUMB="K1", ACCENAME="Renamed"))], user="u", source="s")
    assert (accession.collsite, accession.elevation) == ("巫山县", 820)


def test_unknown_taxon_is_created_with_a_warning():
    result = upsert_rows([(4, load(ACCENUMB="X1", SPECIES="cocomilia"))], user="u", source="s")
    assert (4, "new taxon Prunus cocomilia created") in result.warnings


def test_pedigree_links_parents_by_number_and_by_name(make_accession):
    mother = make_accession(accenumb="P1", accename="巫山脆李")
    father = make_accession(accenumb="P2", accename="Santa Rosa")
    child = make_accession(accenumb="C1", ancest="巫山脆李 × P2")
    assert [(link.role, link.parent) for link in child.parent_links] == [
        ("female", mother), ("male", father)]
    assert [link.child for link in mother.progeny_links] == [child]


def test_parent_imported_after_its_child_is_linked_then(make_accession):
    child = make_accession(accenumb="C2", ancest="Friar/Black Amber")
    assert all(link.parent_id is None for link in child.parent_links)
    friar = make_accession(accenumb="F1", accename="Friar")
    db.session.refresh(child)
    assert [link.parent for link in child.parent_links] == [friar, None]


def test_ambiguous_parent_name_is_not_linked_and_is_reported(make_accession):
    make_accession(accenumb="A1", accename="Beauty", instcode="USA028")
    make_accession(accenumb="A2", accename="Beauty", instcode="USA029")
    result = upsert_rows([(9, load(ACCENUMB="C3", ANCEST="Beauty OP"))], user="u", source="s")
    assert (9, "ANCEST parent 'Beauty' matches 2 accessions; not linked") in result.warnings


def test_a_file_without_species_keeps_the_taxon(make_accession):
    accession = make_accession(accenumb="TX1", species="domestica", subtaxa="subsp. italica")
    upsert_rows([(2, McpdRowSchema().load({"INSTCODE": "CHN385", "ACCENUMB": "TX1",
                                           "GENUS": "Prunus", "ACCENAME": "x"}))],
                user="u", source="s")
    assert accession.taxon.scientific_name == "Prunus domestica subsp. italica"

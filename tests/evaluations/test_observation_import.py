"""`germplasm import observations`: wide and long sheets, dates, categories, summaries."""
import json

from germplasm.audit.models import AuditEntry
from germplasm.evaluations.models import ALL_YEARS, Descriptor, Observation, TraitSummary
from germplasm.extensions import db
from tests.conftest import write

WIDE = ("ACCENUMB,REPLICATE,OBSERVED_ON,OBSERVER,FRUIT_WEIGHT,可溶性固形物含量,Flesh colour,"
        "HARVEST_DATE,NOTES\n") + """WSL0001,1,2026-07-15,李明,35.2,14.5,黄色,7月15日,
WSL0001,2,2026-07-15,李明,33.0,NA,yellow,2026年7月16日,
WSL0002,1,2026/7/20,王芳,52,—,5,2026-07-20,big
WSL0003,1,,王芳,,,,,
"""


def summary(accenumb, code, year=ALL_YEARS):
    return db.session.scalars(db.select(TraitSummary).join(Descriptor).where(
        Descriptor.code == code, TraitSummary.year == year,
        TraitSummary.accession.has(accenumb=accenumb))).one()


def observations() -> int:
    return db.session.scalar(db.select(db.func.count(Observation.id)))


def run(cli, path, *extra, campaign="2026 评价"):
    return cli("import", "observations", path, "--campaign", campaign, "--year", 2026, *extra)


def test_wide_sheet_with_codes_names_labels_and_missing_values(cli, plums, tmp_path):
    result = run(cli, write(tmp_path / "w.csv", WIDE))
    assert result.exit_code == 0, result.output
    assert observations() == 10  # NA, — and empty cells are missing, not errors
    weight = summary("WSL0001", "FRUIT_WEIGHT")
    assert (weight.n, weight.mean, weight.min, weight.max) == (2, 34.1, 33.0, 35.2)
    assert round(weight.sd, 4) == 1.5556
    assert summary("WSL0001", "FLESH_COLOR").mode == "5"  # 黄色 and yellow are one category
    assert summary("WSL0001", "FLESH_COLOR", 2026).frequencies == json.dumps({"5": 2})
    harvest = summary("WSL0001", "HARVEST_DATE")
    assert (harvest.min, harvest.max) == (196, 197)  # 15 and 16 July as day of year


def test_importing_the_same_sheet_twice_adds_nothing(cli, plums, tmp_path):
    path = write(tmp_path / "w.csv", WIDE)
    run(cli, path)
    again = run(cli, path, "--report", tmp_path / "r.json")
    report = json.loads((tmp_path / "r.json").read_text())
    assert again.exit_code == 0 and (report["created"], report["unchanged"]) == (0, 10)
    assert observations() == 10


def test_a_changed_value_is_updated_audited_and_summarised(cli, plums, tmp_path):
    run(cli, write(tmp_path / "w.csv", WIDE))
    changed = WIDE.replace("WSL0001,1,2026-07-15,李明,35.2", "WSL0001,1,2026-07-15,李明,37.2")
    run(cli, write(tmp_path / "w2.csv", changed), "--report", tmp_path / "r.json")
    assert json.loads((tmp_path / "r.json").read_text())["updated"] == 1
    entry = db.session.scalars(db.select(AuditEntry).filter_by(entity="observation")).one()
    assert (entry.field, entry.old_value, entry.new_value) == ("value_num", "35.2", "37.2")
    assert summary("WSL0001", "FRUIT_WEIGHT").mean == 35.1


def test_bad_values_unknown_columns_and_accessions_are_rejected(cli, plums, tmp_path):
    sheet = ("ACCENUMB,FRUIT_WEIGHT,FLESH_COLOR,Colour of mood\n"
             "WSL0001,500,蓝色,x\nWSL9999,20,5,\nWSL0002,abc,5,\n")
    out = tmp_path / "r.json"
    result = run(cli, write(tmp_path / "bad.csv", sheet), "--report", out)
    assert result.exit_code == 3 and observations() == 0
    rejected = {(r["row"], r["column"]) for r in json.loads(out.read_text())["rejected"]}
    assert rejected == {(1, "Colour of mood"), (2, "FRUIT_WEIGHT"), (2, "FLESH_COLOR"),
                        (3, "ACCENUMB"), (4, "FRUIT_WEIGHT")}


def test_skip_invalid_keeps_whole_valid_rows_only(cli, plums, tmp_path):
    sheet = "ACCENUMB,FRUIT_WEIGHT,FLESH_COLOR\nWSL0001,30,蓝色\nWSL0002,40,red\n"
    result = run(cli, write(tmp_path / "s.csv", sheet), "--skip-invalid")
    assert result.exit_code == 3
    stored = db.session.execute(db.select(Observation.value_num, Observation.value_text)).all()
    assert sorted(stored, key=str) == [(40.0, None), (None, "7")]


def test_ambiguous_slashed_dates_are_refused_until_an_order_is_given(cli, plums, tmp_path):
    sheet = "ACCENUMB,HARVEST_DATE\nWSL0001,7/8/2026\nWSL0002,8/7/2026\n"
    path = write(tmp_path / "d.csv", sheet)
    refused = run(cli, path)
    assert refused.exit_code == 3 and "--date-order" in refused.output
    assert run(cli, path, "--date-order", "dmy").exit_code == 0
    dates = db.session.scalars(db.select(Observation.value_date).order_by(Observation.id)).all()
    assert [d.isoformat() for d in dates] == ["2026-08-07", "2026-07-08"]


def test_the_column_tells_the_order_when_one_date_is_unambiguous(cli, plums, tmp_path):
    sheet = "ACCENUMB,HARVEST_DATE\nWSL0001,7/8/2026\nWSL0002,7/25/2026\n"
    assert run(cli, write(tmp_path / "d.csv", sheet)).exit_code == 0
    dates = db.session.scalars(db.select(Observation.value_date).order_by(Observation.id)).all()
    assert [d.isoformat() for d in dates] == ["2026-07-08", "2026-07-25"]


def test_month_day_dates_take_the_campaigns_year(cli, plums, tmp_path):
    """7-15 and 0715 as the entry form reads them (four digits are MMDD); 13-45 is no date."""
    sheet = "ACCENUMB,HARVEST_DATE\nWSL0001,7-15\nWSL0002,0716\n"
    assert run(cli, write(tmp_path / "d.csv", sheet)).exit_code == 0
    dates = db.session.scalars(db.select(Observation.value_date).order_by(Observation.id)).all()
    assert [d.isoformat() for d in dates] == ["2026-07-15", "2026-07-16"]
    result = run(cli, write(tmp_path / "e.csv", "ACCENUMB,HARVEST_DATE\nWSL0003,13-45\n"))
    assert result.exit_code != 0 and "'13-45' is not a valid date" in result.output


def test_long_sheet(cli, plums, tmp_path):
    sheet = ("ACCENUMB,DESCRIPTOR,VALUE,REPLICATE\nWSL0001,SSC,14.2,1\nWSL0001,SSC,14.8,2\n"
             "WSL0002,果肉颜色,红色,1\nWSL0002,Harvest (ripening) date,2026-07-30,1\n"
             "WSL0003,NOT_A_TRAIT,1,1\n")
    out = tmp_path / "r.json"
    result = run(cli, write(tmp_path / "l.csv", sheet), "--skip-invalid", "--report", out)
    assert result.exit_code == 3
    report = json.loads(out.read_text())
    assert report["created"] == 4
    assert report["rejected"][0] | {"message": ""} == {
        "row": 6, "column": "DESCRIPTOR", "value": "NOT_A_TRAIT", "message": ""}
    assert summary("WSL0001", "SSC").mean == 14.5


def test_new_campaign_needs_a_year(cli, plums, tmp_path):
    path = write(tmp_path / "w.csv", WIDE)
    result = cli("import", "observations", path, "--campaign", "无年份")
    assert result.exit_code == 2 and "--year" in result.output


def test_dry_run_writes_nothing(cli, plums, tmp_path):
    result = run(cli, write(tmp_path / "w.csv", WIDE), "--dry-run")
    assert result.exit_code == 0 and "dry run" in result.output and observations() == 0


def test_exports_long_observations_and_summaries(cli, plums, tmp_path):
    run(cli, write(tmp_path / "w.csv", WIDE))
    cli("export", "observations", tmp_path / "o.csv")
    cli("export", "summaries", tmp_path / "s.csv")
    lines = (tmp_path / "o.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ("ACCENUMB,CAMPAIGN,YEAR,DESCRIPTOR,VALUE,REPLICATE,PLANT,OBSERVED_ON,"
                        "OBSERVER")
    assert "WSL0001,2026 评价,2026,HARVEST_DATE,2026-07-15,1,,2026-07-15,李明" in lines
    summaries = (tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()
    assert summaries[0] == "ACCENUMB,DESCRIPTOR,YEAR,N,MEAN,MIN,MAX,SD,MODE"
    assert "WSL0001,FRUIT_WEIGHT,,2,34.1,33,35.2,1.5556," in summaries
    assert "WSL0001,FRUIT_WEIGHT,2026,2,34.1,33,35.2,1.5556," in summaries
    assert "WSL0001,HARVEST_DATE,,2,196.5,196,197,0.7071," in summaries


def test_a_category_called_none_is_a_value_not_a_gap(cli, plums, tmp_path):
    from germplasm.evaluations.models import Descriptor

    aroma = db.session.scalar(db.select(Descriptor).filter_by(code="AROMA"))
    none_label = next(c for c in aroma.categories if c.label_en.lower() == "none")
    sheet = write(tmp_path / "a.csv", "ACCENUMB,AROMA,SSC\nWSL0001,none,none\n")
    assert run(cli, sheet).exit_code == 0
    stored = db.session.scalars(db.select(Observation.value_text)).all()
    assert stored == [none_label.code]  # SSC "none" is missing; AROMA "none" is category


def test_replicates_and_observers_beyond_the_columns_limits_are_row_errors(cli, plums,
                                                                           tmp_path):
    sheet = ("ACCENUMB,REPLICATE,OBSERVER,SSC\n"
             f"WSL0001,{'9' * 20},张园,12\n"
             "WSL0002,1e400,张园,12\n"
             f"WSL0003,1,{'张' * 101},12\n")
    report = tmp_path / "report.json"
    result = run(cli, write(tmp_path / "o.csv", sheet), "--report", report)
    assert result.exit_code == 3, result.output
    rejected = json.loads(report.read_text(encoding="utf-8"))["rejected"]
    assert [(r["row"], r["column"]) for r in rejected] == [
        (2, "REPLICATE"), (3, "REPLICATE"), (4, "OBSERVER")]
    assert observations() == 0

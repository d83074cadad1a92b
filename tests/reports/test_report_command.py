"""`germplasm report distribution`: a readable summary, or a workbook of one sheet per table."""
from openpyxl import load_workbook


def test_summary_is_printed_in_chinese(cli, year_2025):
    result = cli("report", "distribution", "--year", 2025)
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    for expected in ("年度数据 (2025)", "收到申请 4", "分发种质（份） 3", "鉴定评价种质（份） 2",
                     "评价计划（份） 500", "苗木计划（株） 50000", "收到利用反馈 1",
                     "高等院校 1", "农户 1", "企业 0", "重庆 2", "KAZ 1", "接穗 (支) 14",
                     "花粉 (g) 2"):
        assert expected in lines, (expected, result.output)


def test_summary_in_english(cli, year_2025):
    result = cli("report", "distribution", "--year", 2025, "--lang", "en")
    assert result.exit_code == 0
    assert "Accessions distributed  3" in result.output
    assert "Universities" in result.output


def test_workbook_has_the_same_numbers(cli, year_2025, tmp_path):
    path = tmp_path / "report.xlsx"
    result = cli("report", "distribution", "--year", 2025, "-o", str(path))
    assert result.exit_code == 0, result.output
    book = load_workbook(path)
    assert book.sheetnames == ["summary", "kinds", "uses", "provinces", "shipped"]
    summary = {row[0]: row[1] for row in book["summary"].iter_rows(min_row=3, values_only=True)}
    assert summary["收到申请"] == 4 and summary["分发种质（份）"] == 3
    assert summary["鉴定评价种质（份）"] == 2 and summary["收到利用反馈"] == 1
    provinces = list(book["provinces"].iter_rows(min_row=3, values_only=True))
    assert provinces == [("重庆", 2), ("KAZ", 1), ("贵州", 1)]
    shipped = list(book["shipped"].iter_rows(min_row=3, values_only=True))
    assert shipped == [("花粉 (g)", 2), ("接穗 (支)", 14)]
    assert book["kinds"]["A1"].value == "按接收单位类型统计申请"
    assert book["kinds"]["B1"].value == 2025


def test_bad_arguments_and_unwritable_files(cli, tmp_path):
    assert cli("report", "distribution", "--year", "twenty").exit_code == 2
    assert cli("report", "distribution", "--year", 1200).exit_code == 2
    wrong = cli("report", "distribution", "-o", str(tmp_path / "report.csv"))
    assert wrong.exit_code == 2 and ".xlsx" in wrong.output
    missing = cli("report", "distribution", "-o", str(tmp_path / "no" / "report.xlsx"))
    assert missing.exit_code == 1 and "cannot write" in missing.output
    assert not (tmp_path / "no").exists()

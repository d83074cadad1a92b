"""Exports as a user opens them in Excel: CSV with a BOM, .xlsx with numbers as numbers and a
frozen header, and downloads named after what they hold and the day."""
import csv
import re
from datetime import date
from urllib.parse import unquote

from openpyxl import load_workbook

from tests.conftest import write

BOM = b"\xef\xbb\xbf"
MCPD_HEADER = "INSTCODE,ACCENUMB,ACCENAME,GENUS,SPECIES,SAMPSTAT,ACQDATE,DECLATITUDE," \
              "DECLONGITUDE,COORDUNCERT,ELEVATION,ORIGCTY\n"
MCPD_ROW = "CHN385,X1,巫山脆李,Prunus,salicina,300,2019----,31.075,109.875,30,620,CHN\n"


def download(client, url, tmp_path):
    """GET url; return the saved file and the name the browser would give it."""
    before = date.today()
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    disposition = response.headers["Content-Disposition"]
    fallback = re.search(r'filename="([^"]+)"', disposition).group(1)
    assert fallback.isascii()
    utf8 = re.search(r"filename\*=UTF-8''([^;]+)", disposition)  # only when it is not ASCII
    name = unquote(utf8.group(1)) if utf8 else fallback
    path = tmp_path / name
    path.write_bytes(response.data)
    return path, fallback, {before.isoformat(), date.today().isoformat()}


def rows_of(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_web_mcpd_csv_has_a_bom_and_a_dated_name(client, catalogue, tmp_path):
    path, fallback, days = download(client, "/export/mcpd?q=巫山", tmp_path)
    assert path.read_bytes().startswith(BOM)
    assert re.fullmatch(r"plum-mcpd-巫山-(\d{4}-\d\d-\d\d)\.csv", path.name).group(1) in days
    assert fallback == path.name.replace("巫山", "wushan")
    rows = rows_of(path)
    assert rows[0][:3] == ["PUID", "INSTCODE", "ACCENUMB"]
    assert any(r[2] == "S001" and "巫山脆李;Wūshān Cuìlǐ" in r for r in rows)


def test_web_result_csv_has_a_bom_and_a_dated_name(client, catalogue, tmp_path):
    path, fallback, days = download(client, "/export/csv?q=李&col=SSC", tmp_path)
    assert path.read_bytes().startswith(BOM)
    assert re.fullmatch(r"plum-search-李-(\d{4}-\d\d-\d\d)\.csv", path.name).group(1) in days
    assert fallback.startswith("plum-search-li-")
    assert ["S001", "CHN385", "巫山脆李;Wūshān Cuìlǐ", "Prunus salicina", "300", "CHN",
            "13.5"] in rows_of(path)


def test_a_download_without_search_words_is_named_after_its_kind_and_day(client, catalogue,
                                                                          tmp_path):
    path, fallback, days = download(client, "/export/mcpd", tmp_path)
    assert path.name == fallback and path.name in {f"plum-mcpd-{d}.csv" for d in days}


def test_web_xlsx_has_numbers_a_frozen_header_and_readable_columns(client, catalogue, tmp_path):
    url = "/export/xlsx?q=李&col=SSC&col=FRUIT_WEIGHT&col=HARVEST_DATE&col=FLESH_COLOR"
    path, _, days = download(client, url, tmp_path)
    assert re.fullmatch(r"plum-search-李-(\d{4}-\d\d-\d\d)\.xlsx", path.name).group(1) in days
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    s001 = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "S001")
    cells = dict(zip(header, s001, strict=True))
    for column, value in (("SAMPSTAT", 300), ("可溶性固形物含量", 13.5), ("平均单果重", 38)):
        assert (cells[column].value, cells[column].data_type) == (value, "n"), column
    for column, value in (("果实成熟期", "07-12"), ("果肉颜色", "黄色"), ("ACCENUMB", "S001")):
        assert (cells[column].value, cells[column].data_type) == (value, "s"), column
    names = sheet.column_dimensions["C"].width  # 巫山脆李;Wūshān Cuìlǐ is the longest name
    assert names >= len("巫山脆李;Wūshān Cuìlǐ") + 4
    assert sheet.column_dimensions["B"].width < names


def test_cli_mcpd_xlsx_writes_numbers_as_numbers_and_dates_as_text(cli, tmp_path):
    assert cli("import", "mcpd", write(tmp_path / "in.csv", MCPD_HEADER + MCPD_ROW)).exit_code == 0
    assert cli("export", "mcpd", tmp_path / "out.xlsx").exit_code == 0
    sheet = load_workbook(tmp_path / "out.xlsx").active
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("ACCENUMB")].value == "X1")
    cells = dict(zip(header, row, strict=True))
    for column, value in (("SAMPSTAT", 300), ("DECLATITUDE", 31.075), ("DECLONGITUDE", 109.875),
                          ("COORDUNCERT", 30), ("ELEVATION", 620)):
        assert (cells[column].value, cells[column].data_type) == (value, "n"), column
    assert (cells["ACQDATE"].value, cells["ACQDATE"].data_type) == ("2019----", "s")
    assert (cells["INSTCODE"].value, cells["INSTCODE"].data_type) == ("CHN385", "s")


def test_cli_csv_exports_start_with_a_bom(cli, tmp_path):
    assert cli("import", "mcpd", write(tmp_path / "in.csv", MCPD_HEADER + MCPD_ROW)).exit_code == 0
    for what in ("mcpd", "observations", "summaries"):
        assert cli("export", what, tmp_path / f"{what}.csv").exit_code == 0
        assert (tmp_path / f"{what}.csv").read_bytes().startswith(BOM), what


def test_a_bom_is_read_also_when_the_encoding_is_named(cli, tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(BOM + (MCPD_HEADER + MCPD_ROW).encode("utf-8"))
    result = cli("import", "mcpd", path, "--encoding", "utf-8")
    assert result.exit_code == 0, result.output


def test_an_observation_export_with_its_bom_reads_back_with_a_named_encoding(
        cli, make_accession, tmp_path):
    make_accession(accenumb="X2", accename="巫山脆李")
    sheet = write(tmp_path / "w.csv", "ACCENUMB,OBSERVED_ON,SSC\nX2,2026-07-15,13.5\n")
    assert cli("import", "observations", sheet, "--campaign", "2026 评价", "--year",
               "2026").exit_code == 0
    assert cli("export", "observations", tmp_path / "o.csv").exit_code == 0
    again = cli("import", "observations", tmp_path / "o.csv", "--campaign", "2026 评价",
                "--encoding", "utf-8", "--dry-run")
    assert again.exit_code == 0, again.output

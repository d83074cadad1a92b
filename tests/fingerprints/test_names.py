"""Same name, different fingerprints: accessions sharing a name or synonym (compared without
case, full-width forms or extra spaces) whose fingerprints are farther apart than the
threshold over enough markers, in the JSON, text and .xlsx report and on /fingerprints."""
import json

from openpyxl import load_workbook

from germplasm.extensions import db
from germplasm.fingerprints.names import normalise
from tests.conftest import write

HEADER = "ACCESSION,CPPCT022_a,CPPCT022_b,UDP96-005_a,UDP96-005_b,BPPCT007_a,BPPCT007_b\n"
WUSHAN = "190,200,110,120,130,140"
OTHER = "220,230,140,142,150,154"  # shares no allele with WUSHAN: distance 1


def plant(make_accession, cli, tmp_path) -> dict:
    """W1 and W3 are the same clone; W2 (a synonym, full width) is not; W4 is typed at one
    marker only; Q is named otherwise and identical to W2."""
    made = {"W1": make_accession(ACCENAME="巫山脆李;Wushan Cuili"),
            "W2": make_accession(ACCENAME="奉节李;ＷＵＳＨＡＮ　 cuili"),
            "W3": make_accession(ACCENAME="wushan  CUILI"),
            "W4": make_accession(ACCENAME="巫山脆李"),
            "Q": make_accession(ACCENAME="青脆李")}
    rows = {"W1": WUSHAN, "W2": OTHER, "W3": WUSHAN, "W4": "220,230,NA,NA,NA,NA", "Q": OTHER}
    text = HEADER + "".join(f"{made[k].accenumb},{v}\n" for k, v in rows.items())
    result = cli("import", "genotypes", write(tmp_path / "g.csv", text), "--kind", "ssr")
    assert result.exit_code == 0, result.output
    return {k: a.accenumb for k, a in made.items()}


def report(cli, *args) -> dict:
    result = cli("fingerprints", "report", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def conflict(name, a, b, distance, compared) -> dict:
    return {"name": name, "accessions": sorted([a, b]), "distance": distance,
            "markers_compared": compared}


def test_names_fold_case_width_and_spaces():
    assert normalise("ＷＵＳＨＡＮ　 cuili ") == normalise("Wushan Cuili") == "wushan cuili"
    assert normalise("巫山脆李") != normalise("巫山脆李2号")


def test_same_named_accessions_with_distant_fingerprints(make_accession, cli, tmp_path,
                                                          markers):
    n = plant(make_accession, cli, tmp_path)
    found = report(cli, "--min-markers", "2")
    assert found["name_conflicts"] == sorted(
        [conflict("Wushan Cuili", n["W1"], n["W2"], 1.0, 3),
         conflict("Wushan Cuili", n["W2"], n["W3"], 1.0, 3)],
        key=lambda c: c["accessions"])
    # W1 and W3 agree: duplicates, not a conflict; Q shares no name with W2.
    assert found["duplicates"] == [sorted([n["W1"], n["W3"]]), sorted([n["W2"], n["Q"]])]
    assert set(found) == {"duplicates", "parent_conflicts", "name_conflicts"}


def test_one_marker_is_enough_when_asked_and_the_threshold_counts(make_accession, cli,
                                                                  tmp_path, markers):
    n = plant(make_accession, cli, tmp_path)
    by_pair = {tuple(c["accessions"]): c for c in report(cli)["name_conflicts"]}
    # W4 (巫山脆李, like W1) is typed only at CPPCT022, where it differs from W1 and W3.
    assert by_pair[tuple(sorted([n["W1"], n["W4"]]))] == \
        conflict("巫山脆李", n["W1"], n["W4"], 1.0, 1)
    assert tuple(sorted([n["W3"], n["W4"]])) not in by_pair  # W3 is not called 巫山脆李
    assert report(cli, "--threshold", "1")["name_conflicts"] == []


def test_text_xlsx_and_page(make_accession, cli, client, tmp_path, markers):
    n = plant(make_accession, cli, tmp_path)
    out = tmp_path / "report.xlsx"
    result = cli("fingerprints", "report", "--min-markers", "2", "-o", out)
    assert result.exit_code == 0, result.output
    assert f"name conflict\tWushan Cuili\t{' '.join(sorted([n['W1'], n['W2']]))}\t" \
        "distance 1.0 over 3 marker(s)" in result.output
    assert result.output.rstrip().endswith("2 name conflict(s)")
    rows = list(load_workbook(out)["name_conflicts"].iter_rows(values_only=True))
    assert rows[0] == ("NAME", "ACCESSIONS", "DISTANCE", "MARKERS_COMPARED")
    assert ("Wushan Cuili", " ".join(sorted([n["W2"], n["W3"]])), 1, 3) in rows
    html = client.get("/fingerprints?min_markers=2").get_data(as_text=True)
    assert "同名而指纹不同" in html and "比较的标记数" in html
    first, second = sorted([n["W1"], n["W2"]])
    assert f'{first}</a> ≠ <a href="/accessions/{second}"' in html
    assert "<td>Wushan Cuili</td>" in html and "1.000" in html


def test_restricted_accessions_stay_hidden(make_accession, cli, client, tmp_path, markers):
    n = plant(make_accession, cli, tmp_path)
    from germplasm.accessions.services import get_by_number
    get_by_number(n["W2"], "CHN385").restricted = True
    db.session.commit()
    html = client.get("/fingerprints?min_markers=2").get_data(as_text=True)
    assert n["W2"] not in html and "没有同名而指纹不同的种质。" in html

"""Every SSR genotype and marker change is in the audit trail, with the user and the file it
came from; an accession's changed alleles show in its change history; a dry run records
nothing."""
from sqlalchemy import func, select

from germplasm.audit.models import AuditEntry
from germplasm.audit.services import history
from germplasm.extensions import db
from tests.conftest import write
from tests.fingerprints.conftest import MARKERS

HEADER = "ACCENUMB,CPPCT022_a,CPPCT022_b,UDP96-005_a,UDP96-005_b\n"


def ssr(accession, entity="ssr_genotype") -> list[tuple]:
    db.session.expire_all()
    return [(e.action, e.field, e.old_value, e.new_value, e.user, e.source)
            for e in history(accession.id) if e.entity == entity]


def entries() -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEntry))


def test_import_then_change_one_genotype(make_accession, cli, tmp_path, markers):
    a = make_accession()
    first = write(tmp_path / "run1.csv", HEADER + f"{a.accenumb},190,200,110,120\n")
    assert cli("import", "genotypes", first, "--kind", "ssr", "--user", "lab.li").exit_code == 0
    second = write(tmp_path / "run2.csv", HEADER + f"{a.accenumb},190,196,110,120\n")
    result = cli("import", "genotypes", second, "--kind", "ssr", "--user", "lab.wang")
    assert "created 0, updated 1, unchanged 1" in result.output
    assert ssr(a) == [
        ("create", "CPPCT022", None, "190/200", "lab.li", "run1.csv"),
        ("create", "UDP96-005", None, "110/120", "lab.li", "run1.csv"),
        ("update", "CPPCT022", "190/200", "190/196", "lab.wang", "run2.csv")]
    before = entries()
    assert cli("import", "genotypes", second, "--kind", "ssr").exit_code == 0  # unchanged
    assert entries() == before


def test_dry_run_and_rejected_files_record_nothing(make_accession, cli, tmp_path, markers):
    a = make_accession()
    good = write(tmp_path / "g.csv", HEADER + f"{a.accenumb},190,200,110,120\n")
    before = entries()
    assert cli("import", "genotypes", good, "--kind", "ssr", "--dry-run").exit_code == 0
    bad = write(tmp_path / "b.csv", HEADER + f"{a.accenumb},190,200,110,120\nNOPE,1,2,3,4\n")
    assert cli("import", "genotypes", bad, "--kind", "ssr").exit_code == 3
    changed = MARKERS.replace("180,240", "180,250")
    dry = cli("import", "markers", write(tmp_path / "m.csv", changed), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert entries() == before and ssr(a) == []


def test_marker_changes_are_audited(cli, tmp_path):
    path = write(tmp_path / "cat.csv", MARKERS)
    assert cli("import", "markers", path, "--user", "lab.li").exit_code == 0
    changed = MARKERS.replace("LG7,(CT)n,180,240", "LG7,(CT)n,176,250")
    assert cli("import", "markers", write(tmp_path / "cat2.csv", changed),
               "--user", "lab.wang").exit_code == 0
    rows = db.session.execute(
        select(AuditEntry.action, AuditEntry.field, AuditEntry.old_value, AuditEntry.new_value,
               AuditEntry.user, AuditEntry.source)
        .where(AuditEntry.entity == "ssr_marker").order_by(AuditEntry.id)).all()
    assert [tuple(r) for r in rows] == [
        ("create", None, None, "CPPCT022", "lab.li", "cat.csv"),
        ("create", None, None, "UDP96-005", "lab.li", "cat.csv"),
        ("create", None, None, "BPPCT007", "lab.li", "cat.csv"),
        ("update", "CPPCT022 MIN_SIZE", "180", "176", "lab.wang", "cat2.csv"),
        ("update", "CPPCT022 MAX_SIZE", "240", "250", "lab.wang", "cat2.csv")]


def test_the_accession_page_shows_old_and_new_alleles(make_accession, cli, client, tmp_path,
                                                      markers, as_role):
    a = make_accession()
    for run, alleles in (("run1.csv", "190,200"), ("run2.csv", "190,196")):
        path = write(tmp_path / run, HEADER + f"{a.accenumb},{alleles},NA,NA\n")
        assert cli("import", "genotypes", path, "--kind", "ssr", "--user", "lab.li").exit_code == 0
    assert "190/196" not in client.get(f"/accessions/{a.accenumb}").get_data(as_text=True)
    as_role("staff")
    html = client.get(f"/accessions/{a.accenumb}").get_data(as_text=True)
    history_html = html[html.index('<section class="history">'):]
    assert "SSR 基因型 修改" in history_html
    assert "<td>CPPCT022</td><td>190/200</td>" in history_html
    assert "<td>190/196</td><td>run2.csv</td>" in history_html

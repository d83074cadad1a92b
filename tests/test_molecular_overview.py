"""/molecular over HTTP: the navigation leads there, each molecular section is linked, and
the counts are of what the visitor may see (a restricted accession's records only for staff)."""
import re

from germplasm.accounts.services import create_user
from germplasm.extensions import db
from germplasm.fingerprints import services as fingerprints
from germplasm.pollination import services as pollination
from tests.accounts.test_login import login


def _counts(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<span class="badge count">(\d+)</span>', html)]


def _molecular_world(make_accession):
    public, hidden = make_accession(ACCENAME="巫山脆李"), make_accession(ACCENAME="秘李")
    hidden.restricted = True
    fingerprints.set_marker("CPPCT022", linkage_group="7", motif="(CT)n", min_size=150,
                            max_size=250, user="tester", source="test")
    marker = fingerprints.marker_named("CPPCT022")
    for accession in (public, hidden):
        fingerprints.set_genotype(accession, marker, (190, 196), "tester", source="test")
        pollination.set_genotype(accession, "S1S3", source="test", user="tester")
    db.session.commit()


def test_the_overview_counts_what_the_visitor_may_see(client, make_accession):
    _molecular_world(make_accession)
    home = client.get("/").get_data(as_text=True)
    assert 'href="/molecular"' in home and "分子数据" in home
    page = client.get("/molecular")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for link in ("/sequences/search", "/fingerprints", "/fingerprints/tree", "/pollinizers"):
        assert f'href="{link}"' in html or f'action="{link}"' in html
    assert _counts(html) == [0, 1, 1]  # sequences, fingerprinted, S-genotyped (public only)
    assert "/core" not in html  # building a core is for staff
    create_user("li.ming", "staff", "orchard-2026", "李明")
    db.session.commit()
    assert login(client, "li.ming", "orchard-2026").status_code == 302
    staff = client.get("/molecular").get_data(as_text=True)
    assert _counts(staff) == [0, 2, 2] and 'href="/core"' in staff


def test_the_overview_in_english(client):
    html = client.get("/molecular?lang=en").get_data(as_text=True)
    assert "Molecular data" in html and "Similarity search" in html

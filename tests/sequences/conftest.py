"""Sequence fixtures: the real Prunus plastid records and accessions they name."""
import pytest

from tests.conftest import REALDATA

PRUNUS = REALDATA / "prunus-sequences"
GENOMES = [PRUNUS / f"PQ87180{n}.1.gb" for n in (3, 4, 5)]
CDS_FASTA = PRUNUS / "Prunus_plastid_matK_rbcL_CDS_DERIVED.fasta"

needs_realdata = pytest.mark.skipif(not PRUNUS.is_dir(), reason=f"{PRUNUS} is absent")


@pytest.fixture
def isolates(make_accession):
    """Three accessions named as the real records' /isolate qualifiers."""
    return {name: make_accession(ACCENAME=name, SPECIES=species) for name, species in (
        ("Raineer C95", "avium"), ("Y5", "yunnanensis"), ("Y6", "pseudocerasus"))}

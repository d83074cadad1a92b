"""Evaluation fixtures: the shipped descriptors and a few accessions."""
import pytest

from germplasm.evaluations.descriptors import load_descriptors, shipped_descriptors


@pytest.fixture(autouse=True)
def descriptors(request, session):
    if "no_db" not in request.keywords:
        load_descriptors(shipped_descriptors(), user="tests")
        session.commit()


@pytest.fixture
def plums(make_accession):
    return [make_accession(accenumb=n, accename=name) for n, name in
            (("WSL0001", "巫山脆李"), ("WSL0002", "Santa Rosa"), ("WSL0003", "青脆李"))]

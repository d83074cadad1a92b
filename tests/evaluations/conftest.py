"""Evaluation fixtures: a few accessions (the descriptors come with the test database)."""
import pytest


@pytest.fixture
def plums(make_accession):
    return [make_accession(accenumb=n, accename=name) for n, name in
            (("WSL0001", "巫山脆李"), ("WSL0002", "Santa Rosa"), ("WSL0003", "青脆李"))]

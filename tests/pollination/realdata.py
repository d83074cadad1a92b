"""Where the real sweet-cherry S-allele files are: ../shared/realdata beside the checkout (as
tests/conftest.py looks), else /work/shared/realdata; tests skip only when neither exists."""
import csv
from pathlib import Path

import pytest

from tests.conftest import REALDATA

PLACES = [REALDATA, Path("/work/shared/realdata")]
FOLDER = next((p / "cherry-traits" for p in PLACES if (p / "cherry-traits").exists()), None)
needs_cherries = pytest.mark.skipif(FOLDER is None, reason=f"none of {PLACES} present")


def rows(name: str) -> list[dict]:
    with (FOLDER / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def varieties() -> list[dict]:
    return rows("cherries_variety_genotype_group.csv")


def published_groups() -> dict[str, str]:
    """{roman numeral: 'S1 S3'} from the 2020 table."""
    return {r["group"]: r["s_alleles"] for r in rows("cherry_incompatibility_groups_2020.csv")}

"""Where the BrAPI validator's collection and schemas are: ../shared/standards/brapi/brava
beside the checkout (as tests/conftest.py finds ../shared/realdata), else /work/shared.
A clean clone without either is skipped, as the real-data tests are; a shared folder that
exists but lacks the validator's files is a failure, with the path it looked in."""
import json
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PLACES = [REPO.parent / "shared", Path("/work/shared")]
SHARED = next((place for place in PLACES if place.exists()), None)
BRAVA = SHARED / "standards" / "brapi" / "brava" if SHARED else None

needs_shared = pytest.mark.skipif(SHARED is None, reason=f"none of {PLACES} present")


def brava() -> Path:
    collection = BRAVA / "CompleteBrapiTest.v2.1.json"
    if not collection.exists():
        pytest.fail(f"the BrAPI validator's collection is missing: {collection} (shared folder "
                    f"{SHARED} exists; see ../shared/reference/brapi-v2.1.md)")
    return BRAVA


@cache
def collection() -> dict:
    return json.loads((brava() / "CompleteBrapiTest.v2.1.json").read_text("utf-8"))


@cache
def schema(path: str) -> dict:
    """`/v2.1/Germplasm/getGermplasmResponse` -> that schema file, parsed."""
    file = brava() / "schemas" / f"{path.strip('/')}.json"
    if not file.exists():
        pytest.fail(f"the validator's schema {file} is missing")
    return json.loads(file.read_text("utf-8"))


def requests() -> list[tuple[str, dict]]:
    """(group name, request item) of the collection, in its order."""
    return [(group["name"], item) for group in collection()["item"] for item in group["item"]]

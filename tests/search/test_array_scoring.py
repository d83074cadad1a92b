"""Text search matches and scores on numpy arrays (search.bm25, search.segment_arrays); on
the demo catalogue, with several segments, deleted documents and fuzzy words, it must give
exactly whoosh's own matches, and whoosh's BM25F scores for exact words. (Fuzzy words are
scored as the words they stand for, with the field's boost, where whoosh drops the boost
when a fuzzy word stands for one word only.)"""
import random

import numpy as np
import pytest
from whoosh import index as whoosh_index

from germplasm.accessions.models import Accession, AccessionName
from germplasm.extensions import db
from search import accession_index, segment_arrays, text
from search.bm25 import Scorer
from search.text import build_query


@pytest.fixture
def small_thresholds(monkeypatch):
    """Treat the demo's 150 accessions as a large index, so arrays files are written and
    read as they are for 50,000."""
    monkeypatch.setattr(segment_arrays, "LARGE_SEGMENT", 40)
    monkeypatch.setattr(segment_arrays, "FREQUENT", 3)


@pytest.fixture
def segmented_index(demo, index_dir, small_thresholds):
    """A rebuilt index, then 60 accessions re-indexed (a second large segment, with their
    old documents deleted) and 5 more (a small segment)."""
    accession_index.rebuild()
    ids = sorted(db.session.scalars(db.select(Accession.id)))
    accession_index.update(set(ids[10:70]))
    accession_index.update(set(ids[100:105]))
    return whoosh_index.open_dir(index_dir)


def whoosh_scores(searcher, query) -> dict[int, float]:
    return {docnum: score for score, docnum in searcher.search(query, limit=None).top_n}


def array_scores(searcher, query) -> dict[int, float]:
    mask, scores = Scorer(searcher).evaluate(query)
    return {int(d): float(scores[d]) for d in np.flatnonzero(mask)}


def words_of_the_catalogue(rng: random.Random, count: int) -> list[str]:
    names = list(db.session.scalars(db.select(AccessionName.name)))
    words = []
    for name in rng.sample(names, count):
        if name.isascii():
            word = rng.choice(name.split())
            words.append(word[:2] + word[3:] + word[2] if len(word) > 4 else word)  # a typo
        else:
            start = rng.randrange(len(name))
            words.append(name[start:start + rng.randint(1, 3)])
    words = [w.strip() for w in words if w.strip()]
    return words + ["李", "中国", "cuili", "wushan cuili", "Čačanska", "nothing-like-it"]


def test_array_matches_and_scores_equal_whoosh(segmented_index):
    with segmented_index.searcher() as searcher:
        assert len(searcher.leaf_searchers()) == 3 and searcher.reader().has_deletions()
        matched = 0
        for words in words_of_the_catalogue(random.Random(5), 60):
            for fuzzy in (False, True):
                query = build_query(words, searcher.schema, fuzzy=fuzzy)
                if query is None:  # punctuation only: search.text answers nothing
                    continue
                expected, got = whoosh_scores(searcher, query), array_scores(searcher, query)
                assert got.keys() == expected.keys(), (words, fuzzy)
                matched += bool(got)
                for docnum, score in expected.items() if not fuzzy else ():
                    assert got[docnum] == pytest.approx(score, rel=1e-5), (words, docnum)
        assert matched > 60  # of 2 × 66 queries (misspelt words match only fuzzily)


def test_arrays_files_are_written_for_large_segments_only(segmented_index, index_dir):
    with segmented_index.searcher() as searcher:
        sizes = {sub.reader().segment().segment_id(): sub.doc_count_all()
                 for sub, _ in searcher.leaf_searchers()}
    files = {p.name.removesuffix(segment_arrays.SUFFIX)
             for p in index_dir.glob(f"*{segment_arrays.SUFFIX}")}
    assert files == {segment for segment, size in sizes.items() if size >= 40}
    assert sorted(sizes.values())[0] == 5 and len(files) == 2


def test_a_renamed_accession_is_found_by_its_new_name_only(client, segmented_index, cli):
    accession = db.session.scalar(db.select(Accession).order_by(Accession.id).limit(1))
    old = accession.names[0].name
    result = cli("import", "mcpd", _sheet(accession, "丰都晚熟李"))
    assert result.exit_code == 0, result.output
    text.forget()
    found = client.get("/api/v1/accessions?q=丰都晚熟李").get_json()
    assert [i["accenumb"] for i in found["items"]] == [accession.accenumb]
    hits = client.get("/api/v1/accessions", query_string={"q": old, "per_page": 100})
    assert accession.accenumb not in [i["accenumb"] for i in hits.get_json()["items"]]


def _sheet(accession, name):
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / "rename.csv"
    path.write_text("INSTCODE,ACCENUMB,ACCENAME,GENUS,SPECIES\n"
                    f"{accession.instcode},{accession.accenumb},{name},Prunus,"
                    f"{accession.taxon.species}\n", encoding="utf-8")
    return path


def test_an_update_waiting_for_another_writer_still_writes_its_arrays(
        catalogue, index_dir, monkeypatch):
    """Another worker holds whoosh's lock: the update commits later, from a thread, and that
    thread writes the arrays file of the segment it made."""
    import time

    monkeypatch.setattr(segment_arrays, "LARGE_SEGMENT", 1)
    monkeypatch.setattr(segment_arrays, "FREQUENT", 1)
    accession_index.rebuild()
    ix = whoosh_index.open_dir(index_dir)
    generation = ix.latest_generation()
    other_worker = ix.writer()  # holds the lock
    accession_index.update({catalogue["S002"].id})
    assert ix.latest_generation() == generation  # nothing written while the lock is held
    other_worker.cancel()

    def arrays_for_every_segment():
        ix.refresh()
        with ix.searcher() as searcher:
            segments = {sub.reader().segment().segment_id()
                        for sub, _ in searcher.leaf_searchers()}
        files = {p.name.removesuffix(segment_arrays.SUFFIX)
                 for p in index_dir.glob(f"*{segment_arrays.SUFFIX}")}
        return len(segments) == 2 and files == segments

    deadline = time.monotonic() + 30
    while not arrays_for_every_segment() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert arrays_for_every_segment()
    with whoosh_index.open_dir(index_dir).searcher() as searcher:
        query = build_query("Santa Rosa", searcher.schema)
        found = array_scores(searcher, query)
        assert found.keys() == whoosh_scores(searcher, query).keys()
        aids = Scorer(searcher).aids()
        assert catalogue["S002"].id in {int(aids[d]) for d in found}


def test_an_index_without_arrays_files_still_answers_and_says_so_once(
        client, catalogue, index_dir, small_thresholds, monkeypatch, caplog):
    """An index written before arrays files existed: whoosh reads the terms instead."""
    import logging

    monkeypatch.setattr(segment_arrays, "LARGE_SEGMENT", 1)
    monkeypatch.setattr(segment_arrays, "_warned", set())
    accession_index.rebuild()
    client.get("/api/v1/accessions")  # indexes the fixture's pending changes after the request
    queries = ("q=巫山", "q=cuili")
    with_files = [client.get(f"/api/v1/accessions?{q}").get_json() for q in queries]
    assert all("S001" in [i["accenumb"] for i in body["items"]] for body in with_files)
    files = list(index_dir.glob(f"*{segment_arrays.SUFFIX}"))
    for path in files:
        path.unlink()
    text.forget()
    with caplog.at_level(logging.WARNING, logger="search.segment_arrays"):
        without = [client.get(f"/api/v1/accessions?{q}").get_json() for q in queries]
    assert without == with_files
    assert caplog.text.count("germplasm reindex") == len(files)  # once per segment


def test_an_updated_accession_matches_once_in_a_running_worker(client, catalogue, index_dir):
    """The worker's searcher must see the deletions an update makes (whoosh's refresh()
    kept the old segment readers, so the old document matched too)."""
    first = client.get("/api/v1/accessions?q=巫山").get_json()  # indexes pending changes
    again = client.get("/api/v1/accessions?q=巫山").get_json()
    accession_index.update({catalogue["S001"].id})
    _, ids, _ = text.text_matches("巫山")
    assert sorted(ids.tolist()) == sorted(set(ids.tolist()))
    assert client.get("/api/v1/accessions?q=巫山").get_json()["total"] == again["total"]
    assert first["total"] == again["total"]

"""What benchmarks/scale.py's section says about the causes of its figures, found by hand."""

FINDINGS = """Where the time and memory go at this size (profiled by hand on this database,
2026-12-02; cProfile, SQL timings, EXPLAIN):

- Search, before commits 45d8823, e3a3edf and 191900e (test client, text uncached, p95):
  `q=李` 126–153 ms, `sort=-SSC` 134–144 ms, no parameters 65–77 ms. Every request
  recomputed the trait facets' classes over the whole collection (binary searches of
  500,000 values per trait: about 40 % of a request), sorted every match for a page of 20
  (up to 500,000 with lexsort: 15–35 %) and searched the snapshot's ids twice for the
  text's matches. These are now made once per snapshot, a partial sort and a look-up
  table (the figures above).
- Snapshot: a worker's first request, and the first after any change it cannot patch (a
  large import, a descriptor), rebuilds it: 10–15 s and 1.6 GiB at the peak (0.9 GiB
  after) per gunicorn worker. The 4 million overall summaries (500,000 accessions × 8
  descriptors) pass through SQLAlchemy rows (about 5 s), the driver and server (about 4
  s) and a Python loop (3 s); 248 MB of its 303 MB of arrays belong to the 56 descriptors
  that only WSL00001 has (a mean or mode array with a place for every accession each).
- `import_rows` into a campaign that already holds rows: 300–450 rows/s while the
  campaign's rows were missing from the table statistics (PostgreSQL re-analyzes a table
  after 10 % of it changed, here a million rows), 3,600 rows/s once analyzed, 8,200 rows/s
  into a new campaign. `observations._existing` looks up 400 keys at a time with a
  row-value IN, planned without statistics as a scan of the whole campaign per batch
  (reproduced on a copy: 2,000 keys in 10.4 s, 1.4 s after ANALYZE).
- MCPD import: storing 50,000 rows takes 8.6 s into an empty catalogue and 21 s at
  450,000: pedigree linking matches ANCEST tokens with `lower(accenumb)` and `lower(name)
  IN (...)`, which no index serves (a scan of 500,000 accessions and 611,000 names per 500
  tokens, 46 % of the time).
- A worker's first text search after it started or after a re-index reads the segments'
  arrays files: *cold* p95 390–530 ms.
- WSL00001's page (1,960 observations; 64 descriptors × 21 columns of summaries): the
  template about 30 % of it, the trait table's 1,344 summaries as ORM objects 20 %, the
  500 rows of history 16 %, the charts 16 % (each chart asked the database for the
  catalogue's version until 2f25e23: 23 -> 15 ms for its eight charts)."""

"""Core collections: a small subset of accessions that keeps the collection's diversity."""

"""Nucleotide sequences of accessions: FASTA/GenBank import and export, similarity search."""

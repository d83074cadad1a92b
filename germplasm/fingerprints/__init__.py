"""SSR fingerprints (issue 14): a marker catalogue, genotypes per accession and marker,
fingerprint distances and the duplicate and parent-conflict report."""

"""S-alleles, cross-compatibility and pollinizer advice (issue 14)."""

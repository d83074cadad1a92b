"""`germplasm backup` and `germplasm restore`: a whole instance in one .tar.gz file."""

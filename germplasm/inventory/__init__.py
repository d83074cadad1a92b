"""The living collection: plants (trees), lots of material and their stock ledger."""

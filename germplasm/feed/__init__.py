"""The change feed: one append-only log of what changed, written in the same transaction as
the change itself (an outbox). Partners poll it to sync; every app process's search index
follows it."""
